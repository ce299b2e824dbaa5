import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { decode } from 'next-auth/jwt';
import { loadLiveSession, type LiveSession } from '../../lib/auth/user-sessions';
import type { Db } from '../../lib/db/db';

/**
 * Reads next-auth's session cookie (an encrypted JWT) from a request's headers
 * and returns the live session with the acting user's current roles — or null
 * for no, forged, expired or ended session, or a deactivated user. Used before
 * a websocket upgrade is accepted and in the socket.io handshake.
 */
export type SessionResolver = (headers: IncomingHttpHeaders) => Promise<LiveSession | null>;

export function createSessionResolver(options: { db: Db; secret: string; cookieName: string }): SessionResolver {
  return async (headers) => {
    const token = parseCookies(headers.cookie ?? '')[options.cookieName];
    if (!token) return null;
    const payload = await decode({ token, secret: options.secret }).catch(() => null);
    return loadLiveSession(options.db, payload);
  };
}

import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { decode } from 'next-auth/jwt';
import { loadActor, type Actor } from '../../lib/access/access-service';
import type { Db } from '../../lib/db/db';

/**
 * Reads next-auth's session cookie (an encrypted JWT) from a request's headers
 * and returns the acting user with their current roles — or null for no,
 * expired or forged session, or a deactivated user. Used before a websocket
 * upgrade is accepted and in the socket.io handshake.
 */
export type SessionResolver = (headers: IncomingHttpHeaders) => Promise<Actor | null>;

export function createSessionResolver(options: { db: Db; secret: string; cookieName: string }): SessionResolver {
  return async (headers) => {
    const token = parseCookies(headers.cookie ?? '')[options.cookieName];
    if (!token) return null;
    const payload = await decode({ token, secret: options.secret }).catch(() => null);
    if (!payload?.sub || typeof payload.sub !== 'string') return null;
    return loadActor(options.db, payload.sub);
  };
}

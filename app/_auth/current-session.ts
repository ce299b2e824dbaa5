import { getToken } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { loadLiveSession, type LiveSession } from '@/lib/auth/user-sessions';
import { sessionCookieName } from '@/lib/auth/session-cookie';
import { getDb } from '@/lib/db/db';
import { runtimeConfig } from '@/lib/runtime/services';

/**
 * The live session behind this request's cookie (`live`), or null: no
 * cookie, a forged or expired one, a session ended on the server (logout,
 * deactivation), or a deactivated user. `hadCookie` tells "never logged in"
 * from "your session ended". Pages, server actions and API routes start here.
 */
export async function readSession(): Promise<{ live: LiveSession | null; hadCookie: boolean }> {
  const config = runtimeConfig();
  const jar = await cookies();
  const hadCookie = jar.has(sessionCookieName(config.publicUrl));
  if (!hadCookie) return { live: null, hadCookie };
  const request = { cookies: jar, headers: await headers() };
  const claims = await getToken({
    req: request as unknown as Parameters<typeof getToken>[0]['req'],
    secret: config.authSecret,
  }).catch(() => null);
  return { live: await loadLiveSession(getDb(), claims), hadCookie };
}

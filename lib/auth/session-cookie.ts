import { runtimeConfig } from '../runtime/services';

/**
 * next-auth's session cookie name. It carries the `__Secure-` prefix when the
 * app is served over https; the Node server reads the same cookie to
 * authenticate websocket upgrades, so both sides take the name from here.
 */
export function sessionCookieName(authUrl: string): string {
  return authUrl.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

/**
 * How long a login lasts: SAMLET_SESSION_MAX_AGE as server/config.ts
 * validated it (a work day by default). Absolute — activity does not extend
 * it; a new login is needed.
 */
export function sessionMaxAgeSeconds(): number {
  return runtimeConfig().sessionMaxAgeSeconds;
}

/**
 * next-auth's session cookie name. It carries the `__Secure-` prefix when the
 * app is served over https; the Node server reads the same cookie to
 * authenticate websocket upgrades, so both sides take the name from here.
 */
export function sessionCookieName(authUrl: string): string {
  return authUrl.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

/** A work day: sessions end after 8 hours and a new login is needed. */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

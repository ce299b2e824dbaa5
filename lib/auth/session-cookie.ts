/**
 * next-auth's session cookie name. It carries the `__Secure-` prefix when the
 * app is served over https; the Node server reads the same cookie to
 * authenticate websocket upgrades, so both sides take the name from here.
 */
export function sessionCookieName(authUrl: string): string {
  return authUrl.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

const workDaySeconds = 8 * 60 * 60;

/**
 * How long a login lasts: `SAMLET_SESSION_MAX_AGE` (validated and published
 * by server/config.ts), a work day by default. Absolute — activity does not
 * extend it; a new login is needed.
 */
export function sessionMaxAgeSeconds(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.SAMLET_SESSION_MAX_AGE);
  return Number.isInteger(value) && value > 0 ? value : workDaySeconds;
}

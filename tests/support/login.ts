/**
 * Logs in through next-auth's real endpoints (CSRF token, then the
 * credentials callback) and returns the session cookie, or null on failure.
 */
export async function login(baseUrl: string, email: string, password: string): Promise<string | null> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = cookiePairs(csrfResponse.headers.getSetCookie());
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  return session ? session.split(';')[0] : null;
}

function cookiePairs(setCookies: string[]): string {
  return setCookies.map((c) => c.split(';')[0]).join('; ');
}

/** Session cookies for every demo user, by role name of tests/support/fixtures.ts `demo`. */
export async function loginDemoUsers(baseUrl: string, users: Record<string, string>, password: string): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const [role, email] of Object.entries(users)) {
    if (role === 'password') continue;
    const cookie = await login(baseUrl, email, password);
    if (!cookie) throw new Error(`demo login failed for ${email}`);
    cookies[role] = cookie;
  }
  return cookies;
}

/** Logs out through next-auth's real endpoint (CSRF token, then signout); the response's status. */
export async function signOut(baseUrl: string, cookie: string): Promise<number> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `${cookie}; ${cookiePairs(csrf.headers.getSetCookie())}`,
      origin: baseUrl,
    },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  return response.status;
}

'use client';

/** Where a page goes when the server ends its session (logout elsewhere, expiry, deactivation). */
export const sessionEndedUrl = '/login?error=SessionEnded';

/** Asked again after these pauses while the server gives no answer (busy, restarting, or the network down). */
const retryAfterMs = [1000, 2000, 4000, 8000];

/**
 * The server closed a live connection without saying why, or its reason was
 * lost on the way (an event sent just before a disconnect): ask whether this
 * login still lives, and go to the login page saying so when it does not.
 * `/api/auth/session` answers `{}` for a session that has ended (app/_auth/session-endpoint.ts).
 * No answer (an error status, a failed fetch) is asked again a few times: the
 * socket.io connection does not reconnect after the server's disconnect, so
 * this may be the page's only chance to learn that the login ended.
 */
export async function leaveIfSessionEnded(attempt = 0, whenLive?: () => void): Promise<void> {
  const answer = await askWhetherLoginLives();
  if (answer === 'ended') window.location.assign(sessionEndedUrl);
  else if (answer === 'live') whenLive?.();
  else if (attempt < retryAfterMs.length) {
    setTimeout(() => void leaveIfSessionEnded(attempt + 1, whenLive), retryAfterMs[attempt]);
  }
}

/**
 * socket.io's server disconnects a socket for two reasons only: the login
 * ended, or the user's access changed (a role, a recusal, an acting chair:
 * `access:changed`, then the disconnect). With the word lost on the way, the
 * answer to "does the login live" tells which: ended goes to the login page,
 * live loads the page again so that it is checked against the access as it is
 * now (what `access:changed` does) — never a room left with a dead socket.
 */
export function leaveOrReloadAfterServerDisconnect(): void {
  void leaveIfSessionEnded(0, () => window.location.reload());
}

async function askWhetherLoginLives(): Promise<'live' | 'ended' | 'no-answer'> {
  try {
    const response = await fetch('/api/auth/session', { cache: 'no-store', credentials: 'same-origin' });
    // The server cannot answer now: not a reason to log anyone out, but not an answer either.
    if (!response.ok) return 'no-answer';
    const session = (await response.json()) as { user?: unknown };
    return session.user ? 'live' : 'ended';
  } catch {
    return 'no-answer';
  }
}

const askEveryMs = 10_000;
let lastAsked = -Infinity;

/**
 * The same for a connection that keeps failing (a refused reconnect after a
 * logout elsewhere looks like any lost network): asks at most every 10 s, so a
 * page retrying while offline does not ask on each attempt. Not asked again
 * after no answer: the connection's next failed attempt asks again.
 */
export function leaveIfSessionEndedThrottled(now = performance.now()): void {
  if (now - lastAsked < askEveryMs) return;
  lastAsked = now;
  void leaveIfSessionEnded(retryAfterMs.length);
}

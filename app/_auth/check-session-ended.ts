'use client';

/** Where a page goes when the server ends its session (logout elsewhere, expiry, deactivation). */
export const sessionEndedUrl = '/login?error=SessionEnded';

/**
 * The server closed a live connection without saying why, or its reason was
 * lost on the way (an event sent just before a disconnect): ask whether this
 * login still lives, and go to the login page saying so when it does not.
 * `/api/auth/session` answers `{}` for a session that has ended (app/_auth/session-endpoint.ts).
 */
export async function leaveIfSessionEnded(): Promise<void> {
  try {
    const response = await fetch('/api/auth/session', { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return; // the server cannot answer now: not a reason to log anyone out
    const session = (await response.json()) as { user?: unknown };
    if (!session.user) window.location.assign(sessionEndedUrl);
  } catch {
    // offline: the connection's own reconnecting will tell
  }
}

const askEveryMs = 10_000;
let lastAsked = -Infinity;

/**
 * The same for a connection that keeps failing (a refused reconnect after a
 * logout elsewhere looks like any lost network): asks at most every 10 s, so a
 * page retrying while offline does not ask on each attempt.
 */
export function leaveIfSessionEndedThrottled(now = performance.now()): void {
  if (now - lastAsked < askEveryMs) return;
  lastAsked = now;
  void leaveIfSessionEnded();
}

/**
 * The bridge from a session ending (logout in a route handler; later an
 * administrator deactivating someone) to the live connections the Node server
 * holds for it. The server registers its implementation at start-up; Next's
 * bundled code reaches it through globalThis, as with the case content store.
 */
export interface LiveSessionControl {
  /** Closes every websocket (Yjs and socket.io) opened with these sessions. */
  endSessions(sessionIds: string[]): void;
  /** Closes a user's websockets so that each reconnects and is checked against their current roles. */
  recheckUser(userId: string): void;
}

type WithControl = typeof globalThis & { __samletLiveSessions?: LiveSessionControl };

export function registerLiveSessionControl(control: LiveSessionControl): void {
  (globalThis as WithControl).__samletLiveSessions = control;
}

/** Ends the live connections of these sessions, if a server is running here (no-op in tools and tests without one). */
export function endLiveSessions(sessionIds: string[]): void {
  if (sessionIds.length > 0) (globalThis as WithControl).__samletLiveSessions?.endSessions(sessionIds);
}

/** A user's roles changed: their live connections reconnect and are checked again. */
export function recheckLiveUser(userId: string): void {
  (globalThis as WithControl).__samletLiveSessions?.recheckUser(userId);
}

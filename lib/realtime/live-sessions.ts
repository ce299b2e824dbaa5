import { optionalRuntimeService } from '../runtime/services';

/**
 * The bridge from a session ending (logout in a route handler; later an
 * administrator deactivating someone) to the live connections the Node server
 * holds for it. The server registers its implementation with the runtime
 * services (lib/runtime/services.ts) at start-up.
 */
export interface LiveSessionControl {
  /** Closes every websocket (Yjs and socket.io) opened with these sessions. */
  endSessions(sessionIds: string[]): void;
  /** Closes a user's websockets so that each reconnects and is checked against their current roles. */
  recheckUser(userId: string): void;
}

/** Ends the live connections of these sessions, if a server is running here (no-op in tools without one). */
export function endLiveSessions(sessionIds: string[]): void {
  if (sessionIds.length > 0) optionalRuntimeService('liveSessions')?.endSessions(sessionIds);
}

/** A user's roles changed: their live connections reconnect and are checked again. */
export function recheckLiveUser(userId: string): void {
  optionalRuntimeService('liveSessions')?.recheckUser(userId);
}

import { optionalRuntimeService } from '../runtime/services';

/**
 * The bridge from a session ending (logout in a route handler, an
 * administrator deactivating someone) or a user's access changing to what the
 * Node servers hold for it: live connections, and the sessions each node's
 * cache keeps (lib/auth/session-cache.ts). The server registers its
 * implementation with the runtime services (lib/runtime/services.ts) at
 * start-up. Each call resolves once every node has acted on it (or a second
 * has passed), so the caller answers only after that.
 */
export interface LiveSessionControl {
  /** Forgets these sessions and closes every websocket (Yjs and socket.io) opened with them. */
  endSessions(sessionIds: string[]): Promise<void>;
  /** Forgets a user's kept sessions and closes their websockets, so that each reconnects and is checked against their current roles. */
  recheckUser(userId: string): Promise<void>;
  /** Forgets a user's kept sessions only (a membership added, a new name): their next request reads them again. */
  forgetUser(userId: string): Promise<void>;
}

/** Ends the live connections of these sessions, if a server is running here (no-op in tools without one). */
export async function endLiveSessions(sessionIds: string[]): Promise<void> {
  if (sessionIds.length > 0) await optionalRuntimeService('liveSessions')?.endSessions(sessionIds);
}

/** A user's roles changed: their live connections reconnect and are checked again. */
export async function recheckLiveUser(userId: string): Promise<void> {
  await optionalRuntimeService('liveSessions')?.recheckUser(userId);
}

/** What a user's session carries changed without taking anything away: every node reads it again. */
export async function forgetLiveUser(userId: string): Promise<void> {
  await optionalRuntimeService('liveSessions')?.forgetUser(userId);
}

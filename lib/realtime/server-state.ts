/**
 * What the server tells the clients of a Yjs document through its own
 * awareness entry (the stock protocol; no custom message types). Today one
 * thing: its writes to the database are failing, so edits are held in the
 * server's memory and retried, but not yet saved.
 */
export const serverStateKey = 'samletServer';

export type ServerState = { unsaved: boolean };

/** Reads the server's state out of a document's awareness states (anything else there is ignored). */
export function serverStateOf(states: Iterable<unknown>): ServerState {
  for (const state of states) {
    const entry = (state as Record<string, unknown> | null)?.[serverStateKey] as { unsaved?: unknown } | undefined;
    if (entry?.unsaved === true) return { unsaved: true };
  }
  return { unsaved: false };
}

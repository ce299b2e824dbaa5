import type { UnsavedWriters } from '../../../lib/meetings/await-saved-writers';
import type { SharedDocument } from './shared-document';

/**
 * Who may still have edits of this document that are not stored: every
 * presence that says `pending` (set by the app's client until the server's
 * save acknowledgement covers its copy; only writable connections may say it,
 * awareness-filter.ts) — this node's connections and, relayed, other nodes'
 * — and whether this node's persistence queue has written all it holds.
 */
export function unsavedWriters(shared: SharedDocument): UnsavedWriters {
  const readOnlyIds = new Set<number>();
  for (const info of shared.connections.values()) if (info.readOnly) for (const id of info.awarenessIds) readOnlyIds.add(id);
  const names = new Set<string>();
  for (const [clientId, state] of shared.awareness.getStates()) {
    const presence = state as { pending?: unknown; user?: { name?: unknown } } | null;
    if (readOnlyIds.has(clientId) || presence?.pending !== true) continue;
    names.add(typeof presence.user?.name === 'string' ? presence.user.name : '?');
  }
  const { enqueued, written } = shared.persistence.progress;
  return { names: [...names].sort((a, b) => a.localeCompare(b, 'nb')), unwritten: enqueued > written };
}

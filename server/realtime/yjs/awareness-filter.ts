import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { clientPresenceSchema, type PresenceUser } from '../../../lib/realtime/presence';
import { parseInput } from '../../../lib/validation/parse-input';

/** Awareness client ids one connection may hold (the stock client uses one; a page per provider). */
export const maxAwarenessIdsPerConnection = 8;

export type AwarenessSender = {
  /** Read-only at this message: may share presence, never `pending`. */
  readOnly: boolean;
  /** From the connection's session: the only name and colour its states carry. */
  user: PresenceUser;
  /** Ids this connection has set before (its own to update or clear). */
  ownIds: ReadonlySet<number>;
  /** An id another connection, another node or the server itself holds: never this one's to set. */
  takenElsewhere: (clientId: number) => boolean;
};

/**
 * Rewrites one client awareness update (y-protocols' encoding: a count, then
 * per entry client id, clock and JSON state) into what the server lets it
 * say: for each id it may speak for, only `field`, `cursor` and (when it may
 * edit) `pending`, plus `user` from its session. The server's own status key
 * (`samletServer`) and anything else are dropped. Returns null when nothing
 * is left. A malformed frame throws (the connection is closed with 4400).
 */
export function filterAwarenessUpdate(update: Uint8Array, sender: AwarenessSender): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; state: string }[] = [];
  let newIds = 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw: unknown = JSON.parse(decoding.readVarString(decoder));
    const own = sender.ownIds.has(clientId);
    if (!own && sender.takenElsewhere(clientId)) continue; // no speaking for someone else
    if (raw === null) {
      // Leaving: only for an id it holds (others' presence is not its to clear).
      if (own) kept.push({ clientId, clock, state: 'null' });
      continue;
    }
    if (!own && sender.ownIds.size + ++newIds > maxAwarenessIdsPerConnection) continue;
    const presence = parseInput(clientPresenceSchema, raw);
    const state = {
      ...(presence.field !== undefined ? { field: presence.field } : {}),
      ...(presence.cursor !== undefined ? { cursor: presence.cursor } : {}),
      ...(presence.pending !== undefined && !sender.readOnly ? { pending: presence.pending } : {}),
      user: sender.user,
    };
    kept.push({ clientId, clock, state: JSON.stringify(state) });
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { clientPresenceSchema, type PresenceUser } from '../../../lib/realtime/presence';
import { parseInput } from '../../../lib/validation/parse-input';

const utf8 = new TextEncoder();
const encodedNull = utf8.encode('null');

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
  /** The connection's last states as sent and as passed on, to skip re-validating a repeated one. */
  recent?: RecentStates;
};

/**
 * The last state each awareness id of one connection sent (the JSON string as
 * it arrived) and what the filter made of it. A client sends the same state
 * again and again with only its clock raised — the 15 s renewal of
 * y-protocols, a caret at the end of a text while someone types there — and
 * with 500 people in meetings the parse, the schema and the re-encoding of
 * each such repeat was a measurable share of the server's CPU
 * (docs/performance.md). The same string from the same connection, under the
 * same read-only state, is filtered to the same result, so it is reused.
 */
export class RecentStates {
  private readonly byId = new Map<number, { raw: string; readOnly: boolean; kept: string; encoded: Uint8Array }>();

  lookup(clientId: number, raw: string, readOnly: boolean): string | null {
    return this.entry(clientId, raw, readOnly)?.kept ?? null;
  }

  /** The kept state as UTF-8, as the filter writes it (encoding it again per repeat was a third of the filter's time). */
  lookupEncoded(clientId: number, raw: string, readOnly: boolean): Uint8Array | null {
    return this.entry(clientId, raw, readOnly)?.encoded ?? null;
  }

  remember(clientId: number, raw: string, readOnly: boolean, kept: string, encoded = utf8.encode(kept)): void {
    // Bounded like the ids a connection may hold; a connection cycling through ids starts afresh.
    if (!this.byId.has(clientId) && this.byId.size >= maxAwarenessIdsPerConnection) this.byId.clear();
    this.byId.set(clientId, { raw, readOnly, kept, encoded });
  }

  private entry(clientId: number, raw: string, readOnly: boolean) {
    const last = this.byId.get(clientId);
    return last && last.raw === raw && last.readOnly === readOnly ? last : null;
  }

  forget(clientId: number): void {
    this.byId.delete(clientId);
  }
}

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
  const kept: { clientId: number; clock: number; state: Uint8Array }[] = [];
  let newIds = 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    const own = sender.ownIds.has(clientId);
    if (!own && sender.takenElsewhere(clientId)) continue; // no speaking for someone else
    const repeated = own ? sender.recent?.lookupEncoded(clientId, json, sender.readOnly) : null;
    if (repeated) {
      kept.push({ clientId, clock, state: repeated });
      continue;
    }
    const raw: unknown = JSON.parse(json);
    if (raw === null) {
      // Leaving: only for an id it holds (others' presence is not its to clear).
      if (own) kept.push({ clientId, clock, state: encodedNull });
      sender.recent?.forget(clientId);
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
    const filtered = JSON.stringify(state);
    const encoded = utf8.encode(filtered);
    sender.recent?.remember(clientId, json, sender.readOnly, filtered, encoded);
    kept.push({ clientId, clock, state: encoded });
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarUint8Array(encoder, entry.state); // = writeVarString of the same text
  }
  return encoding.toUint8Array(encoder);
}

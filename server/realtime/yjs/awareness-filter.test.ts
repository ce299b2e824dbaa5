import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { filterAwarenessUpdate, maxAwarenessIdsPerConnection, RecentStates, type AwarenessSender } from './awareness-filter';

type Entry = { clientId: number; clock: number; state: unknown };

function encode(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

function decode(update: Uint8Array | null): Entry[] {
  if (!update) return [];
  const decoder = decoding.createDecoder(update);
  return Array.from({ length: decoding.readVarUint(decoder) }, () => ({
    clientId: decoding.readVarUint(decoder),
    clock: decoding.readVarUint(decoder),
    state: JSON.parse(decoding.readVarString(decoder)) as unknown,
  }));
}

const user = { name: 'Kari Nordmann', color: '#1d4ed8', colorLight: '#1d4ed833' };
const sender = (over: Partial<AwarenessSender> = {}): AwarenessSender => ({
  readOnly: false,
  user,
  ownIds: new Set(),
  takenElsewhere: () => false,
  ...over,
});
const position = { type: null, tname: 'item.notes', item: { client: 7, clock: 3 }, assoc: 0 };

describe('filterAwarenessUpdate', () => {
  it('keeps field, cursor and pending, and puts the session’s name and colour in place of the client’s', () => {
    const state = { field: 'notes', cursor: { anchor: position, head: position }, pending: true, user: { name: 'Someone else' } };
    expect(decode(filterAwarenessUpdate(encode([{ clientId: 5, clock: 2, state }]), sender()))).toEqual([
      { clientId: 5, clock: 2, state: { field: 'notes', cursor: { anchor: position, head: position }, pending: true, user } },
    ]);
  });

  it('drops the server’s status key and any other key', () => {
    const state = { samletServer: { unsaved: true }, marker: 'x', field: null };
    expect(decode(filterAwarenessUpdate(encode([{ clientId: 5, clock: 1, state }]), sender()))[0].state).toEqual({ field: null, user });
  });

  it('drops a malformed value of one key and keeps the others', () => {
    const state = { field: 'x'.repeat(65), cursor: { anchor: { evil: 1 }, head: position }, pending: 'yes' };
    expect(decode(filterAwarenessUpdate(encode([{ clientId: 5, clock: 1, state }]), sender()))[0].state).toEqual({ user });
    expect(decode(filterAwarenessUpdate(encode([{ clientId: 5, clock: 1, state: [1, 2] }]), sender()))[0].state).toEqual({ user });
  });

  it('never lets a read-only connection say it has unsaved edits', () => {
    const out = decode(
      filterAwarenessUpdate(encode([{ clientId: 5, clock: 1, state: { field: 'notes', pending: true } }]), sender({ readOnly: true })),
    );
    expect(out[0].state).toEqual({ field: 'notes', user });
  });

  it('refuses states for ids held elsewhere, and clearing ids that are not its own', () => {
    const s = sender({ ownIds: new Set([5]), takenElsewhere: (id) => id === 9 });
    const out = decode(
      filterAwarenessUpdate(
        encode([
          { clientId: 9, clock: 4, state: { field: 'notes' } },
          { clientId: 11, clock: 4, state: null },
          { clientId: 5, clock: 3, state: null },
        ]),
        s,
      ),
    );
    expect(out).toEqual([{ clientId: 5, clock: 3, state: null }]);
    expect(filterAwarenessUpdate(encode([{ clientId: 9, clock: 4, state: null }]), s)).toBeNull();
  });

  it('caps the ids one connection may hold', () => {
    const entries = Array.from({ length: maxAwarenessIdsPerConnection + 3 }, (_, i) => ({ clientId: 100 + i, clock: 1, state: {} }));
    expect(decode(filterAwarenessUpdate(encode(entries), sender()))).toHaveLength(maxAwarenessIdsPerConnection);
  });

  it('passes a repeated state on as before, read-only or not as the connection is now, and only for its own ids', () => {
    const recent = new RecentStates();
    const ownIds = new Set<number>();
    const state = { field: 'notes', pending: true, user: { name: 'Someone else' } };
    const first = decode(filterAwarenessUpdate(encode([{ clientId: 5, clock: 1, state }]), sender({ ownIds, recent })));
    expect(recent.lookup(5, JSON.stringify(state), false)).toBe(JSON.stringify(first[0].state));
    ownIds.add(5); // the server applied it: the id is the connection's now
    expect(decode(filterAwarenessUpdate(encode([{ clientId: 5, clock: 2, state }]), sender({ ownIds, recent })))).toEqual([
      { clientId: 5, clock: 2, state: { field: 'notes', pending: true, user } },
    ]);
    // Made read-only (a lock): the same string no longer carries `pending`.
    expect(decode(filterAwarenessUpdate(encode([{ clientId: 5, clock: 3, state }]), sender({ ownIds, recent, readOnly: true })))).toEqual([
      { clientId: 5, clock: 3, state: { field: 'notes', user } },
    ]);
    // An id that is not (or no longer) the connection's is judged afresh: held elsewhere, or one too many, it is refused.
    expect(
      filterAwarenessUpdate(encode([{ clientId: 5, clock: 9, state }]), sender({ recent, takenElsewhere: (id) => id === 5 })),
    ).toBeNull();
    const full = new Set(Array.from({ length: maxAwarenessIdsPerConnection }, (_, i) => 200 + i));
    expect(filterAwarenessUpdate(encode([{ clientId: 5, clock: 9, state }]), sender({ ownIds: full, recent, readOnly: true }))).toBeNull();
    // Gone (null), then back with the old string: validated afresh, not taken from before.
    filterAwarenessUpdate(encode([{ clientId: 5, clock: 4, state: null }]), sender({ ownIds, recent }));
    expect(recent.lookup(5, JSON.stringify(state), false)).toBeNull();
  });

  it('throws on a malformed frame (the connection is closed as for any invalid message)', () => {
    expect(() => filterAwarenessUpdate(new Uint8Array([1, 5, 1, 3, 123, 34, 120]), sender())).toThrow();
  });
});

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { RefusedUpdate, UpdateGuard } from './update-guard';

/**
 * The guard's fast path (lib/realtime/plain-text-edit.ts) must refuse
 * everything the full way refuses: each case here is an update the fast path
 * could mistake for plain typing, sent after plain typing has left the
 * guard's scratch copy behind the live document.
 */

/** The update a client would send after `edit` on its own copy of `live`. */
function updateFrom(live: Y.Doc, edit: (doc: Y.Doc) => void, clientID?: number): Uint8Array {
  const client = new Y.Doc();
  if (clientID !== undefined) client.clientID = clientID;
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, before);
}

const chair = { userId: 'chair', mayConclude: true };
const caseworker = { userId: 'caseworker', mayConclude: false };

function refusal(guard: UpdateGuard, update: Uint8Array, who = chair): string | null {
  try {
    guard.apply(update, who, 'test');
    return null;
  } catch (error) {
    if (error instanceof RefusedUpdate) return error.message;
    throw error;
  }
}

const typeAtEnd = (name: string, text: string) => (doc: Y.Doc) => doc.getText(name).insert(doc.getText(name).length, text);

/** A live item document with notes and a conclusion, and its guard after `typed` plain edits at the end of the notes. */
function typedDocument(notes: string, typed: number) {
  const live = new Y.Doc();
  const guard = new UpdateGuard('item', live);
  expect(
    refusal(
      guard,
      updateFrom(live, (doc) => {
        doc.getText('item.notes').insert(0, notes);
        doc.getText('item.conclusion').insert(0, 'Vedtak');
        doc.getMap('item').set('outcome', 'avklart');
      }),
    ),
  ).toBeNull();
  for (let i = 0; i < typed; i++) expect(refusal(guard, updateFrom(live, typeAtEnd('item.notes', 'y')))).toBeNull();
  expect(guard.taken.fast).toBe(typed);
  return { live, guard };
}

describe('UpdateGuard fast path', () => {
  it('takes typing, deleting and typing in the middle without the copy, and the result is what the update says', () => {
    const { live, guard } = typedDocument('Notat', 3);
    const relayed: Uint8Array[] = [];
    live.on('update', (update: Uint8Array) => relayed.push(update));
    const middle = updateFrom(live, (doc) => doc.getText('item.notes').insert(2, 'ho'));
    expect(refusal(guard, middle)).toBeNull();
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('item.notes').delete(0, 1)),
      ),
    ).toBeNull();
    expect(guard.taken).toEqual({ fast: 5, full: 1 });
    expect(live.getText('item.notes').toString()).toBe('ohotatyyy');
    // Stored and relayed as it came.
    expect(relayed[0]).toEqual(middle);
  });

  it.each([3, 300])('judges the full way against the live document after %i fast edits (the copy catches up)', (typed) => {
    // The notes' cap is 50,000: the typing took them to 49,960; 50 more is over, but not counting the typing.
    const { live, guard } = typedDocument('x'.repeat(49_960 - typed), typed);
    const before = Y.encodeStateAsUpdate(live);
    const overCap = updateFrom(live, (doc) => {
      doc.getMap('item').set('outcome', 'tatt_til_orientering'); // a value: the full way
      typeAtEnd('item.notes', 'z'.repeat(50))(doc);
    });
    expect(refusal(guard, overCap)).toMatch(/item.notes longer than 50000/);
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    expect(refusal(guard, updateFrom(live, typeAtEnd('item.notes', 'z'.repeat(40))))).toBeNull();
    expect(live.getText('item.notes').length).toBe(50_000);
  });

  it.each([
    ['typing past the cap', typeAtEnd('item.notes', 'z'.repeat(42)), chair, /item.notes longer than 50000/],
    ['typing in the conclusion by a caseworker', typeAtEnd('item.conclusion', ' endret'), caseworker, /only the chair and the referent/],
    [
      'deleting from the conclusion by a caseworker',
      (doc: Y.Doc) => doc.getText('item.conclusion').delete(0, 2),
      caseworker,
      /only the chair/,
    ],
    [
      'typing with a value of the wrong type',
      (doc: Y.Doc) => {
        typeAtEnd('item.notes', 'z')(doc);
        doc.getMap('item').set('epjDocumentation', 'yes');
      },
      chair,
      /invalid value for item.epjDocumentation/,
    ],
    [
      'typing with a field the form does not have',
      (doc: Y.Doc) => {
        typeAtEnd('item.notes', 'z')(doc);
        doc.getText('item.nickname').insert(0, 'x');
      },
      chair,
      /unknown top-level type item.nickname/,
    ],
    [
      'a map value deleted and set again to something invalid',
      (doc: Y.Doc) => {
        doc.getMap('item').delete('outcome');
        doc.getMap('item').set('outcome', 42);
        typeAtEnd('item.notes', 'z')(doc);
      },
      chair,
      /invalid value for item.outcome/,
    ],
    [
      'formatting typed at the end',
      (doc: Y.Doc) => doc.getText('item.notes').insert(doc.getText('item.notes').length, 'fet', { bold: true }),
      chair,
      /ContentFormat/,
    ],
    [
      'an embed typed at the end',
      (doc: Y.Doc) => doc.getText('item.notes').insertEmbed(doc.getText('item.notes').length, { image: 'x' }),
      chair,
      /ContentEmbed/,
    ],
  ])('refuses %s after fast edits, and applies nothing', (_what, edit, who, reason) => {
    const { live, guard } = typedDocument('x'.repeat(49_956), 3);
    const before = Y.encodeStateAsUpdate(live);
    expect(refusal(guard, updateFrom(live, edit), who)).toMatch(reason);
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    expect(refusal(guard, updateFrom(live, typeAtEnd('item.notes', 'z')), who)).toBeNull();
  });

  it('refuses a string whose left neighbour is a map value (it would land under the map for every reader)', () => {
    const { live, guard } = typedDocument('Notat', 2);
    // One client id in two docs: its clock 0 a valid outcome, then text at clocks 0–1 of the same id.
    const first = updateFrom(live, (doc) => doc.getMap('item').set('outcome', 'tatt_til_orientering'), 7);
    expect(refusal(guard, first)).toBeNull();
    const second = new Y.Doc();
    second.clientID = 7;
    second.getText('item.notes').insert(0, 'ab');
    expect(refusal(guard, Y.encodeStateAsUpdate(second))).toMatch(/invalid value for item.outcome/);
    expect(live.getMap('item').get('outcome')).toBe('tatt_til_orientering');
    expect(live.getText('item.notes').toString()).toBe('Notatyy');
  });

  it('refuses a string that starts where the client’s history ends but whose left neighbour is a map value', () => {
    const { live, guard } = typedDocument('Notat', 2);
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getMap('item').set('outcome', 'tatt_til_orientering'), 7),
      ),
    ).toBeNull();
    const second = new Y.Doc();
    second.clientID = 7;
    second.getText('item.notes').insert(0, 'ab');
    // Only clock 1 ('b'): its left neighbour is clock 0, the outcome, and it names no parent of its own.
    const tail = Y.diffUpdate(Y.encodeStateAsUpdate(second), Y.encodeStateVector(live));
    expect(refusal(guard, tail)).toMatch(/invalid value for item.outcome/);
    expect(live.getMap('item').get('outcome')).toBe('tatt_til_orientering');
    expect(live.getText('item.notes').toString()).toBe('Notatyy');
  });

  it('leaves a resent edit and an edit of someone’s unseen text to the full way', () => {
    const { live, guard } = typedDocument('Notat', 1);
    const typed = updateFrom(live, typeAtEnd('item.notes', '!'));
    expect(refusal(guard, typed)).toBeNull();
    const { fast, full } = guard.taken;
    expect(refusal(guard, typed)).toBeNull(); // resent: nothing new, and the full way knows it
    expect(guard.taken).toEqual({ fast, full: full + 1 });
    expect(live.getText('item.notes').toString()).toBe('Notaty!');
  });
});

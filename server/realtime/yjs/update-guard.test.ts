import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { UpdateRule } from '../../../lib/realtime/update-rules';
import { updateRules } from '../../../lib/realtime/update-rules';
import { RefusedUpdate, UpdateGuard } from './update-guard';

/** The update a client would send after `edit` on its own copy of `live`. */
function updateFrom(live: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, before);
}

/** The chair (may write the conclusion); `caseworker` may not. */
const actor = { userId: 'u1', mayConclude: true };
const caseworker = { userId: 'u2', mayConclude: false };

function refusal(guard: UpdateGuard, update: Uint8Array, who = actor): string | null {
  try {
    guard.apply(update, who, 'test');
    return null;
  } catch (error) {
    if (error instanceof RefusedUpdate) return error.message;
    throw error;
  }
}

describe('UpdateGuard', () => {
  it('lets a valid edit through to the live document', () => {
    const live = new Y.Doc();
    const guard = new UpdateGuard('item', live);
    const update = updateFrom(live, (doc) => {
      doc.getText('item.notes').insert(0, 'Notat');
      doc.getMap('item').set('outcome', 'avklart');
      doc.getMap('item').set('followUps.f1', { ownerId: '', dueDate: '', position: 0 });
      doc.getText('item.followUps.f1').insert(0, 'Ring');
    });
    expect(refusal(guard, update)).toBeNull();
    expect(live.getText('item.notes').toString()).toBe('Notat');
    expect(live.getMap('item').get('outcome')).toBe('avklart');
    expect(live.getText('item.followUps.f1').toString()).toBe('Ring');
  });

  it.each([
    ['a list field that is not a list', (doc: Y.Doc) => doc.getMap('item').set('followUps', 'boom'), /unknown field item.followUps/],
    [
      'the follow-ups as one list (the shape before rows)',
      (doc: Y.Doc) => doc.getMap('item').set('followUps', [{ id: 'f1', ownerId: '', description: 'x', dueDate: '' }]),
      /unknown field item.followUps/,
    ],
    [
      'a follow-up row with a value it has no field for',
      (doc: Y.Doc) => doc.getMap('item').set('followUps.f1', { ownerId: '', dueDate: '', position: 0, note: 'skjult' }),
      /invalid value for item.followUps.f1/,
    ],
    [
      'a follow-up row that is not an object',
      (doc: Y.Doc) => doc.getMap('item').set('followUps.f1', 'boom'),
      /invalid value for item.followUps.f1/,
    ],
    [
      'a follow-up row with a malformed id',
      (doc: Y.Doc) => doc.getMap('item').set('followUps.a b', { ownerId: '', dueDate: '', position: 0 }),
      /unknown field/,
    ],
    [
      'a follow-up description over its cap',
      (doc: Y.Doc) => doc.getText('item.followUps.f1').insert(0, 'x'.repeat(2001)),
      /item.followUps.f1 longer than 2000/,
    ],
    [
      'formatting in a follow-up description',
      (doc: Y.Doc) => doc.getText('item.followUps.f1').insert(0, 'fet', { bold: true }),
      /ContentFormat in text item.followUps.f1/,
    ],
    [
      '51 follow-up rows',
      (doc: Y.Doc) => {
        for (let i = 0; i < 51; i++) doc.getMap('item').set(`followUps.f${i}`, { ownerId: '', dueDate: '', position: i });
      },
      /more than 50 followUps/,
    ],
    ['a tick box that is not a boolean', (doc: Y.Doc) => doc.getMap('item').set('epjDocumentation', 'yes'), /item.epjDocumentation/],
    ['an unknown map key', (doc: Y.Doc) => doc.getMap('item').set('nickname', 'x'), /unknown field item.nickname/],
    ['a text field in the map', (doc: Y.Doc) => doc.getMap('item').set('notes', 'x'), /unknown field item.notes/],
    ['a nested type where a plain value belongs', (doc: Y.Doc) => doc.getMap('item').set('followUps', new Y.Array()), /followUps/],
    ['an unknown top-level type', (doc: Y.Doc) => doc.getText('notes').insert(0, 'x'), /unknown top-level type notes/],
    ['list content in the form map', (doc: Y.Doc) => doc.getArray('item').insert(0, [1]), /list content in map item/],
    ['map entries on a text', (doc: Y.Doc) => doc.getMap('item.notes').set('x', 1), /map entries on text item.notes/],
    ['an embed in a text', (doc: Y.Doc) => doc.getText('item.notes').insertEmbed(0, { image: 'x' }), /ContentEmbed in text/],
    ['formatting in a text', (doc: Y.Doc) => doc.getText('item.notes').insert(0, 'fet', { bold: true }), /ContentFormat in text/],
    ['a nested type in a text', (doc: Y.Doc) => doc.getText('item.notes').insertEmbed(0, new Y.Map()), /nested type|ContentType/],
    ['a text over its cap', (doc: Y.Doc) => doc.getText('item.notes').insert(0, 'x'.repeat(50_001)), /item.notes longer than 50000/],
  ])('refuses %s and applies nothing', (_what, edit, reason) => {
    const live = new Y.Doc();
    live.getText('item.notes').insert(0, 'Før');
    const guard = new UpdateGuard('item', live);
    const before = Y.encodeStateAsUpdate(live);
    expect(refusal(guard, updateFrom(live, edit))).toMatch(reason);
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    // The scratch copy is rebuilt: an honest edit right after is checked against the live state.
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('item.notes').insert(3, ' og etter')),
      ),
    ).toBeNull();
    expect(live.getText('item.notes').toString()).toBe('Før og etter');
  });

  it.each([
    ['the outcome', (doc: Y.Doc) => doc.getMap('item').set('outcome', 'tatt_til_orientering')],
    ['the conclusion', (doc: Y.Doc) => doc.getText('item.conclusion').insert(0, 'Tatt til orientering.')],
    ['the dissent', (doc: Y.Doc) => doc.getText('item.dissent').insert(0, 'Uenig.')],
    ['a follow-up row', (doc: Y.Doc) => doc.getMap('item').set('followUps.f1', { ownerId: '', dueDate: '', position: 0 })],
    ['a follow-up description', (doc: Y.Doc) => doc.getText('item.followUps.f1').insert(0, 'Ring')],
    ['the re-assessment date', (doc: Y.Doc) => doc.getMap('item').set('reassessmentDate', '2027-03-04')],
    ['the EPJ flag', (doc: Y.Doc) => doc.getMap('item').set('epjDocumentation', true)],
  ])('refuses %s from someone who is neither chair nor referent, and takes it from the chair', (_what, edit) => {
    const live = new Y.Doc();
    const guard = new UpdateGuard('item', live);
    expect(refusal(guard, updateFrom(live, edit), caseworker)).toMatch(/only the chair and the referent write the conclusion/);
    expect(Y.encodeStateAsUpdate(live)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()));
    expect(refusal(guard, updateFrom(live, edit), actor)).toBeNull();
  });

  it('takes everyone’s notes and adjusted assessment', () => {
    const live = new Y.Doc();
    const guard = new UpdateGuard('item', live);
    const update = updateFrom(live, (doc) => {
      doc.getText('item.notes').insert(0, 'Notat');
      doc.getText('item.assessmentNote').insert(0, 'Nytten er lavere enn meldt.');
      doc.getMap('item').set('nytteLevel', 'lav');
    });
    expect(refusal(guard, update, caseworker)).toBeNull();
    expect(live.getText('item.notes').toString()).toBe('Notat');
  });

  it('checks the case form against the API schema: enums, list sizes, the personRef cap', () => {
    const live = new Y.Doc();
    const guard = new UpdateGuard('case', live);
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getMap('form').set('caseType', 'tull')),
      ),
    ).toMatch(/form.caseType/);
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getMap('form').set('nytteFactors', ['mestring', 'ukjent'])),
      ),
    ).toMatch(/nytteFactors/);
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('form.personRef').insert(0, 'x'.repeat(41))),
      ),
    ).toMatch(/personRef longer than 40/);
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('form.facts').insert(0, 'x'.repeat(20_001))),
      ),
    ).toMatch(/facts longer than 20000/);
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getMap('form').set('caseType', 'endring')),
      ),
    ).toBeNull();
    expect(live.getMap('form').toJSON()).toEqual({ caseType: 'endring' });
  });

  it('does not refuse an edit because of old bad content elsewhere, and lets an over-long text shrink', () => {
    const live = new Y.Doc();
    // Stored before the guard existed.
    live.getMap('item').set('followUps', 'boom');
    live.getText('item.notes').insert(0, 'x'.repeat(50_010));
    live.getText('notater').insert(0, 'gammel rot');
    const guard = new UpdateGuard('item', live);
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('item.conclusion').insert(0, 'Vedtatt')),
      ),
    ).toBeNull();
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('item.notes').delete(0, 5)),
      ),
    ).toBeNull();
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('item.notes').insert(0, 'mer')),
      ),
    ).toMatch(/longer than/);
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getMap('item').set('followUps.f1', { ownerId: '', dueDate: '', position: 0 })),
      ),
    ).toBeNull();
    expect(live.getText('item.notes').length).toBe(50_005);
    expect(live.getMap('item').get('followUps.f1')).toEqual({ ownerId: '', dueDate: '', position: 0 });
  });

  it('follows edits made to the live document elsewhere (the store, other nodes, the API)', () => {
    const live = new Y.Doc();
    const guard = new UpdateGuard('item', live);
    live.getText('item.notes').insert(0, 'Fra API-et');
    const update = updateFrom(live, (doc) => doc.getText('item.notes').insert(10, '!'));
    expect(refusal(guard, update)).toBeNull();
    expect(live.getText('item.notes').toString()).toBe('Fra API-et!');
  });

  it('refuses what would take the encoded document over its cap, and not what stays under', () => {
    const live = new Y.Doc();
    const guard = new UpdateGuard('item', live, updateRules, 2_000);
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('item.notes').insert(0, 'a'.repeat(1_500))),
      ),
    ).toBeNull();
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('item.dissent').insert(0, 'b'.repeat(600))),
      ),
    ).toMatch(/larger than 2000 bytes/);
    expect(live.getText('item.dissent').length).toBe(0);
    // Deleting is always possible, and it makes room again.
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('item.notes').delete(0, 1_000)),
      ),
    ).toBeNull();
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('item.dissent').insert(0, 'b'.repeat(600))),
      ),
    ).toBeNull();
  });

  it('refuses a delete of content the document does not have yet (it would erase the next words of whoever it names)', () => {
    const live = new Y.Doc();
    const guard = new UpdateGuard('item', live);
    const honest = new Y.Doc();
    // A well-formed update of no structs and one delete range: the honest client's next thousand characters.
    const encoder = encoding.createEncoder();
    for (const n of [0, 1, honest.clientID, 1, 0, 1_000]) encoding.writeVarUint(encoder, n);
    expect(refusal(guard, encoding.toUint8Array(encoder))).toMatch(/does not have/);
    honest.getText('item.notes').insert(0, 'Mine ord');
    expect(refusal(guard, Y.encodeStateAsUpdate(honest))).toBeNull();
    expect(live.getText('item.notes').toString()).toBe('Mine ord');
  });

  it('refuses an edit that depends on content the document does not have (it would integrate inside someone else’s update)', () => {
    const live = new Y.Doc();
    const guard = new UpdateGuard('item', live);
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    client.getText('item.notes').insert(0, 'Første');
    client.getText('item.notes').insert(6, ' og andre');
    expect(refusal(guard, updates[1])).toMatch(/depends on content/);
    expect(live.getText('item.notes').toString()).toBe('');
    expect(refusal(guard, updates[0])).toBeNull();
    expect(refusal(guard, updates[1])).toBeNull();
    expect(live.getText('item.notes').toString()).toBe('Første og andre');
  });

  it('judges what it would store and relay, not what arrived: an item whose parent its neighbour contradicts is refused', () => {
    const live = new Y.Doc();
    const guard = new UpdateGuard('item', live);
    // One client id, two docs: first a valid outcome at clock 0, then text at clocks 0–1 of the same id.
    const first = new Y.Doc();
    first.clientID = 7;
    first.getMap('item').set('outcome', 'avklart');
    const second = new Y.Doc();
    second.clientID = 7;
    second.getText('item.notes').insert(0, 'ab');
    expect(refusal(guard, Y.encodeStateAsUpdate(first))).toBeNull();
    // Yjs takes only clock 1 ('b') of the second, with clock 0 (the outcome) as its left neighbour: here it
    // stays in the text, but the encoding relayed and stored names no parent, so every reader puts it under
    // the outcome ('b', no outcome at all).
    expect(refusal(guard, Y.encodeStateAsUpdate(second))).toMatch(/invalid value for item.outcome/);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(live));
    expect(reader.getMap('item').get('outcome')).toBe('avklart');
    expect(reader.getText('item.notes').toString()).toBe('');
  });

  it('refuses a malformed update', () => {
    const live = new Y.Doc();
    const guard = new UpdateGuard('item', live);
    expect(refusal(guard, new Uint8Array([1, 2, 3, 200, 200]))).toMatch(/malformed|unknown|longer|type/);
  });

  it('gives each rule the kind, the actor, the document before and after, and what changed', () => {
    const live = new Y.Doc();
    live.getText('item.conclusion').insert(0, 'Gammel');
    const seen: unknown[] = [];
    const chairOnly: UpdateRule = ({ kind, actor: who, before, after, changes }) => {
      seen.push({ kind, who, before: before.getText('item.conclusion').toString(), after: after.getText('item.conclusion').toString() });
      return kind === 'item' && changes.texts.has('item.conclusion') && who.userId !== 'chair' ? 'conclusion: chair only' : null;
    };
    const guard = new UpdateGuard('item', live, [...updateRules, chairOnly]);
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('item.conclusion').insert(0, 'Ny ')),
      ),
    ).toBe('conclusion: chair only');
    expect(seen).toEqual([{ kind: 'item', who: actor, before: 'Gammel', after: 'Ny Gammel' }]);
    expect(
      refusal(
        guard,
        updateFrom(live, (doc) => doc.getText('item.notes').insert(0, 'Notat')),
      ),
    ).toBeNull();
  });
});

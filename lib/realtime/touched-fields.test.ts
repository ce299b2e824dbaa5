import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { touchedFields } from './touched-fields';

function fieldsOf(doc: Y.Doc, change: () => void): string[] {
  let seen: string[] = [];
  const listener = (tr: Y.Transaction) => (seen = touchedFields(doc, tr.changed as never));
  doc.on('afterTransaction', listener);
  doc.transact(change);
  doc.off('afterTransaction', listener);
  return seen;
}

describe('touchedFields', () => {
  it('names top-level texts by their field and map keys by themselves', () => {
    const doc = new Y.Doc();
    expect(
      fieldsOf(doc, () => {
        doc.getText('form.facts').insert(0, 'Fakta');
        doc.getMap('form').set('caseType', 'endring');
      }),
    ).toEqual(['caseType', 'facts']);
  });

  it('counts a deletion and a change inside a nested type for the key it hangs under', () => {
    const doc = new Y.Doc();
    doc.getText('item.notes').insert(0, 'Notat');
    const list = new Y.Array<string>();
    doc.getMap('item').set('followUps', list);
    expect(fieldsOf(doc, () => doc.getText('item.notes').delete(0, 2))).toEqual(['notes']);
    expect(fieldsOf(doc, () => list.insert(0, ['ring'])).sort()).toEqual(['followUps']);
  });

  it('counts a row of a list, its values or its text, for the list', () => {
    const doc = new Y.Doc();
    expect(
      fieldsOf(doc, () => {
        doc.getMap('item').set('followUps.r1', { ownerId: 'u1', dueDate: '', position: 0 });
        doc.getText('item.followUps.r2').insert(0, 'Ring fastlegen');
      }),
    ).toEqual(['followUps']);
  });

  it('names nothing for a transaction that changed nothing', () => {
    const doc = new Y.Doc();
    expect(fieldsOf(doc, () => undefined)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRow, readFormWithRows, readRows, removeRow, rowIdOf, updateRow, writeRows, type RowLayout } from './y-rows';

const layout: RowLayout = { mapName: 'item', list: 'followUps', textProp: 'description' };

/** Two replicas that exchange every update, as two browsers do through the server. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}

describe('rows in a Yjs form', () => {
  it('keeps both rows when two people add one at the same time', () => {
    const { a, b, sync } = pair();
    addRow(a, layout, 'ra', { ownerId: 'u1', dueDate: '' });
    addRow(b, layout, 'rb', { ownerId: 'u2', dueDate: '' });
    a.getText('item.followUps.ra').insert(0, 'Ring fastlegen');
    b.getText('item.followUps.rb').insert(0, 'Søk om avlastning');
    sync();
    for (const doc of [a, b])
      expect(readRows(doc, layout)).toEqual([
        { id: 'ra', ownerId: 'u1', dueDate: '', description: 'Ring fastlegen' },
        { id: 'rb', ownerId: 'u2', dueDate: '', description: 'Søk om avlastning' },
      ]);
  });

  it('keeps both people’s words in one description, and an owner set meanwhile', () => {
    const { a, b, sync } = pair();
    addRow(a, layout, 'r1', { ownerId: '', dueDate: '' });
    sync();
    a.getText('item.followUps.r1').insert(0, 'Ring fastlegen. ');
    b.getText('item.followUps.r1').insert(0, 'Avtal møte. ');
    updateRow(b, layout, 'r1', { ownerId: 'u2' });
    updateRow(a, layout, 'r1', { dueDate: '2027-01-15' });
    sync();
    const [row] = readRows(a, layout);
    expect(row.description).toContain('Ring fastlegen. ');
    expect(row.description).toContain('Avtal møte. ');
    expect(readRows(b, layout)).toEqual(readRows(a, layout));
    // One row's values are one entry: concurrent changes to different values of the same row keep one of them.
    expect([row.ownerId, row.dueDate].filter(Boolean).length).toBeGreaterThanOrEqual(1);
  });

  it('orders rows by position and then id, and leaves a removed row’s text empty', () => {
    const doc = new Y.Doc();
    addRow(doc, layout, 'b', { ownerId: '', dueDate: '' });
    addRow(doc, layout, 'a', { ownerId: '', dueDate: '' });
    doc.getText('item.followUps.b').insert(0, 'Først');
    expect(readRows(doc, layout).map((r) => r.id)).toEqual(['b', 'a']);
    removeRow(doc, layout, 'b');
    expect(readRows(doc, layout).map((r) => r.id)).toEqual(['a']);
    expect(doc.getText('item.followUps.b').toString()).toBe('');
  });

  it('writes a list as rows, changing only what differs, and reads it back as a list', () => {
    const doc = new Y.Doc();
    writeRows(doc, layout, [
      { id: 'x', ownerId: 'u1', dueDate: '', description: 'Første' },
      { id: 'y', ownerId: '', dueDate: '2027-02-01', description: 'Andre' },
    ]);
    const text = doc.getText('item.followUps.x');
    writeRows(doc, layout, [{ id: 'x', ownerId: 'u1', dueDate: '', description: 'Første oppgave' }]);
    expect(text.toString()).toBe('Første oppgave');
    expect(readFormWithRows(doc, 'item', [], [layout])).toEqual({
      followUps: [{ id: 'x', ownerId: 'u1', dueDate: '', description: 'Første oppgave' }],
    });
  });

  it('names a row only by a well-formed id', () => {
    expect(rowIdOf(layout, 'followUps.abc_1')).toBe('abc_1');
    expect(rowIdOf(layout, 'followUps')).toBeNull();
    expect(rowIdOf(layout, 'followUps.a.b')).toBeNull();
    expect(rowIdOf(layout, 'notes')).toBeNull();
  });
});

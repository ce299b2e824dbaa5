import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConnectionSaves } from './connection-saves';
import { DurableState } from './durable-state';

/** The updates one document emits for `edit`. */
function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  edit();
  doc.off('update', listener);
  return updates;
}

describe('DurableState', () => {
  it('covers an edit only once the queue has written it, and tells on every write (a deletion too)', () => {
    const doc = new Y.Doc();
    const durable = new DurableState();
    let told = 0;
    durable.onAdvance = () => (told += 1);
    const [insert] = updatesOf(doc, () => doc.getText('t').insert(0, 'hei'));
    durable.enqueued(1, insert);
    expect(durable.vector.get(doc.clientID)).toBeUndefined();
    durable.written(1);
    expect(durable.vector.get(doc.clientID)).toBe(3);
    const [deletion] = updatesOf(doc, () => doc.getText('t').delete(0, 1));
    durable.enqueued(2, deletion);
    durable.written(2);
    expect(told).toBe(2);
    expect(durable.vector.get(doc.clientID)).toBe(3);
  });

  it('counts what was loaded or another node wrote as stored at once', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'lagret');
    const durable = new DurableState();
    durable.stored(Y.encodeStateAsUpdate(doc));
    expect(durable.vector.get(doc.clientID)).toBe(6);
  });
});

describe('ConnectionSaves', () => {
  it('confirms a connection’s edit messages in order as the queue writes them', () => {
    const saves = new ConnectionSaves();
    saves.noteEdit(4);
    saves.noteEdit(4);
    saves.noteEdit(7);
    expect(saves.confirmedUpTo(3)).toBe(0);
    expect(saves.confirmedUpTo(5)).toBe(2);
    expect(saves.confirmedUpTo(7)).toBe(3);
  });
});

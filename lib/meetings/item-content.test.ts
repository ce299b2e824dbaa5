import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyItemContent, migrateLegacyFollowUps, readItemContent } from './item-content';

const list = [
  { id: 'f1', ownerId: 'u1', description: 'Fatte vedtak', dueDate: '2027-01-15' },
  { id: 'f2', ownerId: '', description: 'Ring fastlegen', dueDate: '' },
];

describe('item content with follow-up rows', () => {
  it('writes follow-ups given as a list as rows and reads them back as the same list', () => {
    const doc = new Y.Doc();
    applyItemContent(doc, { notes: 'Notat', followUps: list });
    expect(doc.getMap('item').has('followUps')).toBe(false);
    expect(doc.getText('item.followUps.f2').toString()).toBe('Ring fastlegen');
    expect(readItemContent(doc)).toEqual({ notes: 'Notat', followUps: list });
    applyItemContent(doc, { followUps: [] });
    expect(readItemContent(doc)).toEqual({ notes: 'Notat' });
  });

  it('migrates a list stored in the old shape once, and drops one that fails the schema', () => {
    const doc = new Y.Doc();
    doc.getMap('item').set('followUps', list);
    expect(readItemContent(doc).followUps).toEqual(list);
    expect(migrateLegacyFollowUps(doc)).toBe(true);
    expect(doc.getMap('item').has('followUps')).toBe(false);
    expect(readItemContent(doc).followUps).toEqual(list);
    expect(migrateLegacyFollowUps(doc)).toBe(false);

    const bad = new Y.Doc();
    bad.getMap('item').set('followUps', 'boom');
    expect(migrateLegacyFollowUps(bad)).toBe(true);
    expect(readItemContent(bad)).toEqual({});
  });
});

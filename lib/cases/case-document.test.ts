import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyCaseContent, applyTextChange, readCaseContent } from './case-document';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe('case form in a Yjs document', () => {
  it('round-trips content: text fields as Y.Text, the rest as values', () => {
    const doc = new Y.Doc();
    applyCaseContent(doc, { question: 'Hva er forsvarlig?', purpose: 'drofting', urgent: true, nytteFactors: ['mestring'] });
    expect(readCaseContent(doc)).toEqual({ question: 'Hva er forsvarlig?', purpose: 'drofting', urgent: true, nytteFactors: ['mestring'] });
  });

  it('merges two people editing different parts of one field', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    applyCaseContent(a, { facts: 'Bor alene. Har søkt om mer hjelp.' });
    sync(a, b);
    applyCaseContent(a, { facts: 'Bor alene i egen leilighet. Har søkt om mer hjelp.' });
    applyCaseContent(b, { facts: 'Bor alene. Har søkt om mer hjelp i helgene.' });
    sync(a, b);
    expect(readCaseContent(a).facts).toBe('Bor alene i egen leilighet. Har søkt om mer hjelp i helgene.');
    expect(readCaseContent(b)).toEqual(readCaseContent(a));
  });

  it('keeps both people’s words when they start typing in the same empty field at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    applyCaseContent(a, { facts: 'Fra A.' });
    applyCaseContent(b, { facts: 'Fra B.' });
    sync(a, b);
    const merged = String(readCaseContent(a).facts);
    expect(merged).toContain('Fra A.');
    expect(merged).toContain('Fra B.');
    expect(readCaseContent(b)).toEqual(readCaseContent(a));
  });

  it('changes only the differing middle of a text', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'abcdef');
    const changes: unknown[] = [];
    text.observe((event) => changes.push(event.delta));
    applyTextChange(text, 'abXYef');
    expect(text.toString()).toBe('abXYef');
    expect(changes).toEqual([[{ retain: 2 }, { delete: 2 }, { insert: 'XY' }]]);
  });
});

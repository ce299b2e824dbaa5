import { describe, expect, it } from 'vitest';
import { diffWords } from './word-diff';

const render = (before: string, after: string) =>
  diffWords(before, after)
    .map((s) => (s.kind === 'same' ? s.text : s.kind === 'ins' ? `[+${s.text}]` : `[-${s.text}]`))
    .join('');

describe('diffWords', () => {
  it('marks the words that changed and keeps the rest', () => {
    expect(render('Bor alene og mestrer lite.', 'Bor alene og mestrer mye selv.')).toBe('Bor alene og mestrer [-lite.][+mye selv.]');
    expect(render('to timer i uka', 'fire timer i uka')).toBe('[-to][+fire] timer i uka');
  });

  it('gives both texts back: the same and deleted runs are the old text, the same and inserted the new', () => {
    const before = 'Søker har økt behov for hjelp om kvelden og natta.';
    const after = 'Søker har tydelig økt behov for hjelp om natta, særlig i helgene.';
    const segments = diffWords(before, after);
    expect(
      segments
        .filter((s) => s.kind !== 'ins')
        .map((s) => s.text)
        .join(''),
    ).toBe(before);
    expect(
      segments
        .filter((s) => s.kind !== 'del')
        .map((s) => s.text)
        .join(''),
    ).toBe(after);
  });

  it('handles empty texts on either side', () => {
    expect(diffWords('', 'ny tekst')).toEqual([{ kind: 'ins', text: 'ny tekst' }]);
    expect(diffWords('gammel tekst', '')).toEqual([{ kind: 'del', text: 'gammel tekst' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('shows two huge, wholly different texts as one deletion and one insertion instead of building a huge table', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    expect(diffWords(before, after).map((s) => s.kind)).toEqual(['del', 'ins']);
  });
});

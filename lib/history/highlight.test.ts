import { describe, expect, it } from 'vitest';
import { ftsPrefixQuery, highlightParts, hitEnd, hitStart, markHits, snippetOf } from './highlight';
import { queryStems } from './norwegian-stems';

describe('highlightParts', () => {
  it('splits marked text into plain and matched parts', () => {
    expect(highlightParts(`Økning av ${hitStart}BPA${hitEnd} etter ${hitStart}fall${hitEnd}.`)).toEqual([
      { text: 'Økning av ', hit: false },
      { text: 'BPA', hit: true },
      { text: ' etter ', hit: false },
      { text: 'fall', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('keeps markup in case text as plain text', () => {
    expect(highlightParts('<script>x</script>')).toEqual([{ text: '<script>x</script>', hit: false }]);
  });
});

describe('ftsPrefixQuery', () => {
  it('makes each word a required prefix term on its Norwegian stem, keeping Norwegian letters', () => {
    expect(ftsPrefixQuery('Støttekontakter  ungdom')).toBe('"støttekontakt"* "ungdom"*');
    expect(ftsPrefixQuery('hjemmetjenestene')).toBe('"hjemmetjenest"*');
    expect(ftsPrefixQuery('bæsj på øya')).toBe('"bæsj"* "øya"*'); // "på" is a stopword
  });

  it('drops FTS5 syntax and answers null when no word is left', () => {
    expect(ftsPrefixQuery('NEAR(a b) OR "x" -y*')).toBe('"near"* "a"* "b"* "or"* "x"* "y"*');
    expect(ftsPrefixQuery(' "*" ')).toBeNull();
  });
});

const m = (word: string) => `${hitStart}${word}${hitEnd}`;

describe('markHits', () => {
  it('marks every form of the query words in the original text, nothing else', () => {
    const stems = queryStems('støttekontakter');
    expect(markHits('Støttekontakten og støttekontaktene; ikke kontakt.', stems)).toBe(
      `${m('Støttekontakten')} og ${m('støttekontaktene')}; ikke kontakt.`,
    );
  });

  it('marks longer words that begin with a query stem, as the prefix term finds them', () => {
    expect(markHits('Gruppetilbudet i bydelen', queryStems('gruppetilbud'))).toBe(`${m('Gruppetilbudet')} i bydelen`);
  });
});

describe('snippetOf', () => {
  const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `ord${from + i}`).join(' ');

  it('returns a short text whole, hits marked', () => {
    expect(snippetOf('Bor alene med hjemmetjenester.', queryStems('hjemmetjeneste'))).toBe(`Bor alene med ${m('hjemmetjenester')}.`);
  });

  it('cuts a long text around the hits, with ellipses where it was cut', () => {
    const text = `${words(40)} avlastning i helgene ${words(40, 40)}`;
    const snippet = snippetOf(text, queryStems('avlastningen'), 10);
    expect(snippet).toBe(` … ord38 ord39 ${m('avlastning')} i helgene ord40 ord41 ord42 ord43 ord44 … `);
  });

  it('prefers the window with the most different query words', () => {
    const text = `barn ${words(30)} barn og avlastning ${words(30, 30)}`;
    expect(snippetOf(text, queryStems('barn avlastning'), 6)).toContain(`${m('barn')} og ${m('avlastning')}`);
  });

  it('starts at the beginning when there is no hit, as FTS5 does', () => {
    expect(snippetOf(words(30), queryStems('finnesikke'), 5)).toBe('ord0 ord1 ord2 ord3 ord4 … ');
  });
});

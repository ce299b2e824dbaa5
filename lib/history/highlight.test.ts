import { describe, expect, it } from 'vitest';
import { ftsPrefixQuery, highlightParts, hitEnd, hitStart } from './highlight';

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
  it('makes each word a required prefix term, keeping Norwegian letters', () => {
    expect(ftsPrefixQuery('Støttekontakt  ungdom')).toBe('"støttekontakt"* "ungdom"*');
    expect(ftsPrefixQuery('bæsj på øya')).toBe('"bæsj"* "på"* "øya"*');
  });

  it('drops FTS5 syntax and answers null when no word is left', () => {
    expect(ftsPrefixQuery('NEAR(a b) OR "x" -y*')).toBe('"near"* "a"* "b"* "or"* "x"* "y"*');
    expect(ftsPrefixQuery(' "*" ')).toBeNull();
  });
});

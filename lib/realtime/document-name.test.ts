import { describe, expect, it } from 'vitest';
import { parseDocumentName } from './document-name';

describe('parseDocumentName', () => {
  it('accepts case:<cuid> and item:<cuid>', () => {
    expect(parseDocumentName('item:cmwsci70v0000q17d6ui0kcbd')).toEqual({
      kind: 'item',
      id: 'cmwsci70v0000q17d6ui0kcbd',
      name: 'item:cmwsci70v0000q17d6ui0kcbd',
    });
    expect(parseDocumentName('case:abcdefgh1')?.kind).toBe('case');
  });

  it('refuses the removed meeting-wide kind', () => {
    expect(parseDocumentName('meeting:cmwsci70v0000q17d6ui0kcbd')).toBeNull();
  });

  it('refuses other kinds, odd ids and oversized names', () => {
    for (const name of [
      '',
      'case',
      'case:',
      'user:abcdefgh12',
      'case:ABCDEFGH12',
      'case:abc',
      'case:abcdefgh/..',
      `case:${'a'.repeat(60)}`,
      'meeting:abcdefgh12:x',
    ]) {
      expect(parseDocumentName(name)).toBeNull();
    }
  });
});

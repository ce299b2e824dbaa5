import { describe, expect, it } from 'vitest';
import { isStopword, queryStems, stemText, stemWord } from './norwegian-stems';

describe('Norwegian stems', () => {
  it('gives the forms of a word one stem, as PostgreSQL’s norwegian_stem does', () => {
    // Compared with `SELECT ts_lexize('norwegian_stem', w)` on PostgreSQL 15 for each word.
    for (const form of ['støttekontakt', 'støttekontakter', 'støttekontaktene', 'Støttekontakten'])
      expect(stemWord(form)).toBe('støttekontakt');
    for (const form of ['hjemmetjeneste', 'hjemmetjenester', 'hjemmetjenesten', 'hjemmetjenestene'])
      expect(stemWord(form)).toBe('hjemmetjenest');
    expect(stemWord('vedtakene')).toBe('vedtak');
    expect(stemWord('barnets')).toBe('barn');
  });

  it('stems a text word by word, keeping digits and dropping punctuation and stopwords', () => {
    // PostgreSQL 15: to_tsvector('norwegian', …) holds {20,28,bpa,fall,tim,økning}.
    expect(stemText('Økning av BPA fra 20 til 28 timer, etter fallet.')).toBe('økning bpa 20 28 tim fall');
    expect(stemText(' — ')).toBe('');
  });

  it('stems a query into distinct stems, at most twelve', () => {
    expect(queryStems('støttekontakter støttekontakten ungdom')).toEqual(['støttekontakt', 'ungdom']);
    expect(queryStems(Array.from({ length: 20 }, (_, i) => `ord${i}`).join(' '))).toHaveLength(12);
  });

  it('leaves stopwords out of a query, whatever their case, and a query of stopwords alone is empty', () => {
    expect(queryStems('Avlastning OG foreldre i helgene')).toEqual(['avlastning', 'foreldr', 'helg']);
    expect(queryStems('og i for med')).toEqual([]);
    expect(isStopword('Ikkje')).toBe(true);
    expect(isStopword('støttekontakt')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { labelled } from './labelled';

describe('labelled', () => {
  it('puts a colon after a plain label', () => {
    expect(labelled('Utfall', 'Avklart')).toBe('Utfall: Avklart');
  });

  it('puts no colon after a question or other closing punctuation', () => {
    expect(labelled('Hva trenger du fra møtet?', 'Velg ett av alternativene.')).toBe(
      'Hva trenger du fra møtet? Velg ett av alternativene.',
    );
    expect(labelled('Merk!', 'x')).toBe('Merk! x');
    expect(labelled('Til stede: ', 'Kari')).toBe('Til stede: Kari');
  });
});

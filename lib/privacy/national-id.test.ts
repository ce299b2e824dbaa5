import { describe, expect, it } from 'vitest';
import { classifyNationalId, findNationalIds } from './national-id';

// Synthetic numbers with valid check digits (from the Norwegian test-number ranges), never real people.
const fodselsnummer = '01010012356';
const dNumber = '41010012420';

describe('classifyNationalId', () => {
  it('recognises fødselsnummer and D-numbers by their check digits', () => {
    expect(classifyNationalId(fodselsnummer)).toBe('fodselsnummer');
    expect(classifyNationalId(dNumber)).toBe('d-nummer');
  });

  it('rejects wrong check digits, impossible dates and other lengths', () => {
    expect(classifyNationalId('01010012357')).toBeNull(); // last digit off by one
    expect(classifyNationalId('01010012346')).toBeNull(); // first check digit wrong
    expect(classifyNationalId('32130012345')).toBeNull();
    expect(classifyNationalId('0101001235')).toBeNull();
    expect(classifyNationalId('12345678901')).toBeNull();
    expect(classifyNationalId('00000000000')).toBeNull();
  });
});

describe('findNationalIds', () => {
  it('finds numbers inside text, with or without a separator', () => {
    expect(findNationalIds(`Bruker ${fodselsnummer} har søkt.`)).toEqual([{ value: fodselsnummer, kind: 'fodselsnummer' }]);
    expect(findNationalIds('fnr 010100 12356 og 010100-12356')).toHaveLength(2);
    expect(findNationalIds(`d-nr: ${dNumber}`)[0].kind).toBe('d-nummer');
  });

  it('ignores EPJ case numbers, phone numbers and longer digit runs', () => {
    expect(findNationalIds('EPJ 2025/1183, tlf 22 33 44 55, saksnr 202412345678')).toEqual([]);
    expect(findNationalIds(`x${fodselsnummer}9`)).toEqual([]);
  });
});

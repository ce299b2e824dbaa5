import { describe, expect, it } from 'vitest';
import { classifyNationalId, containsNationalId, findNationalIds, maskNationalIds, replaceNationalIds } from './national-id';

/**
 * Builds a number with valid check digits by the classic modulus-11 rule —
 * here in the test only, so the module's verdict comes from the validator and
 * not from a second copy of the rule. The nine first digits are chosen freely
 * (a date, possibly shifted for D/H/synthetic numbers, and three more); null
 * when the rule has no check digit for them.
 */
function withCheckDigits(nine: string): string | null {
  const digits = [...nine].map(Number);
  const k1 = (11 - ([3, 7, 6, 1, 8, 9, 4, 5, 2].reduce((s, w, i) => s + w * digits[i], 0) % 11)) % 11;
  if (k1 === 10) return null;
  const k2 = (11 - ([5, 4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * [...digits, k1][i], 0) % 11)) % 11;
  if (k2 === 10) return null;
  return `${nine}${k1}${k2}`;
}

function validFor(datePart: string): string {
  for (let individual = 100; individual < 1000; individual++) {
    const number = withCheckDigits(`${datePart}${individual}`);
    if (number) return number;
  }
  throw new Error(`no valid number for ${datePart}`);
}

const fnr = '15039212258'; // the example
const fnrFrom2000 = validFor('290200'); // 29 February 2000
const dnr = validFor('550392'); // day + 40
const hnr = validFor('154392'); // month + 40
const synthetic = validFor('158392'); // month + 80 (Skatteetaten's synthetic test numbers)
const syntheticDnr = validFor('558392');

/** Flips the last check digit: same shape, wrong checksum. */
const broken = (number: string) => number.slice(0, 10) + ((Number(number[10]) + 1) % 10);

describe('classifyNationalId (through @navikt/fnrvalidator)', () => {
  it('accepts fødselsnummer, D-, H- and synthetic numbers', () => {
    expect(classifyNationalId(fnr)).toBe('fodselsnummer');
    expect(classifyNationalId(fnrFrom2000)).toBe('fodselsnummer');
    expect(classifyNationalId(dnr)).toBe('d-nummer');
    expect(classifyNationalId(hnr)).toBe('h-nummer');
    expect(classifyNationalId(synthetic)).toBe('syntetisk');
    expect(classifyNationalId(syntheticDnr)).toBe('syntetisk');
  });

  it('refuses wrong check digits, impossible dates and other lengths', () => {
    expect(classifyNationalId(broken(fnr))).toBeNull();
    expect(classifyNationalId(broken(dnr))).toBeNull();
    expect(classifyNationalId(withCheckDigits('310492123') ?? '31049212300')).toBeNull(); // 31 April
    expect(classifyNationalId(withCheckDigits('290201123') ?? withCheckDigits('290201124') ?? '29020112400')).toBeNull(); // 29 February 2001
    expect(classifyNationalId(fnr.slice(0, 10))).toBeNull();
    expect(classifyNationalId(`${fnr}0`)).toBeNull();
    expect(classifyNationalId('00000000000')).toBeNull();
  });
});

describe('findNationalIds', () => {
  it('finds a number the way a person writes it, with its position', () => {
    const text = `Fnr ${fnr} står i søknaden.`;
    expect(findNationalIds(text)).toEqual([{ start: 4, end: 15, digits: fnr, kind: 'fodselsnummer', dateLength: 6 }]);
    for (const written of [
      '150392 12258',
      '150392-12258',
      '150392.12258',
      '15.03.92 12258',
      '15.03.9212258',
      '15-03-92-12258',
      '15 03 92 12258',
    ]) {
      const [match] = findNationalIds(`(${written})`);
      expect(match, written).toMatchObject({ start: 1, end: 1 + written.length, digits: fnr });
    }
    expect(findNationalIds(`d-nr ${dnr}, h-nr ${hnr} og test ${synthetic}`).map((m) => m.kind)).toEqual([
      'd-nummer',
      'h-nummer',
      'syntetisk',
    ]);
  });

  it('ignores invalid checksums, longer and shorter runs, phone and account numbers and dates', () => {
    expect(findNationalIds(`Fnr ${broken(fnr)}`)).toEqual([]);
    expect(findNationalIds(`saksnr 9${fnr}`)).toEqual([]); // 12 digits
    expect(findNationalIds(`saksnr ${fnr}4`)).toEqual([]);
    expect(findNationalIds(`nr ${fnr.slice(1)}`)).toEqual([]); // 10 digits
    expect(findNationalIds('tlf 22 33 44 55, mobil +47 912 34 567, 0047 91234567')).toEqual([]);
    // An account number (4.2.5) and one written without dots whose digits fail the identity-number rule.
    expect(findNationalIds('konto 1503.92.12258 og 12345678903')).toEqual([]);
    expect(classifyNationalId('12345678903')).toBeNull();
    expect(findNationalIds('møtet 15.03.92, vedtak 15.03.1992 kl. 12258')).toEqual([]);
    expect(findNationalIds('EPJ 2025/1183')).toEqual([]);
    // Mixed separators inside the date are not a date.
    expect(findNationalIds('15.03-92 12258')).toEqual([]);
  });

  it('finds several numbers in one text', () => {
    expect(findNationalIds(`${fnr} og ${dnr}\n${fnrFrom2000}`).map((m) => m.digits)).toEqual([fnr, dnr, fnrFrom2000]);
    expect(containsNationalId(`mor: ${dnr}`)).toBe(true);
    expect(containsNationalId('ingenting her')).toBe(false);
    expect(containsNationalId(null)).toBe(false);
  });
});

describe('maskNationalIds', () => {
  it('keeps the birth date and masks the personal number, keeping how it was written', () => {
    expect(maskNationalIds(`Fnr ${fnr}.`)).toBe('Fnr 150392*****.');
    expect(maskNationalIds('Fnr 150392 12258')).toBe('Fnr 150392 *****');
    expect(maskNationalIds('Fnr 15.03.92 12258')).toBe('Fnr 15.03.92 *****');
    expect(maskNationalIds(`${fnr} ${dnr}`)).toBe(`150392***** ${dnr.slice(0, 6)}*****`);
  });

  it('leaves other text and numbers alone', () => {
    const text = `Tlf 22 33 44 55, konto 1503.92.12258, ${broken(fnr)}`;
    expect(maskNationalIds(text)).toBe(text);
    expect(maskNationalIds(null)).toBeNull();
    expect(maskNationalIds('')).toBe('');
  });
});

describe('replaceNationalIds', () => {
  it('puts the person reference where each number was', () => {
    expect(replaceNationalIds(`Fnr ${fnr}, mor 15.03.92 12258`, 'EPJ 2025/1183')).toBe('Fnr EPJ 2025/1183, mor EPJ 2025/1183');
  });
});

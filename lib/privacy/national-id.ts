/**
 * Finds Norwegian national identity numbers in free text: fødselsnummer,
 * D-numbers (first digit + 4) and H-numbers (month + 40), recognised by their
 * two modulus-11 check digits and a real birth date. Used to warn — not
 * block — when one is typed where a pseudonymous reference belongs.
 */
const weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, weight, i) => acc + weight * digits[i], 0);
  const rest = 11 - (sum % 11);
  if (rest === 11) return 0;
  if (rest === 10) return null; // no valid number has this
  return rest;
}

export type NationalIdKind = 'fodselsnummer' | 'd-nummer' | 'h-nummer';

export function classifyNationalId(value: string): NationalIdKind | null {
  if (!/^\d{11}$/.test(value)) return null;
  const digits = [...value].map(Number);
  if (checkDigit(digits, weights1) !== digits[9]) return null;
  if (checkDigit(digits, weights2) !== digits[10]) return null;
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  let kind: NationalIdKind = 'fodselsnummer';
  if (day > 40) {
    day -= 40;
    kind = 'd-nummer';
  } else if (month > 40) {
    month -= 40;
    kind = 'h-nummer';
  }
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? kind : null;
}

/** Every valid identity number in the text, also when written "010190 12345" or "010190-12345". */
export function findNationalIds(text: string): { value: string; kind: NationalIdKind }[] {
  const found: { value: string; kind: NationalIdKind }[] = [];
  for (const match of text.matchAll(/(?<!\d)(\d{6})[ -]?(\d{5})(?!\d)/g)) {
    const value = match[1] + match[2];
    const kind = classifyNationalId(value);
    if (kind) found.push({ value, kind });
  }
  return found;
}

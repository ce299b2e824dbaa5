import { idnr } from '@navikt/fnrvalidator';

/**
 * Finds Norwegian national identity numbers in free text — fødselsnummer,
 * D-numbers, H-numbers and the synthetic test numbers of NAV and
 * Skatteetaten — so they can be refused where a pseudonymous reference
 * belongs and masked wherever stored text is shown outside the editor.
 *
 * What counts as a number is decided by the maintained validator
 * (`@navikt/fnrvalidator`: both check digits, including the 2032 rule, and a
 * real birth date); this module only finds the candidates a person would
 * type: `15039212258`, `150392 12258`, `150392-12258`, `15.03.92 12258`.
 * Pure (no I/O), so the browser's form check and the server agree.
 */

export type NationalIdKind = 'fodselsnummer' | 'd-nummer' | 'h-nummer' | 'syntetisk';

export type NationalIdMatch = {
  /** Where the number starts and ends in the text (UTF-16 indices, end exclusive), separators included. */
  start: number;
  end: number;
  /** The eleven digits, without separators. */
  digits: string;
  kind: NationalIdKind;
  /** Length of the birth-date part as written ("150392" = 6, "15.03.92" = 8): what masking keeps. */
  dateLength: number;
};

// DD MM YY with one separator used alike between the date's parts (none, dot, dash or space), then
// none or one separator before the five-digit personal number. Not inside a longer digit run.
const candidate = /(?<!\d)(\d{2})([.\- ]?)(\d{2})\2(\d{2})([.\- ]?)(\d{5})(?!\d)/g;

const kinds: Record<string, NationalIdKind> = {
  fnr: 'fodselsnummer',
  dnr: 'd-nummer',
  hnr: 'h-nummer',
  tnr: 'syntetisk',
  'dnr-and-hnr': 'syntetisk',
  'dnr-and-tnr': 'syntetisk',
};

/** The kind of an eleven-digit string the validator accepts, or null. */
export function classifyNationalId(digits: string): NationalIdKind | null {
  if (!/^\d{11}$/.test(digits)) return null;
  const result = idnr(digits);
  return result.status === 'valid' ? (kinds[result.type] ?? 'fodselsnummer') : null;
}

/** Every identity number in the text, in order, with its position. */
export function findNationalIds(text: string): NationalIdMatch[] {
  const found: NationalIdMatch[] = [];
  for (const match of text.matchAll(candidate)) {
    const [whole, day, dateSeparator, month, year, , personal] = match;
    const digits = `${day}${month}${year}${personal}`;
    const kind = classifyNationalId(digits);
    if (!kind) continue;
    found.push({ start: match.index, end: match.index + whole.length, digits, kind, dateLength: 6 + 2 * dateSeparator.length });
  }
  return found;
}

export function containsNationalId(text: string | null | undefined): boolean {
  return Boolean(text) && findNationalIds(text!).length > 0;
}

/**
 * The text with each number's personal part masked: `15039212258` →
 * `150392*****`, `15.03.92 12258` → `15.03.92 *****`. The birth date stays
 * (it alone does not identify anyone; it tells a reader what was there).
 */
export function maskNationalIds(text: string): string;
export function maskNationalIds(text: string | null): string | null;
export function maskNationalIds(text: string | null | undefined): string | null | undefined;
export function maskNationalIds(text: string | null | undefined): string | null | undefined {
  if (!text) return text;
  return replaceEach(text, (match, written) => written.slice(0, written.length - 5) + '*****');
}

/** The text with each number replaced by `replacement` (the case's person reference). */
export function replaceNationalIds(text: string, replacement: string): string {
  return replaceEach(text, () => replacement);
}

function replaceEach(text: string, by: (match: NationalIdMatch, written: string) => string): string {
  const matches = findNationalIds(text);
  if (matches.length === 0) return text;
  let result = '';
  let at = 0;
  for (const match of matches) {
    result += text.slice(at, match.start) + by(match, text.slice(match.start, match.end));
    at = match.end;
  }
  return result + text.slice(at);
}

/** Every string value of a record masked (the fields of a stored form, shown read-only). */
export function maskTextFields<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, typeof value === 'string' ? maskNationalIds(value) : value]),
  ) as T;
}

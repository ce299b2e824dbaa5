import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/**
 * The minimum strength of a local password: 10 to 200 characters, not
 * containing the person's name or e-mail name, and a zxcvbn score of 3 of 4
 * ("safely unguessable: moderate protection from an offline attack"), with a
 * few Norwegian password words added to the library's common dictionary.
 */
export const minPasswordLength = 10;
export const maxPasswordLength = 200;
const minScore = 3;

let factory: ZxcvbnFactory | null = null;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_weak' | 'personal';

/** Words Norwegians put in passwords that the library's (English-leaning) lists lack. */
const norwegianWords = [
  'passord',
  'sommer',
  'vinter',
  'høst',
  'velkommen',
  'hemmelig',
  'kommune',
  'samlet',
  'saksmøte',
  'norge',
  'bergen',
  'oslo',
  'tirsdag',
  'torsdag',
];

export function passwordProblem(password: string, person: { email?: string; name?: string } = {}): PasswordProblem | null {
  if (password.length < minPasswordLength) return 'too_short';
  if (password.length > maxPasswordLength) return 'too_long';
  const personal = [...(person.email?.split('@')[0]?.split(/[._-]+/) ?? []), ...(person.name?.split(/\s+/) ?? [])].filter(
    (word) => word.length >= 3,
  );
  if (personal.some((word) => password.toLowerCase().includes(word.toLowerCase()))) return 'personal';
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, norwegian: norwegianWords }, graphs: common.adjacencyGraphs });
  return factory.check(password, personal).score >= minScore ? null : 'too_weak';
}

import { findNationalIds } from '../privacy/national-id';
import { criteria, textFields, type CaseContent, type Criterion } from './case-form';

/**
 * What a case needs before it can go to a meeting, and what deserves a
 * warning. Errors block submission; warnings never do.
 *
 * A national identity number in any text field is an error (`national_id`),
 * so none reaches the agenda, the minutes or the history — unless the author
 * said explicitly that this number is not one (`overridden`, stored and
 * audited by lib/privacy/national-id-override.ts). The person reference is
 * never overridable. A draft may still hold one: autosave keeps what is typed.
 */
/** Required fields that are a choice of options (radio buttons), not text. */
const choiceFields = new Set<string>(['caseType', 'purpose']);

export const requiredForSubmission = [
  'personRef',
  'caseType',
  'question',
  'facts',
  'proposal',
  'alvorlighetReasons',
  'nytteReasons',
  'ressursReasons',
  'samletVurdering',
  'purpose',
] as const;

export type SubmissionCheck = {
  errors: Record<string, string>;
  warnings: Record<string, string[]>;
};

const filled = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

function normalise(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The criteria a text names ("alvorlig…", "nytt…", "ressurs…"). */
export function criteriaMentioned(text: string): Criterion[] {
  const lower = text.toLowerCase();
  const stems: Record<Criterion, RegExp> = { alvorlighet: /alvorlig/, nytte: /nytt/, ressurs: /ressurs/ };
  return criteria.filter((criterion) => stems[criterion].test(lower));
}

function wordOverlap(a: string, b: string): number {
  const wordsA = new Set(normalise(a).split(' ').filter(Boolean));
  const wordsB = new Set(normalise(b).split(' ').filter(Boolean));
  if (wordsA.size === 0 || wordsB.size === 0) return 0;
  const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
  return shared / Math.max(wordsA.size, wordsB.size);
}

/** Asks whether the author marked this number in this field as "not a national identity number". */
export type NationalIdOverrides = (field: string, digits: string) => boolean;

/** Each of `fields` holding a national identity number that is not overridden. */
export function nationalIdErrors(
  values: Record<string, unknown>,
  fields: readonly string[],
  overridden: NationalIdOverrides = () => false,
): Record<string, 'national_id'> {
  const errors: Record<string, 'national_id'> = {};
  for (const field of fields) {
    const value = values[field];
    if (typeof value !== 'string') continue;
    if (findNationalIds(value).some((m) => !overridden(field, m.digits))) errors[field] = 'national_id';
  }
  return errors;
}

/**
 * The guard against one criterion carrying the decision, for every level of
 * case (individual, service, political): the holistic assessment should speak
 * of at least two criteria and not just repeat one criterion's reasons.
 */
export function holisticAssessmentWarnings(
  content: Partial<Record<'samletVurdering' | `${Criterion}Reasons`, string | undefined>>,
): ('few_criteria' | 'copy_of_one')[] {
  const samlet = content.samletVurdering ?? '';
  if (!filled(samlet)) return [];
  const keys: ('few_criteria' | 'copy_of_one')[] = [];
  if (criteriaMentioned(samlet).length < 2) keys.push('few_criteria');
  const copied = criteria.some((c) => {
    const reasons = content[`${c}Reasons`] ?? '';
    return filled(reasons) && wordOverlap(samlet, reasons) >= 0.9;
  });
  if (copied) keys.push('copy_of_one');
  return keys;
}

export function checkSubmission(content: CaseContent, overridden?: NationalIdOverrides): SubmissionCheck {
  const errors: Record<string, string> = {};
  const warnings: Record<string, string[]> = {};
  const warn = (field: string, key: string) => (warnings[field] ??= []).push(key);

  for (const field of requiredForSubmission) {
    // A choice is chosen, not filled in: its own key, so the text can say "Velg …".
    if (!filled(content[field])) errors[field] = choiceFields.has(field) ? 'required_choice' : 'required';
  }
  if (content.childrenAffected && !filled(content.barnetsBeste)) errors.barnetsBeste = 'required_children';
  if (content.hasOngoingDecision && !filled(content.ongoingDecisionWhat)) errors.ongoingDecisionWhat = 'required';
  if (content.personRef && findNationalIds(content.personRef).length > 0) errors.personRef = 'national_id_not_allowed';

  for (const key of holisticAssessmentWarnings(content)) warn('samletVurdering', key);

  const numbers = nationalIdErrors(
    content,
    textFields.filter((f) => f !== 'personRef'),
    overridden,
  );
  for (const [field, error] of Object.entries(numbers)) errors[field] ??= error;
  return { errors, warnings };
}

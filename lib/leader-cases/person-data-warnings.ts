import { findNationalIds } from '../privacy/national-id';
import { holisticAssessmentWarnings } from '../cases/validate-submission';
import { leaderTextFields, type LeaderCaseContent } from './leader-case-form';

/**
 * A leader case is about a service or a priority, not a person. Its text is
 * never refused for naming one (a leader may quote a figure or a law), but
 * what reads like a person's identity is warned about while typing and after
 * saving: a national identity number (the same detector as the case form), a
 * record-system reference ("EPJ 2025/0712") or a pseudonymous person reference
 * ("P-4821"), the forms the unit's individual cases use. Pure, so the page's
 * script and the server agree.
 */
const personReference = /\b(?:EPJ[\s-]?\d{4}\/\d{2,}|P-\d{3,6})\b/i;

export type LeaderCaseWarning = 'national_id' | 'person_reference' | 'few_criteria' | 'copy_of_one';

export function personDataWarning(text: string | undefined): LeaderCaseWarning | null {
  if (!text) return null;
  if (findNationalIds(text).length > 0) return 'national_id';
  return personReference.test(text) ? 'person_reference' : null;
}

/** Field → warning keys: person data in any text field, and the guard against one criterion carrying the decision. */
export function leaderCaseWarnings(content: LeaderCaseContent): Record<string, LeaderCaseWarning[]> {
  const warnings: Record<string, LeaderCaseWarning[]> = {};
  for (const field of leaderTextFields) {
    const found = personDataWarning(content[field]);
    if (found) warnings[field] = [found];
  }
  const holistic = holisticAssessmentWarnings(content);
  if (holistic.length > 0) warnings.samletVurdering = [...(warnings.samletVurdering ?? []), ...holistic];
  return warnings;
}

import { findNationalIds } from './national-id';
import type { OverrideCheck } from './national-id-override';

/** The texts a meeting writes about an item that can hold a number: the item document's fields and its follow-ups. */
export const itemNumberFields = ['notes', 'conclusion', 'dissent', 'assessmentNote'] as const;

type ItemTexts = Partial<Record<(typeof itemNumberFields)[number], string>> & { followUps?: { description?: string }[] };

/**
 * What stops an item from being locked because it holds a national identity
 * number: `national_id_<field>` per field (`national_id_followUps` for any
 * follow-up), so the minutes never receive one. Overridden numbers pass.
 */
export function itemNationalIdProblems(item: ItemTexts, overridden: OverrideCheck = () => false): string[] {
  const holds = (field: string, text: string | undefined) =>
    Boolean(text) && findNationalIds(text!).some((m) => !overridden(field, m.digits));
  const problems: string[] = itemNumberFields.filter((field) => holds(field, item[field])).map((field) => `national_id_${field}`);
  if (item.followUps?.some((f) => holds('followUps', f.description))) problems.push('national_id_followUps');
  return problems;
}

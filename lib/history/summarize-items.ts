import { purposes } from '../cases/case-form';
import { outcomes } from '../meetings/agenda-rules';

export type ItemFacts = { purpose: string; outcome: string | null; status: string };

export type ItemSummary = {
  total: number;
  byPurpose: Record<(typeof purposes)[number], number>;
  byOutcome: Record<(typeof outcomes)[number], number>;
  /** Items that ended without an outcome (not reached, carried over). */
  withoutOutcome: number;
};

/** Counts a meeting's items by purpose and by outcome, for the history list. */
export function summarizeItems(items: readonly ItemFacts[]): ItemSummary {
  const byPurpose = Object.fromEntries(purposes.map((p) => [p, 0])) as ItemSummary['byPurpose'];
  const byOutcome = Object.fromEntries(outcomes.map((o) => [o, 0])) as ItemSummary['byOutcome'];
  let withoutOutcome = 0;
  for (const item of items) {
    if (item.purpose in byPurpose) byPurpose[item.purpose as keyof typeof byPurpose] += 1;
    if (item.outcome && item.outcome in byOutcome) byOutcome[item.outcome as keyof typeof byOutcome] += 1;
    else withoutOutcome += 1;
  }
  return { total: items.length, byPurpose, byOutcome, withoutOutcome };
}

import { caseLevels, purposes } from '../cases/case-form';
import { outcomes } from '../meetings/agenda-rules';

/** `level`: the item's level (item-level.ts), null for an item without a case. */
export type ItemFacts = { purpose: string; outcome: string | null; status: string; level?: string | null };

export type ItemSummary = {
  total: number;
  byPurpose: Record<(typeof purposes)[number], number>;
  byOutcome: Record<(typeof outcomes)[number], number>;
  byLevel: Record<(typeof caseLevels)[number], number>;
  /** Items that ended without an outcome (not reached, carried over). */
  withoutOutcome: number;
};

/** Counts a meeting's items by purpose, by outcome and by level, for the history list. */
export function summarizeItems(items: readonly ItemFacts[]): ItemSummary {
  const byPurpose = Object.fromEntries(purposes.map((p) => [p, 0])) as ItemSummary['byPurpose'];
  const byOutcome = Object.fromEntries(outcomes.map((o) => [o, 0])) as ItemSummary['byOutcome'];
  const byLevel = Object.fromEntries(caseLevels.map((l) => [l, 0])) as ItemSummary['byLevel'];
  let withoutOutcome = 0;
  for (const item of items) {
    if (item.purpose in byPurpose) byPurpose[item.purpose as keyof typeof byPurpose] += 1;
    if (item.level && item.level in byLevel) byLevel[item.level as keyof typeof byLevel] += 1;
    if (item.outcome && item.outcome in byOutcome) byOutcome[item.outcome as keyof typeof byOutcome] += 1;
    else withoutOutcome += 1;
  }
  return { total: items.length, byPurpose, byOutcome, byLevel, withoutOutcome };
}

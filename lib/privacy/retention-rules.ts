import { DateTime } from 'luxon';

/**
 * Which case histories retention anonymises (pure; lib/privacy/retention.ts
 * does the database work). A history is everything about one person
 * reference in one unit — or one case without a reference. It is due when
 * its last conclusion (a closed meeting's decision, or a withdrawal) lies
 * `months` or more back, and nothing about the person is still open.
 */
export type CaseFactsForRetention = {
  id: string;
  unitId: string;
  personRef: string;
  status: string;
  /** When the case was last concluded (its meeting closed) or withdrawn; null while open. */
  closedAt: Date | null;
};

export type History = { key: string; caseIds: string[]; lastClosedAt: Date | null; open: boolean };

const openStatuses = new Set(['draft', 'submitted']);

export function historyKey(c: Pick<CaseFactsForRetention, 'id' | 'unitId' | 'personRef'>): string {
  const ref = c.personRef.trim().toLowerCase();
  return ref ? `${c.unitId}|${ref}` : `case|${c.id}`;
}

export function groupHistories(cases: readonly CaseFactsForRetention[]): History[] {
  const byKey = new Map<string, History>();
  for (const c of cases) {
    const key = historyKey(c);
    const history = byKey.get(key) ?? { key, caseIds: [], lastClosedAt: null, open: false };
    history.caseIds.push(c.id);
    if (openStatuses.has(c.status) || !c.closedAt) history.open = true;
    else if (!history.lastClosedAt || c.closedAt > history.lastClosedAt) history.lastClosedAt = c.closedAt;
    byKey.set(key, history);
  }
  return [...byKey.values()];
}

/** The moment before which a last conclusion is old enough (calendar months in Oslo). */
export function retentionCutoff(now: Date, months: number): Date {
  return DateTime.fromJSDate(now, { zone: 'Europe/Oslo' }).minus({ months }).toJSDate();
}

export function dueHistories(cases: readonly CaseFactsForRetention[], now: Date, months: number): History[] {
  if (months <= 0) return [];
  const cutoff = retentionCutoff(now, months);
  return groupHistories(cases).filter((h) => !h.open && h.lastClosedAt !== null && h.lastClosedAt <= cutoff);
}

/**
 * Due histories in groups of at most `maxCases` cases, each history whole
 * (one larger than that is a group of its own). A first run on years of
 * history finds tens of thousands of people: one transaction per group
 * instead of per person keeps the number of statements, and so the time the
 * server spends on them, small.
 */
export function batchHistories(histories: readonly History[], maxCases: number): History[][] {
  const batches: History[][] = [];
  let current: History[] = [];
  let size = 0;
  for (const history of histories) {
    if (current.length > 0 && size + history.caseIds.length > maxCases) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(history);
    size += history.caseIds.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

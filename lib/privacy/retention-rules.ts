import { DateTime } from 'luxon';
import { runtimeConfig } from '../runtime/services';
import { osloZone } from '../time/oslo-zone';

/**
 * Which case histories retention anonymises (pure; lib/privacy/retention.ts
 * does the database work). A history is everything about one person
 * reference in one unit — or one case without a reference. It is due when
 * its last conclusion (a closed meeting's decision, or a withdrawal) lies
 * `months` or more back, and nothing about the person is still open. A draft
 * nobody has worked on for the whole period is abandoned: it no longer keeps
 * the history open, and it goes with it (data minimisation).
 */
export type CaseFactsForRetention = {
  id: string;
  unitId: string;
  personRef: string;
  status: string;
  /** When the case was last concluded (its meeting closed) or withdrawn; null while open. */
  closedAt: Date | null;
  /** The last change to the case or its document (for a draft: when someone last worked on it). */
  lastActivityAt: Date;
};

export type History = { key: string; caseIds: string[]; lastClosedAt: Date | null; open: boolean };

const openStatuses = new Set(['draft', 'submitted']);

export function historyKey(c: Pick<CaseFactsForRetention, 'id' | 'unitId' | 'personRef'>): string {
  const ref = c.personRef.trim().toLowerCase();
  return ref ? `${c.unitId}|${ref}` : `case|${c.id}`;
}

/** A draft untouched since the cutoff. */
export function isAbandonedDraft(c: Pick<CaseFactsForRetention, 'status' | 'lastActivityAt'>, cutoff: Date): boolean {
  return c.status === 'draft' && c.lastActivityAt <= cutoff;
}

/** Still open: submitted, or a draft that is not abandoned. */
export function isOpenCase(c: Pick<CaseFactsForRetention, 'status' | 'lastActivityAt'>, cutoff: Date | null): boolean {
  return openStatuses.has(c.status) && !(cutoff && isAbandonedDraft(c, cutoff));
}

/** Cases by history; with a `cutoff`, abandoned drafts count as closed when last worked on. */
export function groupHistories(cases: readonly CaseFactsForRetention[], cutoff: Date | null = null): History[] {
  const byKey = new Map<string, History>();
  for (const c of cases) {
    const key = historyKey(c);
    const history = byKey.get(key) ?? { key, caseIds: [], lastClosedAt: null, open: false };
    history.caseIds.push(c.id);
    const closedAt = cutoff && isAbandonedDraft(c, cutoff) ? c.lastActivityAt : c.closedAt;
    if (isOpenCase(c, cutoff) || !closedAt) history.open = true;
    else if (!history.lastClosedAt || closedAt > history.lastClosedAt) history.lastClosedAt = closedAt;
    byKey.set(key, history);
  }
  return [...byKey.values()];
}

/** The moment before which a last conclusion is old enough (calendar months in Oslo). */
export function retentionCutoff(now: Date, months: number): Date {
  return DateTime.fromJSDate(now, { zone: osloZone }).minus({ months }).toJSDate();
}

export function dueHistories(cases: readonly CaseFactsForRetention[], now: Date, months: number): History[] {
  if (months <= 0) return [];
  const cutoff = retentionCutoff(now, months);
  return groupHistories(cases, cutoff).filter((h) => !h.open && h.lastClosedAt !== null && h.lastClosedAt <= cutoff);
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

/** The moment an untouched draft becomes abandoned (the inverse of the cutoff, in Oslo calendar months). */
export function abandonedFrom(lastActivityAt: Date, months: number): Date {
  return DateTime.fromJSDate(lastActivityAt, { zone: osloZone }).plus({ months }).toJSDate();
}

/** SAMLET_RETENTION_MONTHS as server/config.ts validated it at start (docs/configuration.md); 24 when unset. */
export function retentionMonths(): number {
  return runtimeConfig().retentionMonths;
}

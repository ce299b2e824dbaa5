import { criterionLevels } from '../cases/case-form';
import { outcomes } from '../meetings/agenda-rules';

/**
 * Figures from the unit's own individual cases, for a leader case (issue 22):
 * aggregates only, never a list of people, and every group of one to four
 * cases shown as "under 5" — a small group in a small unit is a person.
 * Pure: lib/leader-cases/load-evidence-items.ts reads the rows, this counts
 * and suppresses, and what is stored is the suppressed result only.
 */

/** One agenda item of a closed meeting about an individual case. */
export type EvidenceItem = {
  caseId: string;
  /** Oslo calendar date of the meeting (yyyy-MM-dd). */
  meetingDate: string;
  outcome: string | null;
  status: string;
  severity: string | null;
  /** Oslo date of the case's first submission, when known. */
  firstSubmittedDate: string | null;
  followUps: { done: boolean; overdue: boolean }[];
};

export const suppressionThreshold = 5;
/**
 * A count as shown: the number, "under 5" for one to four, or "hidden" for a
 * larger cell hidden so that a small one cannot be worked out from the total.
 * Zero stays zero (it names nobody).
 */
export type Shown = number | 'under_5' | 'hidden';

export const severityKeys = [...criterionLevels, 'unknown'] as const;
export const outcomeKeys = [...outcomes, 'none'] as const;
export const waitingBuckets = ['0-7', '8-14', '15-30', '31+'] as const;

export type EvidenceFigures = {
  cases: Shown;
  postponedCases: Shown;
  postponements: Shown;
  /** Severity (as concluded) × the case's last outcome in the period. */
  outcomeBySeverity: Record<(typeof severityKeys)[number], Record<(typeof outcomeKeys)[number], Shown>>;
  waiting: { concluded: Shown; medianDays: number | 'under_5' | null; buckets: Record<(typeof waitingBuckets)[number], Shown> };
  followUps: { total: Shown; notDone: Shown; overdue: Shown };
};

export function shown(n: number): Shown {
  return n > 0 && n < suppressionThreshold ? 'under_5' : n;
}

/**
 * Suppresses the cells of one table that sums to a total shown elsewhere: a
 * single hidden cell could be worked out from the total and the rest, so the
 * next smallest non-zero cell is hidden with it.
 */
function shownTable(counts: number[]): Shown[] {
  const cells = counts.map(shown);
  const hidden = cells.filter((c) => c === 'under_5').length;
  if (hidden === 1) {
    const candidates = counts.map((n, i) => ({ n, i })).filter(({ n, i }) => n > 0 && cells[i] !== 'under_5');
    const smallest = candidates.sort((a, b) => a.n - b.n)[0];
    if (smallest) cells[smallest.i] = 'hidden';
  }
  return cells;
}

const isPostponed = (item: EvidenceItem) => item.outcome === 'utsatt' || item.status === 'carried_over' || item.status === 'postponed';

function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
}

function bucketOf(days: number): (typeof waitingBuckets)[number] {
  if (days <= 7) return '0-7';
  if (days <= 14) return '8-14';
  if (days <= 30) return '15-30';
  return '31+';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round(((sorted[mid - 1] + sorted[mid]) / 2) * 10) / 10;
}

export function computeEvidence(items: readonly EvidenceItem[]): EvidenceFigures {
  const byCase = new Map<string, EvidenceItem[]>();
  for (const item of items) byCase.set(item.caseId, [...(byCase.get(item.caseId) ?? []), item]);

  const matrix = severityKeys.map(() => outcomeKeys.map(() => 0));
  const waits: number[] = [];
  let postponedCases = 0;
  for (const caseItems of byCase.values()) {
    const ordered = [...caseItems].sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
    const last = ordered[ordered.length - 1];
    const severity = severityKeys.indexOf((last.severity ?? 'unknown') as (typeof severityKeys)[number]);
    const outcome = outcomeKeys.indexOf((last.outcome ?? 'none') as (typeof outcomeKeys)[number]);
    matrix[severity < 0 ? severityKeys.length - 1 : severity][outcome < 0 ? outcomeKeys.length - 1 : outcome] += 1;
    if (ordered.some(isPostponed)) postponedCases += 1;
    // Waiting time ends with the meeting that concluded it: an outcome that is not a postponement.
    if (last.outcome && last.outcome !== 'utsatt' && last.firstSubmittedDate)
      waits.push(daysBetween(last.firstSubmittedDate, last.meetingDate));
  }

  const flat = shownTable(matrix.flat());
  const outcomeBySeverity = Object.fromEntries(
    severityKeys.map((s, si) => [s, Object.fromEntries(outcomeKeys.map((o, oi) => [o, flat[si * outcomeKeys.length + oi]]))]),
  ) as EvidenceFigures['outcomeBySeverity'];
  const bucketCounts = waitingBuckets.map((b) => waits.filter((d) => bucketOf(d) === b).length);
  const bucketCells = shownTable(bucketCounts);
  const followUps = items.flatMap((i) => i.followUps);
  const notDone = followUps.filter((f) => !f.done);

  return {
    cases: shown(byCase.size),
    postponedCases: shown(postponedCases),
    postponements: shown(items.filter(isPostponed).length),
    outcomeBySeverity,
    waiting: {
      concluded: shown(waits.length),
      medianDays: waits.length === 0 ? null : waits.length < suppressionThreshold ? 'under_5' : median(waits),
      buckets: Object.fromEntries(waitingBuckets.map((b, i) => [b, bucketCells[i]])) as EvidenceFigures['waiting']['buckets'],
    },
    followUps: { total: shown(followUps.length), notDone: shown(notDone.length), overdue: shown(notDone.filter((f) => f.overdue).length) },
  };
}

import { retryWhenBusy } from '../db/retry-when-busy';
import type { Db, DbTransaction } from '../db/db';
import { maskNationalIds as mask } from '../privacy/national-id';
import { anonymisedTitle } from '../privacy/retention';
import { words } from './similarity';

/**
 * The store of concluded decisions (Prisma model ConcludedDecision): each
 * concluded agenda item with what the similar-earlier-decisions panel and the
 * like-case check need — the profile, the outcome, the title and conclusion
 * shown, and the words of its text split once. The room and the case page
 * read it in one query instead of splitting the history's texts per request.
 *
 * Written in the lock's transaction (lib/meetings/run-meeting.ts, a-list.ts),
 * removed by an unlock, rewritten from the search entries in the close's
 * transaction (indexMeeting, which a minutes correction and the national-id
 * command also call), back-filled at start for meetings closed before the
 * store existed, and removed by retention with the case's other text.
 */

/** What a decision row is made from: a search entry as buildSearchEntry makes it (or as stored). */
type EntryFields = {
  itemId: string;
  unitId: string;
  meetingId: string;
  caseId: string | null;
  caseworkerId: string | null;
  meetingDate: Date;
  caseType: string | null;
  level: string | null;
  outcome: string | null;
  severityLevel: string | null;
  benefitLevel: string | null;
  resourceLevel: string | null;
  services: string;
  title: string;
  body: string;
};

export type ConcludedDecisionRow = {
  itemId: string;
  unitId: string;
  meetingId: string;
  caseId: string | null;
  caseworkerId: string | null;
  meetingDate: Date;
  concludedAt: Date;
  caseType: string | null;
  level: string | null;
  outcome: string;
  severityLevel: string | null;
  benefitLevel: string | null;
  resourceLevel: string | null;
  services: string;
  title: string;
  conclusion: string | null;
  words: string;
  writtenAt: Date;
};

/**
 * The row for one item, or null when there is nothing to compare with: no
 * outcome, or a case retention has anonymised. The words are those the
 * similarity compares (title and text, masked for national identity numbers).
 */
export function decisionRow(
  entry: EntryFields,
  facts: { conclusion: string | null; concludedAt: Date; writtenAt: Date },
): ConcludedDecisionRow | null {
  if (!entry.outcome || entry.title === anonymisedTitle) return null;
  return {
    itemId: entry.itemId,
    unitId: entry.unitId,
    meetingId: entry.meetingId,
    caseId: entry.caseId,
    caseworkerId: entry.caseworkerId,
    meetingDate: entry.meetingDate,
    concludedAt: facts.concludedAt,
    caseType: entry.caseType,
    level: entry.level,
    outcome: entry.outcome,
    severityLevel: entry.severityLevel,
    benefitLevel: entry.benefitLevel,
    resourceLevel: entry.resourceLevel,
    services: entry.services,
    title: mask(entry.title),
    conclusion: mask(facts.conclusion),
    words: [...words(mask(`${entry.title}\n${entry.body}`))].join(' '),
    writtenAt: facts.writtenAt,
  };
}

/** The word set of a stored row, as similarity() takes it. */
export function wordSetOf(row: { words: string }): Set<string> {
  return new Set(row.words ? row.words.split(' ') : []);
}

/** Replaces a meeting's rows with these (the close, a minutes correction, the back-fill). */
export async function replaceMeetingDecisions(
  db: Db | DbTransaction,
  meetingId: string,
  rows: readonly (ConcludedDecisionRow | null)[],
): Promise<void> {
  await db.concludedDecision.deleteMany({ where: { meetingId } });
  const kept = rows.filter((row): row is ConcludedDecisionRow => row !== null);
  if (kept.length) await db.concludedDecision.createMany({ data: kept });
}

/** The lock's row: written (or, at a re-lock, replaced); none when the lock has no outcome. */
export async function writeLockedDecision(db: DbTransaction, itemId: string, row: ConcludedDecisionRow | null): Promise<void> {
  await db.concludedDecision.deleteMany({ where: { itemId } });
  if (row) await db.concludedDecision.create({ data: row });
}

/**
 * Rows for closed meetings whose search entries with an outcome outnumber their
 * stored decisions — meetings closed before the store existed — made from those
 * entries (the same rows the close writes). Cheap when there is nothing to do:
 * two grouped counts. The server runs it at start, after the migrations.
 * Returns how many meetings it filled.
 */
export async function backfillConcludedDecisions(db: Db, now: Date): Promise<number> {
  const [entries, stored] = await Promise.all([
    db.searchEntry.groupBy({
      by: ['meetingId'],
      where: { outcome: { not: null }, title: { not: anonymisedTitle } },
      _count: { _all: true },
    }),
    db.concludedDecision.groupBy({ by: ['meetingId'], _count: { _all: true } }),
  ]);
  const storedCount = new Map(stored.map((s) => [s.meetingId, s._count._all]));
  const missing = entries.filter((e) => (storedCount.get(e.meetingId) ?? 0) < e._count._all).map((e) => e.meetingId);
  for (const meetingId of missing) {
    // Two nodes starting together may fill the same meeting: the second's insert meets the first's rows and gives way
    // (PostgreSQL), or its transaction is refused as busy and runs again, replacing the rows with the same (SQLite).
    await retryWhenBusy(() =>
      db.$transaction(async (tx) => {
        const [meeting, rows] = await Promise.all([
          tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { closedAt: true, startsAt: true } }),
          tx.searchEntry.findMany({ where: { meetingId } }),
        ]);
        const items = await tx.agendaItem.findMany({ where: { meetingId }, select: { id: true, conclusion: true } });
        const conclusions = new Map(items.map((i) => [i.id, i.conclusion]));
        const concludedAt = meeting.closedAt ?? meeting.startsAt;
        await replaceMeetingDecisions(
          tx,
          meetingId,
          rows.map((entry) => decisionRow(entry, { conclusion: conclusions.get(entry.itemId) ?? null, concludedAt, writtenAt: now })),
        );
      }),
    ).catch((error: { code?: string }) => {
      if (error.code !== 'P2002') throw error;
    });
  }
  return missing.length;
}

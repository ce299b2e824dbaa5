import { recordAuditEvents } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { batchHistories, dueHistories, type CaseFactsForRetention } from './retention-rules';

/**
 * Retention: anonymises the case histories that lib/privacy/retention-rules.ts
 * finds due. What statistics need stays — unit, dates, case type, level,
 * purpose, outcome, criteria levels, the children flag; the rest goes: person
 * reference, title, every submitted version's content, the Yjs documents of
 * the case and its agenda items, the items' notes, conclusion, dissent and
 * adjusted assessment, follow-up texts, and the search text. One transaction
 * per batch of whole histories, one `case.anonymised` audit entry per case (no content).
 * Idempotent: an anonymised case is never picked again, so several nodes may
 * run it.
 */
export const anonymisedTitle = 'Anonymisert sak';

export type RetentionResult = { histories: number; cases: number };

export async function findDueCases(db: Db, now: Date, months: number) {
  const cases = await db.case.findMany({
    where: { anonymisedAt: null },
    select: { id: true, unitId: true, personRef: true, status: true, updatedAt: true },
  });
  // A concluded case's conclusion: the latest closing of a meeting that had it on the agenda.
  const items = await db.agendaItem.findMany({
    where: { caseId: { in: cases.filter((c) => c.status === 'concluded').map((c) => c.id) }, meeting: { status: 'closed' } },
    select: { caseId: true, meeting: { select: { closedAt: true } } },
  });
  const concludedAt = new Map<string, Date>();
  for (const item of items) {
    const closed = item.meeting.closedAt;
    if (item.caseId && closed && closed > (concludedAt.get(item.caseId) ?? new Date(0))) concludedAt.set(item.caseId, closed);
  }
  const facts: CaseFactsForRetention[] = cases.map((c) => ({
    id: c.id,
    unitId: c.unitId,
    personRef: c.personRef,
    status: c.status,
    closedAt: c.status === 'concluded' ? (concludedAt.get(c.id) ?? c.updatedAt) : c.status === 'withdrawn' ? c.updatedAt : null,
  }));
  return dueHistories(facts, now, months);
}

export async function anonymiseCases(db: Db, caseIds: string[], detail: { months: number }, now: Date = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const cases = await tx.case.findMany({ where: { id: { in: caseIds }, anonymisedAt: null }, select: { id: true, unitId: true } });
    if (cases.length === 0) return;
    const ids = cases.map((c) => c.id);
    const itemIds = (await tx.agendaItem.findMany({ where: { caseId: { in: ids } }, select: { id: true } })).map((i) => i.id);
    await tx.case.updateMany({ where: { id: { in: ids } }, data: { personRef: '', title: anonymisedTitle, anonymisedAt: now } });
    await tx.caseVersion.updateMany({ where: { caseId: { in: ids } }, data: { content: '{}' } });
    await tx.agendaItem.updateMany({ where: { id: { in: itemIds } }, data: { notes: null, conclusion: null, dissent: null, adjustedAssessment: null, title: null } });
    await tx.followUp.updateMany({ where: { OR: [{ caseId: { in: ids } }, { agendaItemId: { in: itemIds } }] }, data: { description: anonymisedTitle } });
    await tx.searchEntry.updateMany({ where: { OR: [{ caseId: { in: ids } }, { itemId: { in: itemIds } }] }, data: { personRef: null, title: anonymisedTitle, body: '', services: '' } });
    const docNames = [...ids.map((id) => `case:${id}`), ...itemIds.map((id) => `item:${id}`)];
    await tx.yDocUpdate.deleteMany({ where: { docName: { in: docNames } } });
    await tx.yDocState.deleteMany({ where: { name: { in: docNames } } });
    await recordAuditEvents(
      tx,
      cases.map((c) => ({ actorId: null, action: 'case.anonymised' as const, entityType: 'case' as const, entityId: c.id, unitId: c.unitId, detail: { reason: 'retention', months: detail.months } })),
    );
  });
}

/** Cases per transaction: small enough for any database's parameter limit (each case brings its items and documents). */
export const retentionBatchCases = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Finds and anonymises everything due; `dryRun` only counts. Runs in the
 * server process next to meetings in progress, so after each batch it rests
 * as long as the batch took: a first run over years of history (measured:
 * pages 4× slower while it ran flat out) takes at most about half of the
 * server's time until it is done.
 */
export async function runRetention(
  db: Db,
  options: { months: number; now?: Date; dryRun?: boolean; batchCases?: number; rest?: (ms: number) => Promise<void> },
): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const due = await findDueCases(db, now, options.months);
  const rest = options.rest ?? sleep;
  if (!options.dryRun) {
    const batches = batchHistories(due, options.batchCases ?? retentionBatchCases);
    for (const [index, batch] of batches.entries()) {
      const started = performance.now();
      await anonymiseCases(db, batch.flatMap((h) => h.caseIds), { months: options.months }, now);
      if (index < batches.length - 1) await rest(performance.now() - started);
    }
  }
  return { histories: due.length, cases: due.reduce((sum, h) => sum + h.caseIds.length, 0) };
}

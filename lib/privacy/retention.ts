import { retryWhenBusy } from '../db/retry-when-busy';
import { recordAuditEvents } from '../audit/record-audit-event';
import type { Db, DbTransaction } from '../db/db';
import {
  batchHistories,
  dueHistories,
  historyKey,
  isOpenCase,
  retentionCutoff,
  type CaseFactsForRetention,
  type History,
} from './retention-rules';
import { systemClock } from '../time/clock';
import { stemText } from '../history/norwegian-stems';

/**
 * Retention: anonymises the case histories that lib/privacy/retention-rules.ts
 * finds due. What statistics need stays — unit, dates, case type, level,
 * purpose, outcome, criteria levels, the children flag; the rest goes: person
 * reference, title, every submitted version's content and every snapshot's (lock, close, restore), the Yjs documents of
 * the case and its agenda items, the items' notes, conclusion, dissent and
 * adjusted assessment, follow-up texts, the search text and the stored earlier decision
 * (lib/history/concluded-decisions.ts: removed, not kept as a like case). One transaction
 * per batch of whole histories, one `case.anonymised` audit entry per case (no content).
 * Idempotent: an anonymised case is never picked again, and overlapping runs
 * never both anonymise (or audit) one case.
 */
export const anonymisedTitle = 'Anonymisert sak';

export type RetentionResult = { histories: number; cases: number };

/** Of the given Yjs document names, those loaded on some node now (the server passes it; see retention-job.ts). */
export type DocumentsInUse = (names: string[]) => Promise<Set<string>>;

/**
 * When each case was last worked on. A draft is edited in its Yjs document;
 * the case row follows through the summary sync (debounced, and only while
 * a server has the document open), so the document's own writes count too.
 */
export async function lastActivity(
  db: Db | DbTransaction,
  cases: readonly { id: string; status: string; updatedAt: Date }[],
): Promise<Map<string, Date>> {
  const activity = new Map(cases.map((c) => [c.id, c.updatedAt]));
  const names = cases.filter((c) => c.status === 'draft').map((c) => `case:${c.id}`);
  if (names.length === 0) return activity;
  const later = (name: string, at: Date | null | undefined) => {
    const id = name.slice('case:'.length);
    if (at && at > (activity.get(id) ?? new Date(0))) activity.set(id, at);
  };
  for (const state of await db.yDocState.findMany({ where: { name: { in: names } }, select: { name: true, updatedAt: true } }))
    later(state.name, state.updatedAt);
  for (const row of await db.yDocUpdate.groupBy({ by: ['docName'], where: { docName: { in: names } }, _max: { createdAt: true } }))
    later(row.docName, row._max.createdAt);
  return activity;
}

export async function findDueCases(db: Db, now: Date, months: number) {
  const cases = await db.case.findMany({
    where: { anonymisedAt: null },
    select: { id: true, unitId: true, personRef: true, status: true, updatedAt: true },
  });
  const activity = await lastActivity(db, cases);
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
    closedAt:
      c.status === 'concluded'
        ? (concludedAt.get(c.id) ?? c.updatedAt)
        : c.status === 'withdrawn' || c.status === 'deleted'
          ? c.updatedAt
          : null,
    lastActivityAt: activity.get(c.id) ?? c.updatedAt,
  }));
  return dueHistories(facts, now, months);
}

/**
 * Anonymises a batch of due histories in one transaction; returns what it
 * changed. The histories were due when the run found them, but a run over a
 * backlog takes a while: one whose person has since got an open case (a new
 * draft, a revurdering, an abandoned draft taken up again) is left for a later run. Only cases this transaction
 * itself anonymises are audited, so two runs that overlap (two nodes, or the
 * command line beside a node) never log a case twice.
 */
export async function anonymiseHistories(
  db: Db,
  histories: readonly History[],
  detail: { months: number; documentsInUse?: DocumentsInUse },
  now: Date = systemClock.now(),
): Promise<RetentionResult> {
  return db.$transaction(async (tx) => {
    const personKeys = histories.map((h) => h.key).filter((key) => !key.startsWith('case|'));
    const units = [...new Set(personKeys.map((key) => key.split('|')[0]))];
    const singleCases = histories.filter((h) => h.key.startsWith('case|')).flatMap((h) => h.caseIds);
    const candidates = await tx.case.findMany({
      where: { OR: [{ unitId: { in: units } }, { id: { in: singleCases } }], status: { in: ['draft', 'submitted'] }, anonymisedAt: null },
      select: { id: true, unitId: true, personRef: true, status: true, updatedAt: true },
    });
    const activity = await lastActivity(tx, candidates);
    const cutoff = retentionCutoff(now, detail.months);
    const open = candidates.filter((c) => isOpenCase({ status: c.status, lastActivityAt: activity.get(c.id) ?? c.updatedAt }, cutoff));
    const openKeys = new Set(open.map(historyKey));
    let stillDue = histories.filter((h) => !openKeys.has(h.key));
    // A document loaded on a node holds the text in memory and would write it back when it unloads: such a
    // history waits for the next run (the check and this transaction are a few milliseconds apart).
    if (detail.documentsInUse) {
      const items = await tx.agendaItem.findMany({
        where: { caseId: { in: stillDue.flatMap((h) => h.caseIds) } },
        select: { id: true, caseId: true },
      });
      const namesOf = (caseIds: string[]) => [
        ...caseIds.map((id) => `case:${id}`),
        ...items.filter((i) => i.caseId && caseIds.includes(i.caseId)).map((i) => `item:${i.id}`),
      ];
      const inUse = await detail.documentsInUse(namesOf(stillDue.flatMap((h) => h.caseIds)));
      stillDue = stillDue.filter((h) => !namesOf(h.caseIds).some((name) => inUse.has(name)));
    }
    const cases = await tx.case.updateManyAndReturn({
      where: { id: { in: stillDue.flatMap((h) => h.caseIds) }, anonymisedAt: null },
      data: { personRef: '', title: anonymisedTitle, anonymisedAt: now },
      select: { id: true, unitId: true },
    });
    if (cases.length === 0) return { histories: 0, cases: 0 };
    const ids = cases.map((c) => c.id);
    // An abandoned draft is closed with it: out of the caseworker's queue, read-only, never submitted.
    await tx.case.updateMany({ where: { id: { in: ids }, status: 'draft' }, data: { status: 'withdrawn' } });
    const itemIds = (await tx.agendaItem.findMany({ where: { caseId: { in: ids } }, select: { id: true } })).map((i) => i.id);
    await tx.caseVersion.updateMany({ where: { caseId: { in: ids } }, data: { content: '{}' } });
    // The version history's other snapshots (lock, close, restore) of the cases and their items go the same way.
    await tx.documentVersion.updateMany({ where: { OR: [{ caseId: { in: ids } }, { itemId: { in: itemIds } }] }, data: { content: '{}' } });
    await tx.agendaItem.updateMany({
      where: { id: { in: itemIds } },
      data: { notes: null, conclusion: null, dissent: null, adjustedAssessment: null, title: null },
    });
    await tx.followUp.updateMany({
      where: { OR: [{ caseId: { in: ids } }, { agendaItemId: { in: itemIds } }] },
      data: { description: anonymisedTitle },
    });
    await tx.searchEntry.updateMany({
      where: { OR: [{ caseId: { in: ids } }, { itemId: { in: itemIds } }] },
      // The stems go too: the SQLite index holds them, and they would still find the deleted words.
      data: { personRef: null, title: anonymisedTitle, body: '', services: '', titleStems: stemText(anonymisedTitle), bodyStems: '' },
    });
    // A stored earlier decision holds the case's words and conclusion: it leaves the similar-cases store.
    await tx.concludedDecision.deleteMany({ where: { OR: [{ caseId: { in: ids } }, { itemId: { in: itemIds } }] } });
    const docNames = [...ids.map((id) => `case:${id}`), ...itemIds.map((id) => `item:${id}`)];
    await tx.yDocUpdate.deleteMany({ where: { docName: { in: docNames } } });
    await tx.yDocState.deleteMany({ where: { name: { in: docNames } } });
    await recordAuditEvents(
      tx,
      cases.map((c) => ({
        actorId: null,
        action: 'case.anonymised' as const,
        entityType: 'case' as const,
        entityId: c.id,
        unitId: c.unitId,
        detail: { reason: 'retention', months: detail.months },
      })),
    );
    const changed = new Set(ids);
    return { histories: stillDue.filter((h) => h.caseIds.some((id) => changed.has(id))).length, cases: cases.length };
  });
}

/** Cases per transaction: small enough for any database's parameter limit (each case brings its items and documents). */
export const retentionBatchCases = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Finds and anonymises everything due; `dryRun` only counts what is due. In
 * the server process, next to meetings in progress, it rests after each
 * batch as long as the batch took: a first run over years of history
 * (measured: pages 4× slower while it ran flat out) then takes about half of
 * the server's time until it is done. The command line does not rest.
 */
export async function runRetention(
  db: Db,
  options: {
    months: number;
    now?: Date;
    dryRun?: boolean;
    batchCases?: number;
    rest?: (ms: number) => Promise<void>;
    documentsInUse?: DocumentsInUse;
  },
): Promise<RetentionResult> {
  const now = options.now ?? systemClock.now();
  const due = await findDueCases(db, now, options.months);
  if (options.dryRun) return { histories: due.length, cases: due.reduce((sum, h) => sum + h.caseIds.length, 0) };
  const rest = options.rest ?? sleep;
  const done: RetentionResult = { histories: 0, cases: 0 };
  const batches = batchHistories(due, options.batchCases ?? retentionBatchCases);
  for (const [index, batch] of batches.entries()) {
    const started = performance.now();
    // One transaction a batch, beside a live server whose store worker writes meanwhile (retry-when-busy.ts).
    const result = await retryWhenBusy(() =>
      anonymiseHistories(db, batch, { months: options.months, documentsInUse: options.documentsInUse }, now),
    );
    done.histories += result.histories;
    done.cases += result.cases;
    if (index < batches.length - 1) await rest(performance.now() - started);
  }
  return done;
}

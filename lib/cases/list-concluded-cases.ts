import { isDocumented } from './epj-follow-up';
import type { Actor } from '../access/access-service';
import type { Db } from '../db/db';
import type { ShownCase } from '../history/log-case-reads';
import { maskNationalIds } from '../privacy/national-id';
import { osloDate } from '../time/oslo';
import { systemClock } from '../time/clock';

/** A case of the caseworker's that a meeting concluded, with what is still to be done after it. */
export type ConcludedCase = {
  id: string;
  title: string;
  personRef: string;
  meeting: { id: string; startsAt: Date; closedAt: Date | null };
  itemId: string;
  outcome: string | null;
  conclusion: string | null;
  reassessmentDate: string | null;
  /** The meeting asked for its conclusion to be documented in the record system (EPJ). */
  epjDocumentation: boolean;
  /** When it was marked *dokumentert i fagsystemet* (null: not yet). */
  documentedAt: Date | null;
  openFollowUps: { id: string; description: string; dueDate: string | null; overdue: boolean }[];
};

/**
 * The *Behandlet* section of Mine saker: the actor's own concluded cases, most
 * recent meeting first, each with the concluding item of its last meeting.
 * Anonymised cases are left out (retention has removed what they said). Not
 * logged here: the caller logs `shown` as read before it shows them, in one
 * insert with the rest of its page (lib/cases/load-queue-page.ts).
 */
export async function findConcludedCases(options: {
  db: Db;
  actor: Actor;
  now?: Date;
}): Promise<{ cases: ConcludedCase[]; shown: ShownCase[] }> {
  const { db, actor } = options;
  const today = osloDate(options.now ?? systemClock.now());
  const rows = await db.case.findMany({
    where: {
      createdById: actor.userId,
      status: 'concluded',
      anonymisedAt: null,
      unitId: { in: actor.memberships.map((m) => m.unitId) },
    },
    select: { id: true, unitId: true, title: true, personRef: true, documentedAt: true, changedAfterDocumentedAt: true },
  });
  if (rows.length === 0) return { cases: [], shown: [] };
  const items = await db.agendaItem.findMany({
    where: { caseId: { in: rows.map((r) => r.id) }, status: 'concluded', meeting: { status: 'closed' } },
    orderBy: { meeting: { startsAt: 'desc' } },
    select: {
      id: true,
      caseId: true,
      outcome: true,
      conclusion: true,
      reassessmentDate: true,
      epjDocumentation: true,
      meeting: { select: { id: true, startsAt: true, closedAt: true } },
      followUps: { where: { doneAt: null }, orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }] },
    },
  });
  // The last meeting that concluded each case (a case concluded once, reopened by a revurdering, is a new case).
  const latest = new Map<string, (typeof items)[number]>();
  for (const item of items) if (item.caseId && !latest.has(item.caseId)) latest.set(item.caseId, item);
  const listed = rows.filter((r) => latest.has(r.id));
  const cases = listed
    .map((row) => {
      const item = latest.get(row.id)!;
      return {
        id: row.id,
        title: maskNationalIds(row.title),
        personRef: maskNationalIds(row.personRef),
        meeting: item.meeting,
        itemId: item.id,
        outcome: item.outcome,
        conclusion: item.conclusion === null ? null : maskNationalIds(item.conclusion),
        reassessmentDate: item.reassessmentDate,
        epjDocumentation: item.epjDocumentation,
        // Changed by a correction of the minutes since the mark: not documented until marked again.
        documentedAt: isDocumented(row) ? row.documentedAt : null,
        openFollowUps: item.followUps.map((f) => ({
          id: f.id,
          description: maskNationalIds(f.description),
          dueDate: f.dueDate,
          overdue: Boolean(f.dueDate && f.dueDate < today),
        })),
      };
    })
    .sort((a, b) => b.meeting.startsAt.getTime() - a.meeting.startsAt.getTime());
  return { cases, shown: listed.map((c) => ({ caseId: c.id, unitId: c.unitId })) };
}

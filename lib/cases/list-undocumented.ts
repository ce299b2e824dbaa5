import type { Actor } from '../access/access-service';
import { unitsWithDocumentationOverview } from '../access/policy';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { logCaseReads } from '../history/log-case-reads';
import { maskNationalIds } from '../privacy/national-id';

export type UndocumentedCase = {
  id: string;
  title: string;
  personRef: string;
  caseworkerId: string;
  caseworker: string;
  meeting: { id: string; startsAt: Date };
  /** The meeting set the EPJ flag: its conclusion must be documented in the record system. */
  epjDocumentation: boolean;
};

export type UndocumentedOverview = {
  cases: UndocumentedCase[];
  byCaseworker: { caseworkerId: string; caseworker: string; count: number }[];
  byMeeting: { meetingId: string; startsAt: Date; count: number }[];
};

/**
 * For a leader: the unit's concluded cases not yet marked *dokumentert i
 * fagsystemet*, counted per caseworker and per meeting, oldest meeting first.
 * Not found for anyone who leads no unit. The cases listed are logged as read
 * (view `undocumented`).
 */
export async function listUndocumented(options: { db: Db; actor: Actor }): Promise<UndocumentedOverview> {
  const { db, actor } = options;
  const units = unitsWithDocumentationOverview(actor.memberships);
  // Nobody else has this overview: not found, as a page one may not see.
  if (units.length === 0) throw new AppError('not_found');
  const rows = await db.case.findMany({
    // Not marked, or marked and changed since by a correction of the minutes (lib/minutes/after-documented.ts).
    where: {
      unitId: { in: units },
      status: 'concluded',
      anonymisedAt: null,
      OR: [{ documentedAt: null }, { changedAfterDocumentedAt: { not: null } }],
    },
    select: { id: true, unitId: true, title: true, personRef: true, createdById: true, createdBy: { select: { name: true } } },
  });
  const items = await db.agendaItem.findMany({
    where: { caseId: { in: rows.map((r) => r.id) }, status: 'concluded', meeting: { status: 'closed' } },
    orderBy: { meeting: { startsAt: 'desc' } },
    select: { caseId: true, epjDocumentation: true, meeting: { select: { id: true, startsAt: true } } },
  });
  const latest = new Map<string, (typeof items)[number]>();
  for (const item of items) if (item.caseId && !latest.has(item.caseId)) latest.set(item.caseId, item);
  const shown = rows.filter((r) => latest.has(r.id));
  await logCaseReads(
    db,
    actor,
    shown.map((c) => ({ caseId: c.id, unitId: c.unitId })),
    'undocumented',
  );
  const cases = shown
    .map((row) => {
      const item = latest.get(row.id)!;
      return {
        id: row.id,
        title: maskNationalIds(row.title),
        personRef: maskNationalIds(row.personRef),
        caseworkerId: row.createdById,
        caseworker: row.createdBy.name,
        meeting: item.meeting,
        epjDocumentation: item.epjDocumentation,
      };
    })
    .sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime() || a.caseworker.localeCompare(b.caseworker, 'nb'));
  const perCaseworker = new Map<string, { caseworkerId: string; caseworker: string; count: number }>();
  const perMeeting = new Map<string, { meetingId: string; startsAt: Date; count: number }>();
  for (const c of cases) {
    const w = perCaseworker.get(c.caseworkerId) ?? { caseworkerId: c.caseworkerId, caseworker: c.caseworker, count: 0 };
    w.count += 1;
    perCaseworker.set(c.caseworkerId, w);
    const m = perMeeting.get(c.meeting.id) ?? { meetingId: c.meeting.id, startsAt: c.meeting.startsAt, count: 0 };
    m.count += 1;
    perMeeting.set(c.meeting.id, m);
  }
  return {
    cases,
    byCaseworker: [...perCaseworker.values()].sort((a, b) => b.count - a.count || a.caseworker.localeCompare(b.caseworker, 'nb')),
    byMeeting: [...perMeeting.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
  };
}

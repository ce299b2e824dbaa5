import { DateTime } from 'luxon';
import { inhabilCaseIds, type Actor } from '../access/access-service';
import { canCompleteFollowUp, canSeeCaseHistory, canSeeFollowUp, canStartRevision, unitsWithHistory } from '../access/policy';
import type { Db } from '../db/db';
import { reopenRefused } from '../cases/epj-follow-up';
import { logCaseReads } from './log-case-reads';
import { osloDate } from '../time/oslo';
import { systemClock } from '../time/clock';
import { maskNationalIds as mask } from '../privacy/national-id';

export type FollowUpRow = {
  id: string;
  description: string;
  owner: string;
  ownerId: string;
  dueDate: string | null;
  overdue: boolean;
  done: boolean;
  caseTitle: string | null;
  meetingId: string;
  meetingDate: Date;
  unitName: string;
  /** The owner, or a leader or chair of the unit, may tick it off (or open it again, unless closedByMark). */
  canComplete: boolean;
  /** The "document it" follow-up, closed by the case's mark *dokumentert i fagsystemet*: not opened again by hand. */
  closedByMark: boolean;
};

export type ReassessmentRow = {
  caseId: string;
  title: string;
  personRef: string;
  caseworker: string;
  reassessmentDate: string;
  overdue: boolean;
  meetingId: string;
  canStartRevision: boolean;
};

/** Re-assessment dates this many days ahead count as coming up. */
export const reassessmentHorizonDays = 60;

/** Today's date in Oslo, as YYYY-MM-DD (follow-up and re-assessment dates are calendar dates). */
export function osloToday(now: Date): string {
  return osloDate(now);
}

/** Open follow-ups per owner: how many, and how many of them are overdue. Pure. */
export function countByOwner(rows: readonly FollowUpRow[]): { owner: string; open: number; overdue: number }[] {
  const counts = new Map<string, { owner: string; open: number; overdue: number }>();
  for (const row of rows) {
    if (row.done) continue;
    const entry = counts.get(row.ownerId) ?? { owner: row.owner, open: 0, overdue: 0 };
    entry.open += 1;
    if (row.overdue) entry.overdue += 1;
    counts.set(row.ownerId, entry);
  }
  return [...counts.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.owner.localeCompare(b.owner, 'nb'));
}

/**
 * Follow-ups and re-assessment dates to act on. Leaders, admins and chairs
 * see their units'; a caseworker sees the follow-ups they own and the
 * re-assessments of their own cases. Done follow-ups of the last 30 days are
 * included, so completion can be seen and undone.
 */
export async function followUpOverview(options: { db: Db; actor: Actor; now?: Date }) {
  const { db, actor } = options;
  const now = options.now ?? systemClock.now();
  const today = osloToday(now);
  const horizon = DateTime.fromISO(today).plus({ days: reassessmentHorizonDays }).toISODate()!;
  const unitIds = unitsWithHistory(actor.memberships, 'unit');
  const ownUnitIds = unitsWithHistory(actor.memberships, 'own');
  const recently = new Date(now.getTime() - 30 * 24 * 3600_000);
  // Habilitet holds per case (lib/access): nothing of an item about a case the actor is inhabil for, at any meeting.
  const notInhabil = { OR: [{ caseId: null }, { caseId: { notIn: [...(await inhabilCaseIds(db, actor.userId))] } }] };

  const followUps = await db.followUp.findMany({
    where: {
      OR: [{ doneAt: null }, { doneAt: { gte: recently } }],
      agendaItem: {
        // Habilitet: nothing of an item the actor was inhabil for, nor of its case elsewhere.
        recusals: { none: { userId: actor.userId } },
        ...notInhabil,
        meeting: {
          status: 'closed',
          OR: [{ unitId: { in: unitIds } }, { unitId: { in: ownUnitIds } }],
        },
      },
      ...(unitIds.length ? {} : { ownerId: actor.userId }),
    },
    include: {
      agendaItem: { select: { meeting: { select: { id: true, startsAt: true, unitId: true, unit: { select: { name: true } } } } } },
    },
    orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
    take: 500,
  });
  // A caseworker who also leads another unit: in units where they are a caseworker, only their own.
  const visible = followUps.filter((f) =>
    canSeeFollowUp(actor.userId, actor.memberships, { unitId: f.agendaItem.meeting.unitId, ownerId: f.ownerId }),
  );

  const items = await db.agendaItem.findMany({
    where: {
      status: 'concluded',
      reassessmentDate: { not: null, lte: horizon },
      recusals: { none: { userId: actor.userId } },
      ...notInhabil,
      meeting: { status: 'closed', OR: [{ unitId: { in: unitIds } }, { unitId: { in: ownUnitIds } }] },
    },
    select: { caseId: true, reassessmentDate: true, meetingId: true, meeting: { select: { unitId: true } } },
    orderBy: { reassessmentDate: 'asc' },
    take: 500,
  });
  const caseIds = [...new Set([...visible.map((f) => f.caseId), ...items.map((i) => i.caseId)].filter((id): id is string => Boolean(id)))];
  const [cases, revisions] = await Promise.all([
    db.case.findMany({
      where: { id: { in: caseIds } },
      select: {
        id: true,
        title: true,
        personRef: true,
        createdById: true,
        unitId: true,
        documentedAt: true,
        changedAfterDocumentedAt: true,
        createdBy: { select: { name: true } },
      },
    }),
    db.case.findMany({
      where: { revisesCaseId: { in: caseIds }, status: { notIn: ['withdrawn', 'deleted'] } },
      select: { revisesCaseId: true },
    }),
  ]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const revised = new Set(revisions.map((r) => r.revisesCaseId));
  const ownerIds = [...new Set(visible.map((f) => f.ownerId))];
  const owners = new Map(
    (await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );

  const followUpRows: FollowUpRow[] = visible.map((f) => ({
    id: f.id,
    description: mask(f.description),
    owner: owners.get(f.ownerId) ?? '–',
    ownerId: f.ownerId,
    dueDate: f.dueDate,
    overdue: !f.doneAt && Boolean(f.dueDate && f.dueDate < today),
    done: Boolean(f.doneAt),
    caseTitle: f.caseId ? mask(caseById.get(f.caseId)?.title ?? null) : null,
    meetingId: f.agendaItem.meeting.id,
    meetingDate: f.agendaItem.meeting.startsAt,
    unitName: f.agendaItem.meeting.unit.name,
    canComplete:
      canCompleteFollowUp(actor.userId, actor.memberships, { unitId: f.agendaItem.meeting.unitId, ownerId: f.ownerId }) &&
      !reopenRefused(f, f.caseId ? caseById.get(f.caseId) : null),
    closedByMark: reopenRefused(f, f.caseId ? caseById.get(f.caseId) : null),
  }));

  const reassessments: ReassessmentRow[] = items.flatMap((item) => {
    const found = item.caseId ? caseById.get(item.caseId) : undefined;
    if (!found || revised.has(found.id)) return [];
    if (!canSeeCaseHistory(actor.userId, actor.memberships, { unitId: item.meeting.unitId, createdById: found.createdById })) return [];
    return [
      {
        caseId: found.id,
        title: mask(found.title),
        personRef: mask(found.personRef),
        caseworker: found.createdBy.name,
        reassessmentDate: item.reassessmentDate!,
        overdue: item.reassessmentDate! < today,
        meetingId: item.meetingId,
        canStartRevision: canStartRevision(actor.userId, actor.memberships, found),
      },
    ];
  });
  // Follow-up texts with their case's title, and re-assessments with title and person reference: a read of
  // each case shown, in one insert, before the overview is returned.
  await logCaseReads(
    db,
    actor,
    [...visible.map((f) => f.caseId), ...reassessments.map((r) => r.caseId)].flatMap((id) => {
      const found = id ? caseById.get(id) : undefined;
      return found ? [{ caseId: found.id, unitId: found.unitId }] : [];
    }),
    'follow_ups',
  );
  return { today, followUps: followUpRows, byOwner: countByOwner(followUpRows), reassessments };
}

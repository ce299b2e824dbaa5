import type { Actor } from '../access/access-service';
import type { Db } from '../db/db';
import { logCaseReads, type ShownCase } from '../history/log-case-reads';
import { lastActivity } from '../privacy/retention';
import { abandonedFrom } from '../privacy/retention-rules';
import { maskNationalIds } from '../privacy/national-id';
import { compareCases, type QueueSort } from './case-summary';
import { osloDate } from '../time/oslo';
import { systemClock } from '../time/clock';
import { caseMeetingKind } from '../access/leader-case-policy';

/**
 * A caseworker's queue: drafts, cases submitted and waiting, cases on their
 * unit's next agenda, and open follow-ups from meetings assigned to them.
 */
export type QueueItem = {
  id: string;
  title: string;
  personRef: string;
  caseType: string;
  purpose: string | null;
  severityLevel: string | null;
  urgent: boolean;
  status: string;
  createdAt: Date;
  updatedAt: Date;
  meeting: { id: string; startsAt: Date } | null;
  lateRequest: boolean;
  /** For a draft nobody has worked on for a long time: from when retention may anonymise it (within 60 days, or past). */
  abandonedFrom: Date | null;
};

export type FollowUpItem = {
  id: string;
  description: string;
  dueDate: string | null;
  caseId: string | null;
  caseTitle: string | null;
  meetingId: string;
  overdue: boolean;
};

export type Queue = { drafts: QueueItem[]; waiting: QueueItem[]; nextAgenda: QueueItem[]; followUps: FollowUpItem[] };

type QueueOptions = {
  db: Db;
  actor: Actor;
  sort: QueueSort;
  /** Which door shows the queue, for the access log: the page (`queue`) or `GET /api/cases` (`api_list`). */
  view: 'queue' | 'api_list';
  now?: Date;
  retentionMonths?: number;
};

/** The queue, its reads logged in one insert before it is returned. */
export async function listMyCases(options: QueueOptions): Promise<Queue> {
  const { queue, shown } = await findMyCases(options);
  await logCaseReads(options.db, options.actor, shown, options.view);
  return queue;
}

/**
 * The queue and the cases it shows, not yet logged: for a page that shows more (the queue page's
 * Behandlet) and logs all it shows in one insert, each case once. The caller must log before showing.
 */
export async function findMyCases(options: QueueOptions): Promise<{ queue: Queue; shown: ShownCase[] }> {
  const { db, actor } = options;
  const now = options.now ?? systemClock.now();
  const rows = await db.case.findMany({
    where: { createdById: actor.userId, status: { in: ['draft', 'submitted'] }, unitId: { in: actor.memberships.map((m) => m.unitId) } },
    select: {
      id: true,
      unitId: true,
      title: true,
      personRef: true,
      caseType: true,
      purpose: true,
      severityLevel: true,
      urgent: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      lateRequestMeetingId: true,
      meeting: { select: { id: true, startsAt: true } },
    },
  });
  const nextMeetings = await db.meeting.findMany({
    where: {
      unitId: { in: [...new Set(rows.map((r) => r.unitId))] },
      kind: caseMeetingKind,
      status: { in: ['planned', 'open'] },
      endsAt: { gt: now },
    },
    orderBy: { startsAt: 'asc' },
    distinct: ['unitId'],
    select: { id: true },
  });
  const nextIds = new Set(nextMeetings.map((m) => m.id));
  // Warn two months ahead that an untouched draft is about to count as abandoned (lib/privacy/retention-rules.ts).
  const months = options.retentionMonths ?? 0;
  const activity = months > 0 ? await lastActivity(db, rows) : new Map<string, Date>();
  const warnFrom = now.getTime() + 60 * 24 * 3600_000;
  const abandonment = (row: (typeof rows)[number]) => {
    if (row.status !== 'draft' || months <= 0) return null;
    const from = abandonedFrom(activity.get(row.id) ?? row.updatedAt, months);
    return from.getTime() <= warnFrom ? from : null;
  };
  const items = rows.map((row) => {
    const { unitId: _unit, lateRequestMeetingId, ...rest } = row;
    // Rows written before numbers were masked on the way in (lib/cases/case-summary.ts) are masked on the way out.
    const shown = { title: maskNationalIds(rest.title), personRef: maskNationalIds(rest.personRef) };
    return { ...rest, ...shown, lateRequest: Boolean(lateRequestMeetingId), abandonedFrom: abandonment(row) };
  });
  const sorted = (list: QueueItem[]) => list.sort(compareCases(options.sort));
  const followUps = await db.followUp.findMany({
    where: { ownerId: actor.userId, doneAt: null, agendaItem: { meeting: { unitId: { in: actor.memberships.map((m) => m.unitId) } } } },
    orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, description: true, dueDate: true, caseId: true, agendaItem: { select: { meetingId: true } } },
  });
  const titles = new Map(
    (
      await db.case.findMany({
        where: { id: { in: followUps.map((f) => f.caseId).filter((id): id is string => Boolean(id)) } },
        select: { id: true, title: true, unitId: true },
      })
    ).map((c) => [c.id, c]),
  );
  // Titles and person references of every case listed (and the titles beside the follow-ups): what the caller logs.
  const shown = [...rows, ...titles.values()].map((c) => ({ caseId: c.id, unitId: c.unitId }));
  // Due dates are Oslo calendar days: compare with today's Oslo date, not the UTC one.
  const today = osloDate(now);
  const queue: Queue = {
    followUps: followUps.map((f) => ({
      id: f.id,
      description: maskNationalIds(f.description),
      dueDate: f.dueDate,
      caseId: f.caseId,
      caseTitle: f.caseId ? maskNationalIds(titles.get(f.caseId)?.title ?? null) : null,
      meetingId: f.agendaItem.meetingId,
      overdue: Boolean(f.dueDate && f.dueDate < today),
    })),
    drafts: sorted(items.filter((c) => c.status === 'draft')),
    waiting: sorted(items.filter((c) => c.status === 'submitted' && !(c.meeting && nextIds.has(c.meeting.id)))),
    nextAgenda: sorted(items.filter((c) => c.status === 'submitted' && c.meeting !== null && nextIds.has(c.meeting.id))),
  };
  return { queue, shown };
}

import type { Actor } from '../access/access-service';
import { unitsWithHistory } from '../access/policy';
import { caseMeetingKind, meetingsSeenWhere } from '../access/leader-case-policy';
import type { Db } from '../db/db';
import { caseLevelsById, itemLevel, meetingIdsWithLevel, type CaseLevel } from './item-level';
import { summarizeItems, type ItemSummary } from './summarize-items';

export type PastMeeting = {
  id: string;
  unitName: string;
  startsAt: Date;
  chair: string | null;
  attendance: number;
  /** Only the actor's own cases' items when `ownOnly`; only the items of the chosen level when one is. */
  items: ItemSummary;
  ownOnly: boolean;
  /** The minutes are still a draft, not approved (issue 19, lib/minutes). */
  minutesDraft: boolean;
};

/**
 * Closed meetings the actor may look back on, newest first: every closed
 * meeting of the units whose history they see in full, and, in units where
 * they are a caseworker, the meetings that took up one of their cases —
 * counted over their own items only. With a level, only the meetings that
 * took up an item of that level, counted over those items.
 */
export async function listPastMeetings(options: { db: Db; actor: Actor; level?: CaseLevel; limit?: number }): Promise<PastMeeting[]> {
  const { db, actor } = options;
  const unitIds = unitsWithHistory(actor.memberships, 'unit');
  const ownUnitIds = unitsWithHistory(actor.memberships, 'own');
  const ownCaseIds = ownUnitIds.length
    ? (await db.case.findMany({ where: { unitId: { in: ownUnitIds }, createdById: actor.userId }, select: { id: true } })).map((c) => c.id)
    : [];
  const withLevel = options.level ? await meetingIdsWithLevel(db, [...unitIds, ...ownUnitIds], options.level) : null;
  const meetings = await db.meeting.findMany({
    where: {
      status: 'closed',
      OR: [
        // A leader meeting is the leader group's history (lib/access/leader-case-policy.ts): not an admin's.
        { unitId: { in: unitIds }, ...meetingsSeenWhere(actor.memberships) },
        { unitId: { in: ownUnitIds }, kind: caseMeetingKind, agendaItems: { some: { caseId: { in: ownCaseIds } } } },
      ],
      ...(withLevel ? { id: { in: withLevel } } : {}),
    },
    orderBy: { startsAt: 'desc' },
    take: options.limit ?? 200,
    select: {
      id: true,
      unitId: true,
      startsAt: true,
      minutesStatus: true,
      unit: { select: { name: true } },
      chair: { select: { name: true } },
      _count: { select: { attendance: true } },
      agendaItems: {
        select: {
          caseId: true,
          purpose: true,
          outcome: true,
          status: true,
          leaderCase: { select: { level: true } },
        },
      },
    },
  });
  const own = new Set(ownCaseIds);
  const caseLevels = await caseLevelsById(
    db,
    meetings.flatMap((m) => m.agendaItems.map((i) => i.caseId)),
  );
  const listed = meetings.map((meeting) => {
    const ownOnly = !unitIds.includes(meeting.unitId);
    const visible = ownOnly ? meeting.agendaItems.filter((i) => i.caseId && own.has(i.caseId)) : meeting.agendaItems;
    const items = visible
      .map((i) => ({ ...i, level: itemLevel(i.caseId ? caseLevels.get(i.caseId) : null, i.leaderCase?.level) }))
      .filter((i) => !options.level || i.level === options.level);
    return {
      id: meeting.id,
      unitName: meeting.unit.name,
      startsAt: meeting.startsAt,
      chair: meeting.chair?.name ?? null,
      attendance: meeting._count.attendance,
      items: summarizeItems(items),
      ownOnly,
      minutesDraft: meeting.minutesStatus === 'draft',
    };
  });
  // A caseworker's meeting matched by someone else's item at the level shows none of theirs: not listed.
  return options.level ? listed.filter((m) => m.items.total > 0) : listed;
}

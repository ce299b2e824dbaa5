import type { UnitMembership } from '../access/roles';
import type { Db } from '../db/db';
import { systemClock } from '../time/clock';
import { caseMeetingKind, meetingsSeenWhere, unitsForLeaderCases } from '../access/leader-case-policy';

/** What a listed meeting shows: its times, place, kind and how many cases are submitted to it. */
const meetingSummary = {
  id: true,
  startsAt: true,
  endsAt: true,
  submissionDeadline: true,
  status: true,
  location: true,
  kind: true,
  _count: { select: { cases: { where: { status: 'submitted' as const } } } },
};

export type UpcomingMeeting = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  submissionDeadline: Date;
  status: string;
  location: string | null;
  /** saksmote | ledermote */
  kind: string;
  caseCount: number;
};

export type UnitOverview = { unitId: string; unitName: string; role: string; meetings: UpcomingMeeting[] };

/** The member's units, each with its next meetings (not yet ended, not cancelled). */
export async function listUpcomingMeetings(options: {
  db: Db;
  memberships: readonly UnitMembership[];
  now?: Date;
  perUnit?: number;
}): Promise<UnitOverview[]> {
  const { db, memberships } = options;
  const now = options.now ?? systemClock.now();
  if (memberships.length === 0) return [];
  const units = await db.unit.findMany({
    where: { id: { in: memberships.map((m) => m.unitId) } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      meetings: {
        // The unit's case meetings; its leader meetings only to its leaders and chairs (lib/access/leader-case-policy.ts).
        where: {
          endsAt: { gt: now },
          status: { in: ['planned', 'open'] },
          ...meetingsSeenWhere(memberships),
        },
        orderBy: { startsAt: 'asc' },
        take: options.perUnit ?? 6,
        select: meetingSummary,
      },
    },
  });
  // A monthly leader meeting is often further off than the next six case meetings: a leader's unit lists its next one too.
  const leaderUnits = unitsForLeaderCases(memberships);
  const nextLeaderMeetings = leaderUnits.length
    ? await db.meeting.findMany({
        where: { unitId: { in: leaderUnits }, kind: { not: caseMeetingKind }, endsAt: { gt: now }, status: { in: ['planned', 'open'] } },
        orderBy: { startsAt: 'asc' },
        distinct: ['unitId'],
        select: { ...meetingSummary, unitId: true },
      })
    : [];
  return units.map((unit) => {
    const extra = nextLeaderMeetings.filter((m) => m.unitId === unit.id && !unit.meetings.some((listed) => listed.id === m.id));
    const meetings = [...unit.meetings, ...extra.map(({ unitId: _unit, ...meeting }) => meeting)].sort(
      (a, b) => a.startsAt.getTime() - b.startsAt.getTime(),
    );
    return {
      unitId: unit.id,
      unitName: unit.name,
      role: memberships.find((m) => m.unitId === unit.id)?.role ?? '',
      meetings: meetings.map(({ _count, ...meeting }) => ({ ...meeting, caseCount: _count.cases })),
    };
  });
}

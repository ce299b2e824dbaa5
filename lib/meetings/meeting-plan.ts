import type { Actor } from '../access/access-service';
import { canManageMeetings } from '../access/policy';
import { canSeeMeetingOfKind } from '../access/leader-case-policy';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { generationWeeks } from './generate-series-meetings';
import { systemClock } from '../time/clock';
import { osloDate } from '../time/oslo';

/** What the meetings page of a unit shows: its active series, the coming meetings, who may chair, its days without meetings. */
export async function meetingPlan(db: Db, actor: Actor, unitId: string, now: Date = systemClock.now()) {
  if (!canManageMeetings(actor.memberships, unitId)) throw new AppError('not_found');
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true } });
  if (!unit) throw new AppError('not_found');
  const until = new Date(now.getTime() + (generationWeeks + 1) * 7 * 24 * 3600_000);
  const [series, meetings, chairs, freePeriods] = await Promise.all([
    db.meetingSeries.findMany({ where: { unitId, active: true }, orderBy: { createdAt: 'asc' } }),
    db.meeting.findMany({
      where: { unitId, startsAt: { gte: now, lt: until }, status: { in: ['planned', 'cancelled'] } },
      orderBy: { startsAt: 'asc' },
      include: { _count: { select: { cases: { where: { status: 'submitted' } } } } },
    }),
    db.membership.findMany({
      where: { unitId, role: { in: ['moteleder', 'leder'] }, user: { active: true } },
      select: { user: { select: { id: true, name: true } } },
    }),
    db.meetingFreePeriod.findMany({ where: { unitId, toDate: { gte: osloDate(now) } }, orderBy: { fromDate: 'asc' } }),
  ]);
  const chairOptions = chairs.map((c) => c.user).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  // An admin plans the leader meetings too, but their pages are the leader group's: no link to them (visible false).
  const planned = meetings.map((m) => ({ ...m, visible: canSeeMeetingOfKind(actor.memberships, unitId, m.kind) }));
  return { unit, series, meetings: planned, chairOptions, freePeriods };
}

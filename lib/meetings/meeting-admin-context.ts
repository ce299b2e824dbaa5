import type { Actor } from '../access/access-service';
import { canManageMeetings } from '../access/policy';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';

/** What every meeting administration command gets: run by a unit's admins and leaders (issue 8). */
export type MeetingAdminContext = { db: Db; actor: Actor; input: unknown; now?: Date };

/** Anyone else is told the unit does not exist, as everywhere else. */
export function requireMeetingManager(actor: Actor, unitId: string): void {
  if (!canManageMeetings(actor.memberships, unitId)) throw new AppError('not_found');
}

/** A meeting of the unit that has not started yet: only those may be moved or cancelled. */
export async function plannedMeeting(db: Db, unitId: string, meetingId: string, now: Date) {
  const meeting = await db.meeting.findFirst({ where: { id: meetingId, unitId }, include: { series: true } });
  if (!meeting) throw new AppError('not_found');
  if (meeting.status !== 'planned' || meeting.startsAt <= now) throw new AppError('conflict', 'meeting_started');
  return meeting;
}

import { requireItemChair, requireMeetingAccess, type Actor } from '../access/access-service';
import { canChairMeeting } from '../access/policy';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';

/** The meeting, if the actor may chair it and it is not closed; else the matching AppError. */
export async function loadMeetingForChair(db: Db, actor: Actor, meetingId: string) {
  await requireMeetingAccess(db, actor, meetingId);
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  if (!canChairMeeting(actor.memberships, meeting.unitId)) throw new AppError('forbidden', 'chair_only');
  if (meeting.status === 'closed' || meeting.status === 'cancelled') throw new AppError('conflict', 'meeting_closed');
  return meeting;
}

/**
 * The meeting, if the actor may run a chair's command on this item of it
 * (lib/access canChairItem: never an item they are inhabil for, refused in
 * Norwegian) and it is not closed; else the matching AppError.
 */
export async function loadMeetingForItemChair(db: Db, actor: Actor, meetingId: string, itemId: string) {
  await requireItemChair(db, actor, meetingId, itemId);
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  if (meeting.status === 'closed' || meeting.status === 'cancelled') throw new AppError('conflict', 'meeting_closed');
  return meeting;
}

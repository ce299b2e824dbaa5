import type { Actor } from '../access/access-service';
import { canChairMeeting, meetingAccess } from '../access/policy';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';

/** The meeting, if the actor may chair it and it is not closed; else the matching AppError. */
export async function loadMeetingForChair(db: Db, actor: Actor, meetingId: string) {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId } });
  if (!meeting || meetingAccess(actor.memberships, meeting) === 'none') throw new AppError('not_found');
  if (!canChairMeeting(actor.memberships, meeting.unitId)) throw new AppError('forbidden', 'chair_only');
  if (meeting.status === 'closed' || meeting.status === 'cancelled') throw new AppError('conflict', 'meeting_closed');
  return meeting;
}

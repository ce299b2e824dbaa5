import { requireMeetingAccess, type Actor } from '../access/access-service';
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

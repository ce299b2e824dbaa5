import { requireMeetingAccess, type Actor } from '../access/access-service';
import type { MinutesFacts } from '../access/policy';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';

export type MinutesStatus = 'draft' | 'approved';

/**
 * A closed meeting's minutes as the approval commands need them: its unit,
 * chair, referent, whether the actor was present, and where the approval
 * stands. Hidden or missing is not_found (requireMeetingAccess); a meeting
 * that is not closed has no minutes to approve (conflict).
 */
export async function loadMinutesFacts(db: Db, actor: Actor, meetingId: string) {
  await requireMeetingAccess(db, actor, meetingId);
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { id: true, unitId: true, status: true, chairId: true, referentId: true, minutesStatus: true, minutesDraftUntil: true },
  });
  if (meeting.status !== 'closed') throw new AppError('conflict', 'meeting_not_closed');
  const attended = (await db.attendance.count({ where: { meetingId, userId: actor.userId } })) > 0;
  const facts: MinutesFacts = { unitId: meeting.unitId, chairId: meeting.chairId, referentId: meeting.referentId, attended };
  return { meeting, facts };
}

/** Only a draft takes comments and edits: approved minutes (and those closed before approval existed) are frozen. */
export function requireDraft(meeting: { minutesStatus: string | null }): void {
  if (meeting.minutesStatus !== 'draft') throw new AppError('conflict', 'minutes_approved');
}

import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { idParam } from '../validation/query-params';
import { casesOnMeeting, plannedMeeting, recheckCases, requireMeetingManager, type MeetingAdminContext } from './meeting-admin-context';
import { osloDateTime } from './meeting-admin-input';
import { submissionDeadlineFor } from './meeting-schedule';
import { norwegianWorkingDays } from './norwegian-holidays';
import { notifyMeetingMoved } from './series-notifications';
import { systemClock } from '../time/clock';

export const moveMeetingSchema = z.object({ unitId: idParam, meetingId: idParam, startsAt: osloDateTime });

/** Moves a planned meeting (same length; the deadline follows its rule); the caseworkers with cases on it are told. */
export async function moveMeeting({ db, actor, input, now = systemClock.now(), cases }: MeetingAdminContext): Promise<void> {
  const { unitId, meetingId, startsAt } = parseInput(moveMeetingSchema, input);
  requireMeetingManager(actor, unitId);
  const meeting = await plannedMeeting(db, unitId, meetingId, now);
  if (startsAt.toJSDate() <= now) throw new AppError('invalid_input', 'in the past', { startsAt: 'in_past' });
  // An extra meeting has no series: its deadline is one working day before at 12:00, as when it was added.
  const deadlineRule = meeting.series ?? { deadlineDaysBefore: 1, deadlineTime: '12:00' };
  const length = meeting.endsAt.getTime() - meeting.startsAt.getTime();
  await db.$transaction(async (tx) => {
    // Still planned as it is moved: a meeting opened or cancelled meanwhile stays where it is, and nobody is told.
    const { count } = await tx.meeting.updateMany({
      where: { id: meeting.id, status: 'planned' },
      data: {
        startsAt: startsAt.toJSDate(),
        endsAt: new Date(startsAt.toMillis() + length),
        submissionDeadline: submissionDeadlineFor(startsAt, deadlineRule, norwegianWorkingDays).toJSDate(),
      },
    });
    if (count === 0) throw new AppError('conflict', 'meeting_started');
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'meeting.move',
      entityType: 'meeting',
      entityId: meeting.id,
      unitId,
      detail: { from: meeting.startsAt.toISOString(), to: startsAt.toUTC().toISO()! },
    });
    await notifyMeetingMoved(tx, { id: meeting.id, from: meeting.startsAt, to: startsAt.toJSDate() });
  });
  // The authors of its cases edit until it starts: their open editors take the new start.
  await recheckCases(cases, await casesOnMeeting(db, meeting.id));
}

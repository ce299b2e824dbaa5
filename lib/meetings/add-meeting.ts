import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { idParam } from '../validation/query-params';
import { requireMeetingManager, type MeetingAdminContext } from './meeting-admin-context';
import { meetingKindField, minutesUpTo, optionalText, osloDateTime } from './meeting-admin-input';
import { submissionDeadlineFor } from './meeting-schedule';
import { norwegianWorkingDays } from './norwegian-holidays';
import { systemClock } from '../time/clock';

export const addMeetingSchema = z.object({
  unitId: idParam,
  startsAt: osloDateTime,
  durationMinutes: minutesUpTo(480),
  location: optionalText(200),
  kind: meetingKindField,
});

/** An extra meeting outside the series; its deadline is one working day before at 12:00. */
export async function addMeeting({ db, actor, input, now = systemClock.now() }: MeetingAdminContext): Promise<{ meetingId: string }> {
  const { unitId, startsAt, durationMinutes, location, kind } = parseInput(addMeetingSchema, input);
  requireMeetingManager(actor, unitId);
  if (startsAt.toJSDate() <= now) throw new AppError('invalid_input', 'in the past', { startsAt: 'in_past' });
  // Place and chair as the unit's first series of the same kind has them, unless the form says otherwise.
  const series = await db.meetingSeries.findFirst({ where: { unitId, active: true, kind }, orderBy: { createdAt: 'asc' } });
  const meeting = await db.meeting.create({
    data: {
      unitId,
      startsAt: startsAt.toJSDate(),
      endsAt: startsAt.plus({ minutes: durationMinutes }).toJSDate(),
      submissionDeadline: submissionDeadlineFor(
        startsAt,
        { deadlineDaysBefore: 1, deadlineTime: '12:00' },
        norwegianWorkingDays,
      ).toJSDate(),
      location: location ?? series?.location ?? null,
      chairId: series?.defaultChairId ?? null,
      kind,
    },
  });
  await recordAuditEvent(db, { actorId: actor.userId, action: 'meeting.create', entityType: 'meeting', entityId: meeting.id, unitId });
  return { meetingId: meeting.id };
}

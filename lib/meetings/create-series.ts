import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { osloZone } from '../time/oslo-zone';
import { parseInput } from '../validation/parse-input';
import { idParam } from '../validation/query-params';
import { generateMeetings } from './generate-series-meetings';
import { requireMeetingManager, type MeetingAdminContext } from './meeting-admin-context';
import { clockTime, meetingKindField, minutesUpTo, optionalText } from './meeting-admin-input';
import { parseWeekdays } from './meeting-schedule';
import { canChairMeeting } from '../access/policy';
import type { Role } from '../access/roles';

export const createSeriesSchema = z.object({
  unitId: idParam,
  name: z.string().trim().min(2, 'too_short').max(80, 'too_long'),
  weekdays: z.string().transform((v, ctx) => {
    const days = [...new Set(parseWeekdays(v))].filter((d) => d <= 5).sort();
    if (days.length === 0) ctx.addIssue({ code: 'custom', message: 'weekdays_required' });
    return days;
  }),
  startTime: clockTime,
  durationMinutes: minutesUpTo(480),
  location: optionalText(200),
  deadlineDaysBefore: z.coerce.number({ message: 'invalid' }).int('invalid').min(0, 'invalid').max(10, 'too_long'),
  deadlineTime: clockTime,
  defaultChairId: z
    .string()
    .optional()
    .transform((v) => v || null),
  minutesOrientering: minutesUpTo(120),
  minutesDrofting: minutesUpTo(120),
  minutesAvklaring: minutesUpTo(120),
  kind: meetingKindField,
  /** 'monthly': the first of the weekdays in each month (lib/meetings/meeting-schedule.ts); empty or 'weekly': every week. */
  monthly: z.preprocess(
    (v) => (v === undefined || v === '' || v === 'weekly' ? false : v === 'monthly' ? true : v),
    z.boolean('unknown_option'),
  ),
});

/** The default chair must chair in this unit (moteleder or leder) and be active. */
async function requireChairCandidate(db: Db, unitId: string, userId: string | null): Promise<void> {
  if (!userId) return;
  const membership = await db.membership.findUnique({
    where: { userId_unitId: { userId, unitId } },
    select: { role: true, user: { select: { active: true } } },
  });
  if (!membership?.user.active || !canChairMeeting([{ unitId, role: membership.role as Role }], unitId)) {
    throw new AppError('invalid_input', 'not a chair', { defaultChairId: 'unknown_option' });
  }
}

/** A new series; its meetings for the coming weeks are generated at once. */
export async function createSeries({ db, actor, input, now }: MeetingAdminContext): Promise<{ seriesId: string; generated: number }> {
  const data = parseInput(createSeriesSchema, input);
  requireMeetingManager(actor, data.unitId);
  await requireChairCandidate(db, data.unitId, data.defaultChairId);
  const series = await db.meetingSeries.create({ data: { ...data, weekdays: data.weekdays.join(','), timezone: osloZone } });
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'series.create',
    entityType: 'unit',
    entityId: data.unitId,
    unitId: data.unitId,
    detail: { seriesId: series.id },
  });
  return { seriesId: series.id, generated: await generateMeetings(db, series.id, now) };
}

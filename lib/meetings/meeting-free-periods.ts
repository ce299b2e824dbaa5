import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { systemClock } from '../time/clock';
import { osloDate } from '../time/oslo';
import { parseInput } from '../validation/parse-input';
import { idParam, isoDateParam } from '../validation/query-params';
import { cancelMeeting } from './cancel-meeting';
import { generateMeetings } from './generate-series-meetings';
import { requireMeetingManager, type MeetingAdminContext } from './meeting-admin-context';

const longestDays = 366;

export const addMeetingFreePeriodSchema = z
  .object({
    unitId: idParam,
    fromDate: isoDateParam,
    // An empty "til" is one day.
    toDate: z.union([isoDateParam, z.literal('')]).optional(),
    label: z.string().trim().min(2, 'too_short').max(80, 'too_long'),
  })
  .transform((v) => ({ ...v, toDate: v.toDate || v.fromDate }))
  .superRefine((v, ctx) => {
    if (v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'before_from' });
    const days = (Date.parse(v.toDate) - Date.parse(v.fromDate)) / 86_400_000;
    if (days >= longestDays) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'period_too_long' });
  });

/**
 * Marks days without meetings for a unit (Christmas week, summer). Series
 * generate no meeting on them from now on, and the series meetings already
 * planned on them are cancelled as an admin would cancel them — their cases
 * move to the next meeting after the period and the caseworkers are told.
 * Latest first, so a case moves once, past the whole period.
 */
export async function addMeetingFreePeriod(context: MeetingAdminContext): Promise<{ cancelled: number }> {
  const { db, actor } = context;
  const now = context.now ?? systemClock.now();
  const input = parseInput(addMeetingFreePeriodSchema, context.input);
  requireMeetingManager(actor, input.unitId);
  const period = await db.meetingFreePeriod.create({
    data: { unitId: input.unitId, fromDate: input.fromDate, toDate: input.toDate, label: input.label, createdAt: now },
  });
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'meeting_free.add',
    entityType: 'unit',
    entityId: input.unitId,
    unitId: input.unitId,
    detail: { from: input.fromDate, to: input.toDate },
  });
  const planned = await db.meeting.findMany({
    where: { unitId: input.unitId, status: 'planned', seriesId: { not: null }, startsAt: { gt: now } },
    orderBy: { startsAt: 'desc' },
    select: { id: true, startsAt: true },
  });
  let cancelled = 0;
  for (const meeting of planned) {
    const day = osloDate(meeting.startsAt);
    if (day < period.fromDate || day > period.toDate) continue;
    await cancelMeeting({ ...context, now, input: { unitId: input.unitId, meetingId: meeting.id } });
    cancelled += 1;
  }
  return { cancelled };
}

export const removeMeetingFreePeriodSchema = z.object({ unitId: idParam, periodId: idParam });

/**
 * Unmarks a period: series generate meetings on its days again (the ones
 * cancelled when it was marked stay cancelled; an extra meeting can be added).
 */
export async function removeMeetingFreePeriod(context: MeetingAdminContext): Promise<void> {
  const { db, actor } = context;
  const input = parseInput(removeMeetingFreePeriodSchema, context.input);
  requireMeetingManager(actor, input.unitId);
  const period = await db.meetingFreePeriod.findFirst({ where: { id: input.periodId, unitId: input.unitId } });
  if (!period) throw new AppError('not_found');
  await db.meetingFreePeriod.delete({ where: { id: period.id } });
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'meeting_free.remove',
    entityType: 'unit',
    entityId: input.unitId,
    unitId: input.unitId,
    detail: { from: period.fromDate, to: period.toDate },
  });
  const series = await db.meetingSeries.findMany({ where: { unitId: input.unitId, active: true }, select: { id: true } });
  for (const s of series) await generateMeetings(db, s.id, context.now ?? systemClock.now());
}

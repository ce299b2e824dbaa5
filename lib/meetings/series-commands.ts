import { createHash, randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../access/access-service';
import { canManageMeetings } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { idParam } from '../validation/query-params';
import { parseWeekdays, scheduleMeetings, submissionDeadlineFor, type SeriesRule } from './meeting-schedule';
import { norwegianWorkingDays } from './norwegian-holidays';

/**
 * Meeting series, single meetings and the calendar link of a unit (issue 8),
 * run by its admins and leaders. Meetings are generated 8 weeks ahead from
 * each active series, on Norwegian working days only; generation is
 * idempotent (one meeting per series slot, ever — a moved or cancelled
 * meeting keeps its slot), so every node may run it daily.
 */
export type MeetingAdminContext = { db: Db; actor: Actor; input: unknown; now?: Date };

export const generationWeeks = 8;
const zone = 'Europe/Oslo';
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time');
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid_time')
  .transform((value, ctx) => {
    const at = DateTime.fromISO(value, { zone });
    if (!at.isValid) ctx.addIssue({ code: 'custom', message: 'invalid_time' });
    return at;
  });
const minutes = (max: number) => z.coerce.number({ message: 'invalid' }).int('invalid').min(1, 'invalid').max(max, 'too_long');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .optional()
    .transform((v) => v || null);

export const createSeriesSchema = z.object({
  unitId: idParam,
  name: z.string().trim().min(2, 'too_short').max(80, 'too_long'),
  weekdays: z.string().transform((v, ctx) => {
    const days = [...new Set(parseWeekdays(v))].filter((d) => d <= 5).sort();
    if (days.length === 0) ctx.addIssue({ code: 'custom', message: 'weekdays_required' });
    return days;
  }),
  startTime: hhmm,
  durationMinutes: minutes(480),
  location: optionalText(200),
  deadlineDaysBefore: z.coerce.number({ message: 'invalid' }).int('invalid').min(0, 'invalid').max(10, 'too_long'),
  deadlineTime: hhmm,
  defaultChairId: z
    .string()
    .optional()
    .transform((v) => v || null),
  minutesOrientering: minutes(120),
  minutesDrofting: minutes(120),
  minutesAvklaring: minutes(120),
});
export const seriesRefSchema = z.object({ unitId: idParam, seriesId: idParam });
export const moveMeetingSchema = z.object({ unitId: idParam, meetingId: idParam, startsAt: localDateTime });
export const meetingRefSchema = z.object({ unitId: idParam, meetingId: idParam });
export const addMeetingSchema = z.object({
  unitId: idParam,
  startsAt: localDateTime,
  durationMinutes: minutes(480),
  location: optionalText(200),
});
export const unitRefSchema = z.object({ unitId: idParam });

function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues)
    fields[String(issue.path[0] ?? '_')] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
  throw new AppError('invalid_input', 'invalid input', fields);
}

function requireManager(actor: Actor, unitId: string): void {
  if (!canManageMeetings(actor.memberships, unitId)) throw new AppError('not_found');
}

const ruleOf = (series: {
  weekdays: string;
  startTime: string;
  durationMinutes: number;
  deadlineDaysBefore: number;
  deadlineTime: string;
  timezone: string;
}): SeriesRule => ({
  weekdays: parseWeekdays(series.weekdays),
  startTime: series.startTime,
  durationMinutes: series.durationMinutes,
  deadlineDaysBefore: series.deadlineDaysBefore,
  deadlineTime: series.deadlineTime,
  timezone: series.timezone,
});

/** Creates the meetings of one series for the coming weeks that do not exist yet; returns how many. */
export async function generateMeetings(db: Db, seriesId: string, now: Date = new Date(), weeks = generationWeeks): Promise<number> {
  const series = await db.meetingSeries.findUnique({ where: { id: seriesId } });
  if (!series?.active) return 0;
  const until = new Date(now.getTime() + weeks * 7 * 24 * 3600_000);
  const slots = scheduleMeetings(ruleOf(series), now, until, norwegianWorkingDays);
  const taken = new Set(
    (
      await db.meeting.findMany({ where: { seriesId, seriesSlot: { in: slots.map((s) => s.startsAt) } }, select: { seriesSlot: true } })
    ).map((m) => m.seriesSlot!.getTime()),
  );
  let created = 0;
  for (const slot of slots.filter((s) => !taken.has(s.startsAt.getTime()))) {
    // Two nodes generating at once: the unique (seriesId, seriesSlot) lets one create it.
    await db.meeting
      .create({
        data: {
          unitId: series.unitId,
          seriesId,
          seriesSlot: slot.startsAt,
          chairId: series.defaultChairId,
          location: series.location,
          ...slot,
        },
      })
      .then(() => (created += 1))
      .catch((error: { code?: string }) => {
        if (error.code !== 'P2002') throw error;
      });
  }
  return created;
}

export async function generateAllSeries(db: Db, now: Date = new Date()): Promise<number> {
  let created = 0;
  for (const series of await db.meetingSeries.findMany({ where: { active: true }, select: { id: true } }))
    created += await generateMeetings(db, series.id, now);
  return created;
}

async function requireChairCandidate(db: Db, unitId: string, userId: string | null): Promise<void> {
  if (!userId) return;
  const membership = await db.membership.findUnique({
    where: { userId_unitId: { userId, unitId } },
    select: { role: true, user: { select: { active: true } } },
  });
  if (!membership?.user.active || !['moteleder', 'leder'].includes(membership.role)) {
    throw new AppError('invalid_input', 'not a chair', { defaultChairId: 'unknown_option' });
  }
}

export async function createSeries({ db, actor, input, now }: MeetingAdminContext): Promise<{ seriesId: string; generated: number }> {
  const data = parse(createSeriesSchema, input);
  requireManager(actor, data.unitId);
  await requireChairCandidate(db, data.unitId, data.defaultChairId);
  const series = await db.meetingSeries.create({ data: { ...data, weekdays: data.weekdays.join(','), timezone: zone } });
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

/** Ends a series: it generates nothing more; meetings already planned stay (cancel them one by one). */
export async function endSeries({ db, actor, input }: MeetingAdminContext): Promise<void> {
  const { unitId, seriesId } = parse(seriesRefSchema, input);
  requireManager(actor, unitId);
  const { count } = await db.meetingSeries.updateMany({ where: { id: seriesId, unitId, active: true }, data: { active: false } });
  if (count === 0) throw new AppError('not_found');
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'series.end',
    entityType: 'unit',
    entityId: unitId,
    unitId,
    detail: { seriesId },
  });
}

async function plannedMeeting(db: Db, unitId: string, meetingId: string, now: Date) {
  const meeting = await db.meeting.findFirst({ where: { id: meetingId, unitId }, include: { series: true } });
  if (!meeting) throw new AppError('not_found');
  if (meeting.status !== 'planned' || meeting.startsAt <= now) throw new AppError('conflict', 'meeting_started');
  return meeting;
}

const osloDate = (d: Date) => DateTime.fromJSDate(d, { zone }).setLocale('nb').toFormat("d. MMMM 'kl.' HH:mm");

/** Tells everyone with a case on the meeting, in the app. */
async function notifySubmitters(db: Db, meetingId: string, text: (title: string) => string): Promise<void> {
  const cases = await db.case.findMany({
    where: { OR: [{ meetingId }, { lateRequestMeetingId: meetingId }], status: 'submitted' },
    select: { id: true, title: true, createdById: true },
  });
  if (cases.length)
    await db.notification.createMany({ data: cases.map((c) => ({ userId: c.createdById, text: text(c.title), link: `/saker/${c.id}` })) });
}

export async function moveMeeting({ db, actor, input, now = new Date() }: MeetingAdminContext): Promise<void> {
  const { unitId, meetingId, startsAt } = parse(moveMeetingSchema, input);
  requireManager(actor, unitId);
  const meeting = await plannedMeeting(db, unitId, meetingId, now);
  if (startsAt.toJSDate() <= now) throw new AppError('invalid_input', 'in the past', { startsAt: 'in_past' });
  const deadlineRule = meeting.series ?? { deadlineDaysBefore: 1, deadlineTime: '12:00' };
  const length = meeting.endsAt.getTime() - meeting.startsAt.getTime();
  await db.meeting.update({
    where: { id: meeting.id },
    data: {
      startsAt: startsAt.toJSDate(),
      endsAt: new Date(startsAt.toMillis() + length),
      submissionDeadline: submissionDeadlineFor(startsAt, deadlineRule, norwegianWorkingDays).toJSDate(),
    },
  });
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'meeting.move',
    entityType: 'meeting',
    entityId: meeting.id,
    unitId,
    detail: { from: meeting.startsAt.toISOString(), to: startsAt.toUTC().toISO()! },
  });
  await notifySubmitters(
    db,
    meeting.id,
    (title) => `Møtet der «${title}» står, er flyttet fra ${osloDate(meeting.startsAt)} til ${osloDate(startsAt.toJSDate())}.`,
  );
}

/** Cancels a meeting; its cases move to the unit's next planned meeting, and their caseworkers are told. */
export async function cancelMeeting({ db, actor, input, now = new Date() }: MeetingAdminContext): Promise<{ movedTo: string | null }> {
  const { unitId, meetingId } = parse(meetingRefSchema, input);
  requireManager(actor, unitId);
  const meeting = await plannedMeeting(db, unitId, meetingId, now);
  const next = await db.meeting.findFirst({
    where: { unitId, status: 'planned', startsAt: { gt: meeting.startsAt }, id: { not: meeting.id } },
    orderBy: { startsAt: 'asc' },
  });
  await notifySubmitters(db, meeting.id, (title) =>
    next
      ? `Møtet ${osloDate(meeting.startsAt)} er avlyst. «${title}» er flyttet til møtet ${osloDate(next.startsAt)}.`
      : `Møtet ${osloDate(meeting.startsAt)} er avlyst, og det er ikke satt opp noe nytt møte ennå. Meld inn «${title}» på nytt når det finnes et.`,
  );
  await db.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: meeting.id }, data: { status: 'cancelled' } });
    await tx.case.updateMany({ where: { meetingId: meeting.id, status: 'submitted' }, data: { meetingId: next?.id ?? null } });
    await tx.case.updateMany({
      where: { lateRequestMeetingId: meeting.id, status: 'submitted' },
      data: { lateRequestMeetingId: next?.id ?? null },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'meeting.cancel',
      entityType: 'meeting',
      entityId: meeting.id,
      unitId,
      detail: { movedTo: next?.id ?? '' },
    });
  });
  return { movedTo: next?.id ?? null };
}

/** An extra meeting outside the series; its deadline is one working day before at 12:00. */
export async function addMeeting({ db, actor, input, now = new Date() }: MeetingAdminContext): Promise<{ meetingId: string }> {
  const { unitId, startsAt, durationMinutes, location } = parse(addMeetingSchema, input);
  requireManager(actor, unitId);
  if (startsAt.toJSDate() <= now) throw new AppError('invalid_input', 'in the past', { startsAt: 'in_past' });
  const series = await db.meetingSeries.findFirst({ where: { unitId, active: true }, orderBy: { createdAt: 'asc' } });
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
    },
  });
  await recordAuditEvent(db, { actorId: actor.userId, action: 'meeting.create', entityType: 'meeting', entityId: meeting.id, unitId });
  return { meetingId: meeting.id };
}

export const hashCalendarToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new secret calendar link; the old one stops working at once. Returns the token (shown once). */
export async function rotateCalendarToken({ db, actor, input }: MeetingAdminContext): Promise<{ token: string }> {
  const { unitId } = parse(unitRefSchema, input);
  requireManager(actor, unitId);
  const token = randomBytes(32).toString('base64url');
  await db.unit.update({ where: { id: unitId }, data: { calendarTokenHash: hashCalendarToken(token) } });
  await recordAuditEvent(db, { actorId: actor.userId, action: 'calendar.rotate', entityType: 'unit', entityId: unitId, unitId });
  return { token };
}

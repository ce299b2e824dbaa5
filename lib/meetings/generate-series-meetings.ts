import type { Db } from '../db/db';
import { parseWeekdays, scheduleMeetings, type SeriesRule } from './meeting-schedule';
import { meetingFreeRanges, onMeetingFreeDay } from './meeting-free-days';
import { norwegianWorkingDays } from './norwegian-holidays';
import { systemClock } from '../time/clock';

/**
 * Meetings are generated 8 weeks ahead from each active series, on Norwegian
 * working days only, and not on the days the unit marked as without meetings. Generation is idempotent (one meeting per series slot,
 * ever — a moved or cancelled meeting keeps its slot), so every node may run
 * it daily.
 */
export const generationWeeks = 8;

type StoredRule = {
  weekdays: string;
  startTime: string;
  durationMinutes: number;
  deadlineDaysBefore: number;
  deadlineTime: string;
  timezone: string;
  monthly: boolean;
};

const ruleOf = (series: StoredRule): SeriesRule => ({
  weekdays: parseWeekdays(series.weekdays),
  startTime: series.startTime,
  durationMinutes: series.durationMinutes,
  deadlineDaysBefore: series.deadlineDaysBefore,
  deadlineTime: series.deadlineTime,
  timezone: series.timezone,
  monthly: series.monthly,
});

/** Creates the meetings of one series for the coming weeks that do not exist yet; returns how many. */
export async function generateMeetings(db: Db, seriesId: string, now: Date = systemClock.now(), weeks = generationWeeks): Promise<number> {
  const series = await db.meetingSeries.findUnique({ where: { id: seriesId } });
  if (!series?.active) return 0;
  const until = new Date(now.getTime() + weeks * 7 * 24 * 3600_000);
  // Public holidays are no working days (nor deadline days); the unit's own days without meetings
  // (Christmas week, summer) hold no meeting, but still count for deadlines: people work then.
  const freeDays = await meetingFreeRanges(db, series.unitId, now);
  const slots = scheduleMeetings(ruleOf(series), now, until, norwegianWorkingDays).filter((s) => !onMeetingFreeDay(freeDays, s.startsAt));
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
          kind: series.kind,
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

export async function generateAllSeries(db: Db, now: Date = systemClock.now()): Promise<number> {
  let created = 0;
  for (const series of await db.meetingSeries.findMany({ where: { active: true }, select: { id: true } }))
    created += await generateMeetings(db, series.id, now);
  return created;
}

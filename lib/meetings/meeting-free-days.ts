import type { Db } from '../db/db';
import { osloDate } from '../time/oslo';

/** A unit's days without meetings, as inclusive Oslo calendar-date ranges. */
export type MeetingFreeRange = { fromDate: string; toDate: string };

/**
 * Whether a meeting starting at this instant falls on a marked day. Calendar
 * dates "yyyy-MM-dd" compare as text, so no zone can shift a day.
 */
export function onMeetingFreeDay(ranges: readonly MeetingFreeRange[], startsAt: Date): boolean {
  const day = osloDate(startsAt);
  return ranges.some((r) => r.fromDate <= day && day <= r.toDate);
}

/** The unit's periods that end on or after the day of `from` (what can still hold a meeting). */
export function meetingFreeRanges(db: Db, unitId: string, from: Date): Promise<MeetingFreeRange[]> {
  return db.meetingFreePeriod.findMany({
    where: { unitId, toDate: { gte: osloDate(from) } },
    select: { fromDate: true, toDate: true },
  });
}

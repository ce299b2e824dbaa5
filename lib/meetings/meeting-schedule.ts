import { DateTime } from 'luxon';

/**
 * When a series' meetings happen and when submission closes. Times are wall
 * clock in the series' zone (Europe/Oslo), so a 10:00 meeting stays at 10:00
 * across daylight-saving changes.
 */
export type SeriesRule = {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** "HH:MM" local time. */
  startTime: string;
  durationMinutes: number;
  deadlineDaysBefore: number;
  /** "HH:MM" local time. */
  deadlineTime: string;
  timezone: string;
  /**
   * Once a month: only the first of the weekdays in each month that is a working day (a leader meeting, issue
   * 22). A holiday or a day without meetings on the first Wednesday moves that month's meeting to the next
   * Wednesday, as a leader group would; a month without any such day (a closed July) has none.
   */
  monthly?: boolean;
};

export type ScheduledMeeting = { startsAt: Date; endsAt: Date; submissionDeadline: Date };

/** Working days are Monday–Friday; holidays come in with the calendar (issue 8). */
export type WorkingDayRule = (day: DateTime) => boolean;
export const weekdaysOnly: WorkingDayRule = (day) => day.weekday <= 5;

function atTime(day: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

export function parseWeekdays(value: string): number[] {
  return value
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((day) => Number.isInteger(day) && day >= 1 && day <= 7);
}

export function submissionDeadlineFor(
  meetingStart: DateTime,
  rule: Pick<SeriesRule, 'deadlineDaysBefore' | 'deadlineTime'>,
  isWorkingDay: WorkingDayRule = weekdaysOnly,
): DateTime {
  let day = meetingStart.startOf('day');
  let remaining = rule.deadlineDaysBefore;
  while (remaining > 0) {
    day = day.minus({ days: 1 });
    if (isWorkingDay(day)) remaining -= 1;
  }
  return atTime(day, rule.deadlineTime);
}

/** The month's first working day on one of the weekdays (the month's first working Wednesday for [3]). */
function isFirstInMonth(day: DateTime, weekdays: readonly number[], isWorkingDay: WorkingDayRule): boolean {
  for (let earlier = day.minus({ days: 1 }); earlier.month === day.month; earlier = earlier.minus({ days: 1 }))
    if (weekdays.includes(earlier.weekday) && isWorkingDay(earlier)) return false;
  return true;
}

/** Meetings of a series whose start lies in [from, until). */
export function scheduleMeetings(
  rule: SeriesRule,
  from: Date,
  until: Date,
  isWorkingDay: WorkingDayRule = weekdaysOnly,
): ScheduledMeeting[] {
  const meetings: ScheduledMeeting[] = [];
  const end = DateTime.fromJSDate(until, { zone: rule.timezone });
  const start = DateTime.fromJSDate(from, { zone: rule.timezone });
  for (let day = start.startOf('day'); day < end; day = day.plus({ days: 1 })) {
    if (!rule.weekdays.includes(day.weekday) || !isWorkingDay(day)) continue;
    if (rule.monthly && !isFirstInMonth(day, rule.weekdays, isWorkingDay)) continue;
    const startsAt = atTime(day, rule.startTime);
    if (startsAt < start || startsAt >= end) continue;
    meetings.push({
      startsAt: startsAt.toJSDate(),
      endsAt: startsAt.plus({ minutes: rule.durationMinutes }).toJSDate(),
      submissionDeadline: submissionDeadlineFor(startsAt, rule, isWorkingDay).toJSDate(),
    });
  }
  return meetings;
}

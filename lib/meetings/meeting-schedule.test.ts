import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseWeekdays, scheduleMeetings, submissionDeadlineFor } from './meeting-schedule';

const demoSeries = {
  weekdays: [2, 4],
  startTime: '10:00',
  durationMinutes: 90,
  deadlineDaysBefore: 1,
  deadlineTime: '15:00',
  timezone: 'Europe/Oslo',
};

const oslo = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Oslo' });

describe('scheduleMeetings', () => {
  it('puts Tuesday and Thursday meetings at 10:00 Oslo time, deadline the working day before', () => {
    const meetings = scheduleMeetings(demoSeries, oslo('2026-11-23T00:00').toJSDate(), oslo('2026-11-30T00:00').toJSDate());
    const local = meetings.map((m) => ({
      start: DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Oslo' }).toFormat('ccc yyyy-MM-dd HH:mm'),
      end: DateTime.fromJSDate(m.endsAt, { zone: 'Europe/Oslo' }).toFormat('HH:mm'),
      deadline: DateTime.fromJSDate(m.submissionDeadline, { zone: 'Europe/Oslo' }).toFormat('ccc yyyy-MM-dd HH:mm'),
    }));
    expect(local).toEqual([
      { start: 'Tue 2026-11-24 10:00', end: '11:30', deadline: 'Mon 2026-11-23 15:00' },
      { start: 'Thu 2026-11-26 10:00', end: '11:30', deadline: 'Wed 2026-11-25 15:00' },
    ]);
  });

  it('monthly: only the first working day of its weekdays in each month (the leader meeting)', () => {
    const monthly = { ...demoSeries, weekdays: [3], startTime: '13:00', monthly: true };
    const starts = (from: string, until: string, isWorkingDay?: (day: DateTime) => boolean) =>
      scheduleMeetings(monthly, oslo(from).toJSDate(), oslo(until).toJSDate(), isWorkingDay).map((m) =>
        DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Oslo' }).toFormat('ccc yyyy-MM-dd HH:mm'),
      );
    expect(starts('2026-12-03T00:00', '2027-04-01T00:00')).toEqual([
      'Wed 2027-01-06 13:00',
      'Wed 2027-02-03 13:00',
      'Wed 2027-03-03 13:00',
    ]);
    // The first Wednesday a holiday or a day without meetings: that month's meeting is on the second Wednesday.
    expect(starts('2027-01-01T00:00', '2027-03-01T00:00', (day) => day.weekday <= 5 && day.toISODate() !== '2027-01-06')).toEqual([
      'Wed 2027-01-13 13:00',
      'Wed 2027-02-03 13:00',
    ]);
    // A month closed altogether (a summer without meetings): none that month, and the next month's first as usual.
    const julyClosed = (day: DateTime) => day.weekday <= 5 && day.month !== 7;
    expect(starts('2027-06-01T00:00', '2027-09-01T00:00', julyClosed)).toEqual(['Wed 2027-06-02 13:00', 'Wed 2027-08-04 13:00']);
    // Weekly as before when not monthly.
    expect(
      scheduleMeetings({ ...monthly, monthly: false }, oslo('2026-12-03T00:00').toJSDate(), oslo('2026-12-31T00:00').toJSDate()),
    ).toHaveLength(4);
  });

  it('keeps wall-clock time across the October daylight-saving change', () => {
    const meetings = scheduleMeetings(demoSeries, oslo('2026-10-19T00:00').toJSDate(), oslo('2026-10-31T00:00').toJSDate());
    const utcHours = meetings.map((m) => m.startsAt.getUTCHours());
    // 10:00 CEST is 08:00 UTC before 25 October, 10:00 CET is 09:00 UTC after.
    expect(utcHours).toEqual([8, 8, 9, 9]);
  });

  it('skips the weekend when counting working days back', () => {
    const monday = oslo('2026-11-30T10:00');
    const deadline = submissionDeadlineFor(monday, { deadlineDaysBefore: 1, deadlineTime: '15:00' });
    expect(deadline.toFormat('ccc yyyy-MM-dd HH:mm')).toBe('Fri 2026-11-27 15:00');
    const twoBefore = submissionDeadlineFor(monday, { deadlineDaysBefore: 2, deadlineTime: '12:00' });
    expect(twoBefore.toFormat('ccc yyyy-MM-dd HH:mm')).toBe('Thu 2026-11-26 12:00');
  });

  it('leaves out days the working-day rule rejects (holidays)', () => {
    const noThursday26 = (day: DateTime) => day.weekday <= 5 && day.toISODate() !== '2026-11-26';
    const meetings = scheduleMeetings(demoSeries, oslo('2026-11-23T00:00').toJSDate(), oslo('2026-11-30T00:00').toJSDate(), noThursday26);
    expect(meetings).toHaveLength(1);
  });
});

describe('parseWeekdays', () => {
  it('reads a comma list and drops what is not a weekday', () => {
    expect(parseWeekdays('2, 4,9,x')).toEqual([2, 4]);
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { scheduleMeetings, submissionDeadlineFor, type SeriesRule } from './meeting-schedule';
import { easterSunday, holidayName, norwegianHolidays, norwegianWorkingDays, workingDaysAfter } from './norwegian-holidays';

const oslo = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Oslo' });
const rule: SeriesRule = {
  weekdays: [1, 2, 3, 4, 5],
  startTime: '10:00',
  durationMinutes: 90,
  deadlineDaysBefore: 2,
  deadlineTime: '12:00',
  timezone: 'Europe/Oslo',
};

describe('Norwegian holidays', () => {
  it('finds Easter (known dates) and the days that move with it', () => {
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 });
    const y2027 = norwegianHolidays(2027);
    expect(y2027.get('2027-03-25')).toBe('Skjærtorsdag');
    expect(y2027.get('2027-03-26')).toBe('Langfredag');
    expect(y2027.get('2027-03-29')).toBe('2. påskedag');
    expect(y2027.get('2027-05-06')).toBe('Kristi himmelfartsdag');
    expect(y2027.get('2027-05-16')).toBe('1. pinsedag');
    expect(y2027.get('2027-05-17')).toBe('Grunnlovsdag og 2. pinsedag');
    expect(y2027.size).toBe(11);
    expect(norwegianHolidays(2026).get('2026-05-25')).toBe('2. pinsedag');
    expect(holidayName(oslo('2026-12-26'))).toBe('2. juledag');
    expect(holidayName(oslo('2026-12-27'))).toBeNull();
  });

  it('makes no meeting on a holiday, and counts only working days to the deadline', () => {
    const meetings = scheduleMeetings(rule, oslo('2027-03-22').toJSDate(), oslo('2027-04-03').toJSDate(), norwegianWorkingDays);
    expect(meetings.map((m) => DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Oslo' }).toISODate())).toEqual([
      '2027-03-22',
      '2027-03-23',
      '2027-03-24',
      '2027-03-30',
      '2027-03-31',
      '2027-04-01',
      '2027-04-02',
    ]);
    // Tuesday after Easter: two working days back skips 2. påskedag, Langfredag and Skjærtorsdag.
    expect(submissionDeadlineFor(oslo('2027-03-30T10:00'), rule, norwegianWorkingDays).toISO()).toBe('2027-03-23T12:00:00.000+01:00');
    expect(scheduleMeetings(rule, oslo('2027-05-17').toJSDate(), oslo('2027-05-18').toJSDate(), norwegianWorkingDays)).toEqual([]);
  });

  it('keeps 10:00 at 10:00 Oslo time across both daylight-saving changes', () => {
    const spring = scheduleMeetings(
      { ...rule, weekdays: [5, 1] },
      oslo('2027-03-26').toJSDate(),
      oslo('2027-03-30').toJSDate(),
      norwegianWorkingDays,
    );
    // Langfredag 26 March is out; Monday 29 March is 2. påskedag: nothing that week either side.
    expect(spring).toEqual([]);
    const around = scheduleMeetings(
      { ...rule, weekdays: [5, 1] },
      oslo('2026-03-27').toJSDate(),
      oslo('2026-03-31').toJSDate(),
      norwegianWorkingDays,
    );
    expect(around.map((m) => m.startsAt.toISOString())).toEqual(['2026-03-27T09:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    const autumn = scheduleMeetings(
      { ...rule, weekdays: [5, 1] },
      oslo('2026-10-23').toJSDate(),
      oslo('2026-10-27').toJSDate(),
      norwegianWorkingDays,
    );
    expect(autumn.map((m) => m.startsAt.toISOString())).toEqual(['2026-10-23T08:00:00.000Z', '2026-10-26T09:00:00.000Z']);
  });
});

describe('workingDaysAfter', () => {
  it('skips the weekend', () => {
    expect(workingDaysAfter(new Date('2026-12-04T09:00:00Z'), 3)).toBe('2026-12-09');
  });
  it('skips Easter: from the Wednesday before, Skjærtorsdag, Langfredag and 2. påskedag do not count', () => {
    expect(workingDaysAfter(new Date('2027-03-24T09:00:00Z'), 3)).toBe('2027-04-01');
  });
  it('counts from the Oslo day, not the UTC day (23:30 UTC on a Thursday is Friday in Oslo)', () => {
    expect(workingDaysAfter(new Date('2026-12-03T23:30:00Z'), 3)).toBe('2026-12-09');
  });
});

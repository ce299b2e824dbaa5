import { describe, expect, it } from 'vitest';
import { onMeetingFreeDay } from './meeting-free-days';

describe('onMeetingFreeDay', () => {
  const christmas = [{ fromDate: '2026-12-21', toDate: '2027-01-01' }];

  it('takes both ends of a period, by the Oslo day of the start', () => {
    expect(onMeetingFreeDay(christmas, new Date('2026-12-21T09:00:00Z'))).toBe(true);
    expect(onMeetingFreeDay(christmas, new Date('2027-01-01T09:00:00Z'))).toBe(true);
    expect(onMeetingFreeDay(christmas, new Date('2027-01-02T09:00:00Z'))).toBe(false);
    expect(onMeetingFreeDay(christmas, new Date('2026-12-18T09:00:00Z'))).toBe(false);
  });

  it('reads the day in Oslo, not in UTC: 23:30 UTC on 20 December is the 21st in Oslo', () => {
    expect(onMeetingFreeDay(christmas, new Date('2026-12-20T23:30:00Z'))).toBe(true);
    expect(onMeetingFreeDay(christmas, new Date('2027-01-01T23:30:00Z'))).toBe(false);
  });

  it('finds nothing without periods', () => {
    expect(onMeetingFreeDay([], new Date('2026-12-24T09:00:00Z'))).toBe(false);
  });
});

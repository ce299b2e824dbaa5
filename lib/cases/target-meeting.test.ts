import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { scheduleMeetings } from '../meetings/meeting-schedule';
import { defaultTargetMeeting, resolveSubmissionTarget, type MeetingSlot } from './target-meeting';

const oslo = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Oslo' }).toJSDate();

// Tue/Thu 10:00, deadline the working day before at 15:00 — the demo series.
const rule = {
  weekdays: [2, 4],
  startTime: '10:00',
  durationMinutes: 90,
  deadlineDaysBefore: 1,
  deadlineTime: '15:00',
  timezone: 'Europe/Oslo',
};
const meetings: MeetingSlot[] = scheduleMeetings(rule, oslo('2026-11-23T00:00'), oslo('2026-12-05T00:00')).map((m, i) => ({
  id: `m${i}`, // m0 Tue 24 Nov, m1 Thu 26 Nov, m2 Tue 1 Dec, m3 Thu 3 Dec
  startsAt: m.startsAt,
  submissionDeadline: m.submissionDeadline,
  status: 'planned',
}));

describe('defaultTargetMeeting', () => {
  it('picks the next meeting whose deadline has not passed', () => {
    expect(defaultTargetMeeting(meetings, oslo('2026-11-23T14:59'))?.id).toBe('m0');
    expect(defaultTargetMeeting(meetings, oslo('2026-11-23T15:00'))?.id).toBe('m1');
  });

  it('counts Friday 15:00 as the deadline of a Tuesday meeting only through working days', () => {
    // Over the weekend (Sat 28 Nov) the next open meeting is Tuesday 1 Dec (deadline Monday 15:00).
    expect(defaultTargetMeeting(meetings, oslo('2026-11-28T12:00'))?.id).toBe('m2');
  });

  it('skips a cancelled meeting', () => {
    const withCancelled = meetings.map((m) => (m.id === 'm0' ? { ...m, status: 'cancelled' } : m));
    expect(defaultTargetMeeting(withCancelled, oslo('2026-11-23T09:00'))?.id).toBe('m1');
  });
});

describe('resolveSubmissionTarget', () => {
  it('uses the requested meeting before its deadline', () => {
    expect(resolveSubmissionTarget(meetings, 'm2', oslo('2026-11-24T09:00'))).toEqual({ meetingId: 'm2', lateRequestFor: null });
  });

  it('sends a late case to the following meeting and asks the requested meeting’s chair', () => {
    expect(resolveSubmissionTarget(meetings, 'm0', oslo('2026-11-23T20:00'))).toEqual({ meetingId: 'm1', lateRequestFor: 'm0' });
  });

  it('passes over a cancelled following meeting', () => {
    const cancelled = meetings.map((m) => (m.id === 'm1' ? { ...m, status: 'cancelled' } : m));
    expect(resolveSubmissionTarget(cancelled, 'm0', oslo('2026-11-23T20:00'))).toEqual({ meetingId: 'm2', lateRequestFor: 'm0' });
  });

  it('refuses a meeting that has started, is cancelled or unknown', () => {
    expect(() => resolveSubmissionTarget(meetings, 'm0', oslo('2026-11-24T10:05'))).toThrow('meeting_not_open');
    const cancelled = meetings.map((m) => (m.id === 'm2' ? { ...m, status: 'cancelled' } : m));
    expect(() => resolveSubmissionTarget(cancelled, 'm2', oslo('2026-11-24T09:00'))).toThrow('meeting_not_open');
    expect(() => resolveSubmissionTarget(meetings, 'nope', oslo('2026-11-24T09:00'))).toThrow('meeting_not_open');
  });

  it('says so when no meeting is open at all', () => {
    expect(() => resolveSubmissionTarget(meetings, null, oslo('2026-12-10T09:00'))).toThrow('no_open_meeting');
  });
});

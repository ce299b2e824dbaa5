import { describe, expect, it } from 'vitest';
import { meetingTimeline, type TimelineItem } from './meeting-timeline';

const startsAt = '2026-12-08T09:00:00Z';
const endsAt = '2026-12-08T10:00:00Z';
const item = (id: string, plannedMinutes: number, startedAt: string | null = null, endedAt: string | null = null): TimelineItem => ({
  id,
  plannedMinutes,
  startedAt,
  endedAt,
});
const timeline = (items: TimelineItem[], currentItemId: string | null, now: string, closed = false) =>
  meetingTimeline({ startsAt, endsAt, items, currentItemId, closed, now: new Date(now) });

describe('meetingTimeline', () => {
  it('before anything starts: the meeting start plus every time box', () => {
    const t = timeline([item('a', 15), item('b', 10), item('c', 5)], null, '2026-12-08T08:00:00Z');
    expect(t.plannedEnd.toISOString()).toBe('2026-12-08T09:30:00.000Z');
    expect(t.current).toBeNull();
    expect(t.overrunMinutes).toBe(0);
  });

  it('counts the current item from its start, and the rest after it', () => {
    const t = timeline([item('a', 15, '2026-12-08T09:05:00Z'), item('b', 10), item('c', 5)], 'a', '2026-12-08T09:10:30Z');
    expect(t.current).toEqual({ itemId: 'a', endsAt: new Date('2026-12-08T09:20:00Z'), secondsLeft: 570 });
    expect(t.plannedEnd.toISOString()).toBe('2026-12-08T09:35:00.000Z');
  });

  it('moves the planned end while the current item runs over, and says how far past the slot', () => {
    const items = [item('a', 50, '2026-12-08T09:00:00Z'), item('b', 10), item('c', 5)];
    const t = timeline(items, 'a', '2026-12-08T09:55:00Z');
    expect(t.current?.secondsLeft).toBe(-300);
    expect(t.plannedEnd.toISOString()).toBe('2026-12-08T10:10:00.000Z');
    expect(t.overrunMinutes).toBe(10);
  });

  it('keeps what has happened: an item ended early or late, taken out of order', () => {
    const items = [item('a', 15, '2026-12-08T09:00:00Z', '2026-12-08T09:20:00Z'), item('b', 10), item('c', 5, '2026-12-08T09:20:00Z')];
    const t = timeline(items, 'c', '2026-12-08T09:21:00Z');
    expect(t.current?.endsAt.toISOString()).toBe('2026-12-08T09:25:00.000Z');
    expect(t.plannedEnd.toISOString()).toBe('2026-12-08T09:35:00.000Z');
  });

  it('has no running time once the meeting has closed', () => {
    const items = [item('a', 15, '2026-12-08T09:00:00Z', '2026-12-08T09:14:00Z'), item('b', 10, '2026-12-08T09:14:00Z')];
    const t = timeline(items, 'b', '2026-12-08T09:30:00Z', true);
    expect(t.current).toBeNull();
  });

  it('a meeting opened days before its scheduled start counts from when it started, not from the scheduled start', () => {
    // Thursday's meeting opened on Tuesday: the current item's time moves the planned end, on Tuesday.
    const items = [item('a', 15, '2026-12-06T13:00:00Z'), item('b', 10), item('c', 5)];
    const t = timeline(items, 'a', '2026-12-06T13:05:00Z');
    expect(t.plannedEnd.toISOString()).toBe('2026-12-06T13:30:00.000Z');
    expect(t.current?.secondsLeft).toBe(600);
    expect(t.overrunMinutes).toBe(0);
    // Running over moves it as on the day, and the slot (an hour) counts from the actual start.
    const late = timeline(items, 'a', '2026-12-06T14:00:00Z');
    expect(late.plannedEnd.toISOString()).toBe('2026-12-06T14:15:00.000Z');
    expect(late.overrunMinutes).toBe(15);
  });

  it('a meeting opened minutes early ends earlier, and nothing taken up yet is counted after what was', () => {
    const items = [item('a', 15, '2026-12-08T08:40:00Z', '2026-12-08T08:50:00Z'), item('b', 10), item('c', 5)];
    const t = timeline(items, null, '2026-12-08T08:51:00Z');
    expect(t.plannedEnd.toISOString()).toBe('2026-12-08T09:05:00.000Z');
  });

  it('taken up again in its own slot after an early start, the scheduled end is the measure again', () => {
    // Opened by mistake on Tuesday (item a), run on Thursday from the scheduled start.
    const items = [item('a', 15, '2026-12-06T13:00:00Z', '2026-12-06T13:01:00Z'), item('b', 50, '2026-12-08T09:00:00Z'), item('c', 20)];
    const t = timeline(items, 'b', '2026-12-08T09:10:00Z');
    expect(t.plannedEnd.toISOString()).toBe('2026-12-08T10:10:00.000Z');
    expect(t.overrunMinutes).toBe(10);
  });

  it('opened minutes early on the day, keeps that slot when the next item is taken up in the scheduled one', () => {
    // Scheduled 09:00–10:00 UTC; item a at 08:40, over its 10 minutes, then b taken up at 09:10.
    const running = [item('a', 10, '2026-12-08T08:40:00Z'), item('b', 20), item('c', 20)];
    const before = timeline(running, 'a', '2026-12-08T09:10:00Z');
    expect(before.plannedEnd.toISOString()).toBe('2026-12-08T09:50:00.000Z');
    expect(before.overrunMinutes).toBe(10);
    const taken = [item('a', 10, '2026-12-08T08:40:00Z', '2026-12-08T09:10:00Z'), item('b', 20, '2026-12-08T09:10:00Z'), item('c', 20)];
    const after = timeline(taken, 'b', '2026-12-08T09:10:00Z');
    expect(after.plannedEnd).toEqual(before.plannedEnd);
    expect(after.overrunMinutes).toBe(10);
  });

  it('gives the same answer for ISO strings (a screen) as for dates (the server)', () => {
    const items = [item('a', 15, '2026-12-08T09:05:00Z'), item('b', 10)];
    const asDates = items.map((i) => ({ ...i, startedAt: i.startedAt ? new Date(i.startedAt) : null }));
    const now = new Date('2026-12-08T09:07:00Z');
    expect(
      meetingTimeline({ startsAt: new Date(startsAt), endsAt: new Date(endsAt), items: asDates, currentItemId: 'a', closed: false, now }),
    ).toEqual(timeline(items, 'a', now.toISOString()));
  });
});

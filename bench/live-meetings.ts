import type { Db } from '../lib/db/db';

/**
 * Meetings for a benchmark's load, each with one agenda item: its document (`item:<id>`) is what a meeting
 * co-edits (there is no meeting-wide document). They start `fromDays` days ahead, a minute apart, far from
 * the demo's own meetings; returns the item document names.
 */
export async function createLiveMeetings(db: Db, unitId: string, count: number, fromDays: number): Promise<string[]> {
  const base = Date.now() + fromDays * 24 * 3600_000;
  const meetings = await db.meeting.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => {
      const startsAt = new Date(base + i * 60_000);
      return {
        unitId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 90 * 60_000),
        submissionDeadline: new Date(startsAt.getTime() - 2 * 24 * 3600_000),
        status: 'planned',
        location: 'Benchmark',
      };
    }),
    select: { id: true },
  });
  const items = await db.agendaItem.createManyAndReturn({
    data: meetings.map((meeting) => ({
      meetingId: meeting.id,
      title: 'Benchmark',
      position: 1,
      plannedMinutes: 10,
      purpose: 'drofting',
      reason: 'added',
    })),
    select: { id: true },
  });
  return items.map((item) => `item:${item.id}`);
}

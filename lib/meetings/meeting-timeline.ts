import { osloZone } from '../time/oslo-zone';

/**
 * The meeting's time, from one source: the server's state (the meeting's
 * start and slot, each item's time box and when it started and ended) and an
 * instant. The room computes it on every screen with this one function, so
 * every screen shows the same planned end and the same time left on the
 * current item; once the meeting has closed there is no current item and no
 * running time.
 *
 * The planned end: whatever has happened stands (the latest end of an item
 * dealt with; the current item's start plus its time box, or now if it runs
 * over), then every item not yet taken up at its planned minutes.
 *
 * A meeting the chair opened before its scheduled start (days before, or at
 * 09:40 for 10:00) counts from when it actually started — its first item's
 * start — not from the scheduled start: otherwise the planned end sat on the
 * scheduled day whatever the room did, and the current item's time never
 * moved it. Its slot moves with it (same length), so "min over avsatt tid"
 * still says how far past its length the meeting runs. Opened early on the
 * day itself, it keeps that slot to the end (nothing jumps when the next item
 * is taken up after the scheduled start); opened on an earlier day, once an
 * item has been taken up at or after the scheduled start, the meeting is in
 * its own slot again and the scheduled end is the measure.
 */
export type TimelineItem = {
  id: string;
  plannedMinutes: number;
  startedAt: Date | string | null;
  endedAt: Date | string | null;
};

export type MeetingTimeline = {
  plannedEnd: Date;
  /** Minutes past the meeting's slot (0 when it fits). */
  overrunMinutes: number;
  /** The current item's time, or null: none is up, or the meeting has closed. */
  current: { itemId: string; endsAt: Date; secondsLeft: number } | null;
};

const minute = 60_000;
const at = (value: Date | string) => new Date(value).getTime();

export function meetingTimeline(options: {
  startsAt: Date | string;
  endsAt: Date | string;
  items: readonly TimelineItem[];
  currentItemId: string | null;
  closed: boolean;
  now: Date;
}): MeetingTimeline {
  const now = options.now.getTime();
  const currentId = options.closed ? null : options.currentItemId;
  const { start, slotEnd } = actualSlot(options);
  let reached = start;
  let ahead = 0;
  let current: MeetingTimeline['current'] = null;
  for (const item of options.items) {
    if (item.id === currentId && item.startedAt) {
      const endsAt = at(item.startedAt) + item.plannedMinutes * minute;
      current = { itemId: item.id, endsAt: new Date(endsAt), secondsLeft: Math.round((endsAt - now) / 1000) };
      reached = Math.max(reached, endsAt, now);
    } else if (item.endedAt) reached = Math.max(reached, at(item.endedAt));
    else if (!item.startedAt) ahead += item.plannedMinutes * minute;
  }
  const plannedEnd = new Date(reached + ahead);
  return {
    plannedEnd,
    overrunMinutes: Math.max(0, Math.round((plannedEnd.getTime() - slotEnd) / minute)),
    current,
  };
}

/**
 * When the meeting counts from, and when its slot ends: the scheduled ones, unless it started early (above).
 * Started early on its own day (09:40 for 10:00), it counts from that start for good: taking the next item up
 * after 10:00 must not move the slot back and make "min over avsatt tid" jump. Started on an earlier day, that
 * sitting counts from its own start until an item is taken up again in the scheduled slot.
 */
function actualSlot(options: { startsAt: Date | string; endsAt: Date | string; items: readonly TimelineItem[] }) {
  const scheduled = at(options.startsAt);
  const length = at(options.endsAt) - scheduled;
  const starts = options.items.flatMap((item) => (item.startedAt ? [at(item.startedAt)] : []));
  const day = osloDay(scheduled);
  const earlySameDay = starts.filter((s) => s < scheduled && osloDay(s) === day);
  if (earlySameDay.length > 0) {
    const start = Math.min(...earlySameDay);
    return { start, slotEnd: start + length };
  }
  if (starts.length === 0 || Math.max(...starts) >= scheduled) return { start: scheduled, slotEnd: at(options.endsAt) };
  const start = Math.min(...starts);
  return { start, slotEnd: start + length };
}

/** The Oslo calendar day of an instant (Intl, not a date library: this runs in the browser too). */
const osloDays = new Intl.DateTimeFormat('en-CA', { timeZone: osloZone, year: 'numeric', month: '2-digit', day: '2-digit' });
const osloDay = (instant: number) => osloDays.format(new Date(instant));

import { osloDate } from '../time/oslo';

/**
 * The Oslo date a meeting dealt with its cases, "yyyy-MM-dd": the day it closed — a meeting opened early and
 * closed before its planned date was held then, and the deadlines that follow count from the close
 * (lib/cases/epj-follow-up.ts) — else, not closed, its planned date. Mine saker and the hand-off say this date.
 */
export function heldOn(meeting: { startsAt: Date; closedAt: Date | null }): string {
  return osloDate(meeting.closedAt ?? meeting.startsAt);
}

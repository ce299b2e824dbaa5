/**
 * The one source of "now" for the domain. Commands and seeds take a `Clock`
 * (or an instant read from one) instead of calling `new Date()`, so a test can
 * pin time to any instant of the week or the year — Monday 16:00 after a
 * submission deadline, the night of a daylight-saving change, New Year's Eve —
 * and see the same behaviour as at any other.
 *
 * The app runs on `systemClock`. Time is always the application's: nothing
 * compares a stored instant with the database server's own `now()`, since the
 * two clocks need not agree (and under libfaketime in `npm run test:any-hour`
 * they do not).
 */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at `instant` (unit tests, seeds for a given day). */
export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant).getTime();
  if (Number.isNaN(at)) throw new Error(`fixedClock: not an instant: ${String(instant)}`);
  return { now: () => new Date(at) };
}

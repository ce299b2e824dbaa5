import { DateTime } from 'luxon';

/**
 * The one time zone of the product: meetings, deadlines, due dates and every
 * date shown are Oslo wall-clock time. Import this name instead of writing the
 * zone out.
 */
export const osloZone = 'Europe/Oslo';

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in Oslo. Not the UTC day:
 * between midnight and 01:00 (02:00 in summer) the two differ — on New Year's
 * Eve at 23:50 UTC it is already 1 January in Oslo.
 */
export function osloDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: osloZone }).toISODate()!;
}

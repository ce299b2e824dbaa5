import { DateTime } from 'luxon';
import { osloZone } from './oslo-zone';

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in Oslo. Not the UTC day:
 * between midnight and 01:00 (02:00 in summer) the two differ — on New Year's
 * Eve at 23:50 UTC it is already 1 January in Oslo.
 */
export function osloDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: osloZone }).toISODate()!;
}

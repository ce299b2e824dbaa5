import { DateTime } from 'luxon';
import { z } from 'zod';
import { parseDateInput } from '../i18n/date-input';
import { osloZone } from '../time/oslo-zone';

/** Shared rules for filters that arrive in query strings. */

/**
 * A date as a person types it into a date field ("4.3.2027", "04.03.2027") or
 * as a link carries it ("2027-03-04"), out as the calendar date "2027-03-04";
 * `invalid_date` for anything else (lib/i18n/date-input).
 */
export const isoDateParam = z.string().transform((value, ctx) => {
  const date = parseDateInput(value);
  if (date) return date;
  ctx.addIssue({ code: 'custom', message: 'invalid_date' });
  return z.NEVER;
});
export const idParam = z.string().regex(/^[a-z0-9]{8,40}$/);

/** An optional parameter: an empty form field counts as absent. */
export const optionalParam = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** The first and the last instant of a range of Oslo calendar days. */
export function osloDayRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (from) range.gte = DateTime.fromISO(from, { zone: osloZone }).startOf('day').toJSDate();
  if (to) range.lt = DateTime.fromISO(to, { zone: osloZone }).plus({ days: 1 }).startOf('day').toJSDate();
  return range;
}

/** A query string as a plain object (repeated keys: the first wins). */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : Array.isArray(v) && v[0] ? [[k, v[0]]] : [])),
  );
}

import { DateTime } from 'luxon';
import { z } from 'zod';
import { osloZone } from '../time/oslo-zone';

/** Shared rules for filters that arrive in query strings. */
export const isoDateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => DateTime.fromISO(v).isValid);
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

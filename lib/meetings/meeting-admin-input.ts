import { DateTime } from 'luxon';
import { z } from 'zod';
import { parseTimeInput } from '../i18n/date-input';
import { osloZone } from '../time/oslo-zone';
import { caseMeetingKind, meetingKinds } from '../access/leader-case-policy';

/** Field types the meeting administration forms share (series, moves, extra meetings). */
/** A time of day "HH:mm", typed as a Norwegian types it ("9.30", lib/i18n/date-input) — the form posts what was typed. */
export const clockTime = z.preprocess(
  (value) => (typeof value === 'string' ? (parseTimeInput(value) ?? value) : value),
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time'),
);

/** A local date-time ("2026-12-03T10:00", the admin form's date and time fields joined), read as Oslo wall-clock time. */
export const osloDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid_time')
  .transform((value, ctx) => {
    const at = DateTime.fromISO(value, { zone: osloZone });
    if (!at.isValid) ctx.addIssue({ code: 'custom', message: 'invalid_time' });
    return at;
  });

export const minutesUpTo = (max: number) => z.coerce.number({ message: 'invalid' }).int('invalid').min(1, 'invalid').max(max, 'too_long');

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .optional()
    .transform((v) => v || null);

/** Saksmøte or ledermøte (issue 22); a form that leaves the choice empty, or sends none, makes case meetings. */
export const meetingKindField = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.enum(meetingKinds, { message: 'unknown_option' }).default(caseMeetingKind),
);

import { osloZone } from '../time/oslo-zone';

/**
 * Dates, times and numbers as people in Norway read them, always in Oslo
 * time, whatever the server's zone. One style per use — a page picks the use,
 * never a pattern — so the same kind of date reads the same everywhere:
 *
 * - formatDate       "3. desember 2026"               a day in running text and lists
 * - formatShortDate  "03.12.2026"                     a day in tables and on chart axes
 * - formatMonth      "des. 2026"                      a month on a chart axis
 * - formatTime       "10:00"                          a time of day
 * - formatDateTime   "torsdag 3. desember kl. 10:00"  when a meeting or a deadline is
 * - formatTimestamp  "03.12.2026, 10:04:31"           an exact moment (audit log)
 * - formatNumber     "7,3", "12 345"                  a count or an average
 * - formatPercent    "73 %"                           a share (0.73)
 *
 * A day may be given as an instant or as a calendar date "2026-12-03" (a
 * follow-up's due date, a re-assessment date): the latter is that day, never
 * shifted by a zone.
 */
type Day = Date | string;

const dateTime = new Intl.DateTimeFormat('nb-NO', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: osloZone,
});
const date = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: osloZone });
const shortDate = new Intl.DateTimeFormat('nb-NO', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: osloZone });
const month = new Intl.DateTimeFormat('nb-NO', { month: 'short', year: 'numeric', timeZone: osloZone });
const timestamp = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'medium', timeZone: osloZone });
const time = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: osloZone });
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 });

/**
 * An instant, or a moment in the middle of a calendar date "yyyy-MM-dd" (or a
 * month "yyyy-MM"); null for text that is no such date. Noon UTC is 13:00 or
 * 14:00 in Oslo: the same day whatever the season. (No date library: this
 * module is also bundled for the browser.)
 */
function instantOf(day: Day): Date | null {
  if (day instanceof Date) return day;
  const parts = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(day);
  if (!parts) return null;
  const [year, month, date] = [Number(parts[1]), Number(parts[2]), Number(parts[3] ?? 1)];
  const at = new Date(Date.UTC(year, month - 1, date, 12));
  return at.getUTCMonth() === month - 1 && at.getUTCDate() === date ? at : null;
}

/** Dates typed into a meeting's document are shown as written when they are not a date: never a broken page. */
const dayFormat = (format: Intl.DateTimeFormat) => (day: Day) => {
  const at = instantOf(day);
  return at ? format.format(at) : String(day);
};

/** "3. desember 2026". */
export const formatDate: (day: Day) => string = dayFormat(date);

/** "03.12.2026". */
export const formatShortDate: (day: Day) => string = dayFormat(shortDate);

/** "des. 2026", from an instant or a month "yyyy-MM". */
export const formatMonth: (month: Day) => string = dayFormat(month);

/** "10:00". */
export function formatTime(value: Date): string {
  return time.format(value);
}

/** "torsdag 3. desember kl. 10:00". */
export function formatDateTime(value: Date): string {
  return dateTime.format(value);
}

/** "03.12.2026, 10:04:31". */
export function formatTimestamp(value: Date): string {
  return timestamp.format(value);
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** "7,3" (decimal comma, thin grouping: "12 345"); at most `decimals` decimals, none shown when zero. */
export function formatNumber(value: number, decimals = 1): string {
  let format = numberFormats.get(decimals);
  if (!format) numberFormats.set(decimals, (format = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: decimals })));
  return format.format(value);
}

/** "73 %", from a share 0.73. */
export function formatPercent(share: number): string {
  return percent.format(share);
}

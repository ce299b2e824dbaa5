/**
 * Dates as people in Norway type them into a field, and back. A field shows
 * "04.03.2027" (dd.mm.åååå) and takes what a Norwegian types: one- or
 * two-digit day and month ("4.3.2027"), a dot, slash, dash or space between
 * them, the eight digits alone ("04032027"), or an ISO date ("2027-03-04",
 * pasted or from a link). What is stored and sent on is always the calendar
 * date "yyyy-MM-dd". No date library: this module is bundled for the browser.
 */

/** The hint beside every date field, in the words the field expects. */
export const dateInputFormat = 'dd.mm.åååå';

const separated = /^(\d{1,2})\s*[./\- ]\s*(\d{1,2})\s*[./\- ]\s*(\d{4})\.?$/;
const digitsOnly = /^(\d{2})(\d{2})(\d{4})$/;
const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const earliestYear = 1900;
const latestYear = 2199;

/** The calendar date "yyyy-MM-dd" a typed date means; '' for an empty field; null for text that is no date. */
export function parseDateInput(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  const isoParts = iso.exec(typed);
  const parts = isoParts ? [isoParts[3], isoParts[2], isoParts[1]] : (separated.exec(typed) ?? digitsOnly.exec(typed))?.slice(1, 4);
  if (!parts) return null;
  const [day, month, year] = parts.map(Number);
  if (year < earliestYear || year > latestYear) return null;
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "04.03.2027" for the calendar date "2027-03-04"; anything else (what someone typed) as it is. */
export function formatDateInput(value: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return parts ? `${parts[3]}.${parts[2]}.${parts[1]}` : value;
}

/** The hint beside every time field. */
export const timeInputFormat = 'tt:mm';

const clock = /^(?:kl\.?\s*)?(\d{1,2})(?:\s*[.:]\s*(\d{2}))?$/i;
const clockDigits = /^(\d{2})(\d{2})$/;

/**
 * The time "HH:mm" a typed time of day means: "9.30", "09:30", "0930", "9" and "kl. 9.30" all are 09:30
 * (Norwegian writes 09.30, the product shows 09:30); '' for an empty field; null for what is no time.
 */
export function parseTimeInput(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  const parts = clockDigits.exec(typed) ?? clock.exec(typed);
  if (!parts) return null;
  const [hour, minute] = [Number(parts[1]), Number(parts[2] ?? 0)];
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * A date field and a time field as the one local date-time "yyyy-MM-ddTHH:mm" the commands read:
 * the date and the time as their fields read them (typed forms too).
 * Both empty: ''. What is no date is passed on as typed, for the command to refuse.
 */
export function joinDateTimeInput(date: string, time: string): string {
  if (date.trim() === '' && time.trim() === '') return '';
  return `${parseDateInput(date) ?? date.trim()}T${parseTimeInput(time) ?? time.trim()}`;
}

/** The date ("yyyy-MM-dd") and time ("HH:mm") parts of a local date-time "yyyy-MM-ddTHH:mm". */
export function splitDateTimeInput(value: string): { date: string; time: string } {
  const [date = '', time = ''] = value.split('T');
  return { date, time };
}

const pad = (n: number) => String(n).padStart(2, '0');

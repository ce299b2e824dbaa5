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

const pad = (n: number) => String(n).padStart(2, '0');

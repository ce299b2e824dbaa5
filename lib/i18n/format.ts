/** Dates and times as people in Norway read them, always in Europe/Oslo. */
const zone = 'Europe/Oslo';

const dateTime = new Intl.DateTimeFormat('nb-NO', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: zone,
});
const date = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone });
const timestamp = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'medium', timeZone: zone });
const time = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: zone });

export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

export function formatTime(date: Date): string {
  return time.format(date);
}

/** "17. nov. 2026": a date in lists and tables. */
export function formatDate(value: Date): string {
  return date.format(value);
}

/** "17.11.2026, 10:04:31": an exact moment (audit log). */
export function formatTimestamp(value: Date): string {
  return timestamp.format(value);
}

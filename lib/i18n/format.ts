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
const time = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: zone });

export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

export function formatTime(date: Date): string {
  return time.format(date);
}

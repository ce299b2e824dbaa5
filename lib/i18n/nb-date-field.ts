/** Every date field's words (app/_components/date-field.tsx, lib/i18n/date-input.ts). */
export const nbDateField = {
  hint: 'dd.mm.åååå',
  invalid: 'Skriv datoen som dd.mm.åååå, for eksempel 04.03.2027.',
  /** The two parts of a date-and-time field (a meeting's start). */
  date: 'Dato',
  time: 'Klokkeslett',
  timeHint: 'tt:mm',
  invalidTime: 'Skriv klokkeslettet som tt:mm, for eksempel 09:30.',
};

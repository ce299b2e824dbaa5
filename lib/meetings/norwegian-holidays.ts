import { DateTime } from 'luxon';
import type { WorkingDayRule } from './meeting-schedule';
import { osloZone } from '../time/oslo-zone';

/**
 * Norwegian public holidays (helligdager and lovfestede høytidsdager): the
 * fixed ones, and the ones that move with Easter — Skjærtorsdag, Langfredag,
 * 1. and 2. påskedag, Kristi himmelfartsdag, 1. and 2. pinsedag. Easter
 * Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** The year's holidays as ISO dates, with their Norwegian names. */
export function norwegianHolidays(year: number): Map<string, string> {
  const easter = DateTime.fromObject({ year, ...easterSunday(year) }, { zone: osloZone });
  const fromEaster = (days: number) => easter.plus({ days }).toISODate()!;
  const fixed = (month: number, day: number) => DateTime.fromObject({ year, month, day }).toISODate()!;
  const days: [string, string][] = [
    [fixed(1, 1), '1. nyttårsdag'],
    [fromEaster(-3), 'Skjærtorsdag'],
    [fromEaster(-2), 'Langfredag'],
    [fromEaster(0), '1. påskedag'],
    [fromEaster(1), '2. påskedag'],
    [fixed(5, 1), 'Arbeidernes dag'],
    [fixed(5, 17), 'Grunnlovsdag'],
    [fromEaster(39), 'Kristi himmelfartsdag'],
    [fromEaster(49), '1. pinsedag'],
    [fromEaster(50), '2. pinsedag'],
    [fixed(12, 25), '1. juledag'],
    [fixed(12, 26), '2. juledag'],
  ];
  // Two can fall on one day (17 May 2027 is also 2. pinsedag).
  const holidays = new Map<string, string>();
  for (const [date, name] of days) holidays.set(date, holidays.has(date) ? `${holidays.get(date)} og ${name}` : name);
  return holidays;
}

const cache = new Map<number, Map<string, string>>();

export function holidayName(day: DateTime): string | null {
  let year = cache.get(day.year);
  if (!year) cache.set(day.year, (year = norwegianHolidays(day.year)));
  return year.get(day.toISODate()!) ?? null;
}

/** Monday to Friday, except Norwegian public holidays: for meetings and submission deadlines. */
export const norwegianWorkingDays: WorkingDayRule = (day) => day.weekday <= 5 && holidayName(day) === null;

/** The Oslo calendar day `count` working days after `instant`'s day (the day itself never counts). */
export function workingDaysAfter(instant: Date, count: number, isWorkingDay: WorkingDayRule = norwegianWorkingDays): string {
  let day = DateTime.fromJSDate(instant, { zone: osloZone }).startOf('day');
  for (let left = count; left > 0;) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day)) left--;
  }
  return day.toISODate()!;
}

/** The calendar day `count` working days before the ISO date `date` (the day itself never counts). */
export function workingDaysBefore(date: string, count: number, isWorkingDay: WorkingDayRule = norwegianWorkingDays): string {
  let day = DateTime.fromISO(date, { zone: osloZone }).startOf('day');
  for (let left = count; left > 0;) {
    day = day.minus({ days: 1 });
    if (isWorkingDay(day)) left--;
  }
  return day.toISODate()!;
}

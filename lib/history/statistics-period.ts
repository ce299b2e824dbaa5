import { DateTime } from 'luxon';
import { z } from 'zod';
import { osloZone } from '../time/oslo-zone';
import { isoDateParam, optionalParam } from '../validation/query-params';
import { levelParam, type CaseLevel } from './item-level';

/** The periods a leader picks from; "egen" is a chosen from/to. */
export const periodPresets = ['3m', '6m', '12m', 'i-ar', 'i-fjor', 'egen'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

/** The statistics page's and its CSV's query string: a preset, or from/to (Oslo calendar dates). */
export const statisticsPeriodSchema = z
  .object({
    periode: optionalParam(z.enum(periodPresets)),
    fra: optionalParam(isoDateParam),
    til: optionalParam(isoDateParam),
  })
  .strict();
export type StatisticsPeriodQuery = z.infer<typeof statisticsPeriodSchema>;

/** The statistics page's and CSV's whole query string: the period and, optionally, one level (item-level.ts). */
export const statisticsQuerySchema = statisticsPeriodSchema.extend({ niva: levelParam }).strict();

/** A resolved period: the first and last Oslo day, both included, and the instants [from, until). */
export type StatisticsPeriod = { preset: PeriodPreset; fromDate: string; toDate: string; from: Date; until: Date };

/**
 * The period a query asks for, counted in Oslo days up to and including today.
 * No preset and no dates: the last twelve months (what the page always showed).
 * Dates without a preset (or other than the preset's) are a chosen period; a
 * missing end is today, a missing start a year before the end; a start after
 * the end is swapped, not refused.
 */
export function resolvePeriod(query: StatisticsPeriodQuery, now: Date): StatisticsPeriod {
  const named = presetPeriod(query, now);
  // The form sends the preset and the dates together: dates changed from the preset's own are a chosen period.
  const changed = (query.fra && query.fra !== named.fromDate) || (query.til && query.til !== named.toDate);
  return named.preset !== 'egen' && changed ? presetPeriod({ ...query, periode: 'egen' }, now) : named;
}

function presetPeriod(query: StatisticsPeriodQuery, now: Date): StatisticsPeriod {
  const today = DateTime.fromJSDate(now, { zone: osloZone }).startOf('day');
  const preset: PeriodPreset = query.periode ?? (query.fra || query.til ? 'egen' : '12m');
  let first: DateTime<boolean>;
  let last: DateTime<boolean> = today;
  if (preset === 'egen') {
    last = query.til ? DateTime.fromISO(query.til, { zone: osloZone }) : today;
    first = query.fra ? DateTime.fromISO(query.fra, { zone: osloZone }) : last.minus({ years: 1 }).plus({ days: 1 });
    if (first > last) [first, last] = [last, first];
  } else if (preset === 'i-ar') {
    first = today.startOf('year');
  } else if (preset === 'i-fjor') {
    first = today.minus({ years: 1 }).startOf('year');
    last = first.endOf('year').startOf('day');
  } else {
    first = today.minus({ months: Number(preset.replace('m', '')) }).plus({ days: 1 });
  }
  return {
    preset,
    fromDate: first.toISODate()!,
    toDate: last.toISODate()!,
    from: first.toJSDate(),
    until: last.plus({ days: 1 }).startOf('day').toJSDate(),
  };
}

/** The query string that asks for this period (and level) again (the CSV link, the form's values). */
export function periodQuery(period: StatisticsPeriod, level?: CaseLevel): string {
  const params = new URLSearchParams(period.preset === 'egen' ? { fra: period.fromDate, til: period.toDate } : { periode: period.preset });
  if (level) params.set('niva', level);
  return params.toString();
}

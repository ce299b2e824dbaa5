import { describe, expect, it } from 'vitest';
import { periodQuery, resolvePeriod } from './statistics-period';

// Tuesday 1 December 2026, 00:30 in Oslo (23:30 UTC the day before): "today" is the Oslo day.
const now = new Date('2026-11-30T23:30:00Z');
const days = (q: Parameters<typeof resolvePeriod>[0]) => {
  const p = resolvePeriod(q, now);
  return [p.preset, p.fromDate, p.toDate];
};

describe('resolvePeriod', () => {
  it('is the last twelve months up to today by default', () => {
    expect(days({})).toEqual(['12m', '2025-12-02', '2026-12-01']);
    const p = resolvePeriod({}, now);
    expect(p.from.toISOString()).toBe('2025-12-01T23:00:00.000Z');
    expect(p.until.toISOString()).toBe('2026-12-01T23:00:00.000Z');
  });

  it('knows the presets', () => {
    expect(days({ periode: '3m' })).toEqual(['3m', '2026-09-02', '2026-12-01']);
    expect(days({ periode: 'i-ar' })).toEqual(['i-ar', '2026-01-01', '2026-12-01']);
    expect(days({ periode: 'i-fjor' })).toEqual(['i-fjor', '2025-01-01', '2025-12-31']);
  });

  it('takes a chosen period, filling a missing end and swapping a reversed one', () => {
    expect(days({ fra: '2026-03-01', til: '2026-05-31' })).toEqual(['egen', '2026-03-01', '2026-05-31']);
    expect(days({ fra: '2026-06-01' })).toEqual(['egen', '2026-06-01', '2026-12-01']);
    expect(days({ til: '2026-06-30' })).toEqual(['egen', '2025-07-01', '2026-06-30']);
    expect(days({ fra: '2026-05-31', til: '2026-03-01' })).toEqual(['egen', '2026-03-01', '2026-05-31']);
    // The form sends the preset with the dates: changed dates win, the preset's own dates keep the preset.
    expect(days({ periode: '12m', fra: '2026-03-01', til: '2026-05-31' })).toEqual(['egen', '2026-03-01', '2026-05-31']);
    expect(days({ periode: '3m', fra: '2026-09-02', til: '2026-12-01' })).toEqual(['3m', '2026-09-02', '2026-12-01']);
    // Summer time: 31 May ends at 22:00 UTC.
    expect(resolvePeriod({ fra: '2026-03-01', til: '2026-05-31' }, now).until.toISOString()).toBe('2026-05-31T22:00:00.000Z');
  });

  it('gives the query that asks for the period again', () => {
    expect(periodQuery(resolvePeriod({ periode: '6m' }, now))).toBe('periode=6m');
    expect(periodQuery(resolvePeriod({ fra: '2026-03-01', til: '2026-05-31' }, now))).toBe('fra=2026-03-01&til=2026-05-31');
  });
});

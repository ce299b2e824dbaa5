import { describe, expect, it } from 'vitest';
import { summarizeStatistics, type StatisticsRow } from './meeting-statistics';

const row = (fields: Partial<StatisticsRow>): StatisticsRow => ({
  meetingId: 'm1',
  meetingDate: '2026-11-03',
  purpose: 'drofting',
  level: 'individ',
  outcome: 'droftet',
  status: 'concluded',
  plannedMinutes: 15,
  usedMinutes: 20,
  caseworker: 'Sara',
  severity: 'hoy',
  benefit: 'moderat',
  resource: null,
  followUps: 0,
  followUpsDone: 0,
  ...fields,
});

describe('summarizeStatistics', () => {
  const stats = summarizeStatistics([
    row({}),
    row({ purpose: 'avklaring', outcome: 'avklart', plannedMinutes: 10, usedMinutes: 8, followUps: 2, followUpsDone: 1 }),
    row({ meetingId: 'm2', meetingDate: '2026-11-05', outcome: 'utsatt', usedMinutes: null, caseworker: 'Sindre', severity: null }),
    row({
      meetingId: 'm2',
      meetingDate: '2026-11-05',
      outcome: null,
      status: 'carried_over',
      usedMinutes: null,
      caseworker: null,
      level: 'tjeneste',
    }),
  ]);

  it('counts items per meeting in date order, and the purpose and outcome mix', () => {
    expect(stats.itemsPerMeeting).toEqual([
      { date: '2026-11-03', items: 2 },
      { date: '2026-11-05', items: 2 },
    ]);
    expect(stats.purposeMix).toEqual({ orientering: 0, drofting: 3, avklaring: 1 });
    expect(stats.outcomeMix).toMatchObject({ droftet: 1, avklart: 1, utsatt: 1, none: 1 });
  });

  it('counts items per level, an item without a case as none', () => {
    expect(stats.levelMix).toEqual({ individ: 3, tjeneste: 1, politisk: 0, none: 0 });
    expect(summarizeStatistics([row({ level: null }), row({ level: 'politisk' })]).levelMix).toEqual({
      individ: 0,
      tjeneste: 0,
      politisk: 1,
      none: 1,
    });
  });

  it('averages time used against planned per purpose over the items that have both', () => {
    expect(stats.timeByPurpose).toEqual([
      { purpose: 'orientering', planned: 0, used: 0, items: 0 },
      { purpose: 'drofting', planned: 15, used: 20, items: 1 },
      { purpose: 'avklaring', planned: 10, used: 8, items: 1 },
    ]);
  });

  it('averages the minutes per item over every item with a used time, to one decimal', () => {
    expect(stats.minutesPerItem).toEqual({ planned: 12.5, used: 14 });
    expect(summarizeStatistics([row({ usedMinutes: 7 }), row({ usedMinutes: 7 }), row({ usedMinutes: 8 })]).minutesPerItem).toEqual({
      planned: 15,
      used: 7.3,
    });
    expect(summarizeStatistics([row({ usedMinutes: null })]).minutesPerItem).toBeNull();
  });

  it('gives the postponement rate, criteria levels, outcomes by severity and caseworker, and follow-up completion', () => {
    expect(stats.postponementRate).toBe(0.5);
    expect(stats.criteriaMix.alvorlighet).toEqual({ lav: 0, moderat: 0, hoy: 3, unknown: 1 });
    expect(stats.criteriaMix.ressurs.unknown).toBe(4);
    expect(stats.outcomeBySeverity.hoy).toMatchObject({ droftet: 1, avklart: 1, none: 1 });
    expect(stats.outcomeByCaseworker.map((c) => c.caseworker)).toEqual(['Sara', 'Sindre']);
    expect(stats.followUps).toEqual({ total: 2, done: 1, rate: 0.5 });
    expect(stats.outcomeByMonth).toEqual([
      { month: '2026-11', outcomes: { tatt_til_orientering: 0, droftet: 1, avklart: 1, utsatt: 1, henvist: 0, none: 1 } },
    ]);
  });
});

import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { calendarFeed } from './calendar-feed';

describe('a unit’s calendar feed', () => {
  it('words each meeting in Norwegian with the deadline in Oslo time, and marks a cancelled one', () => {
    const text = calendarFeed(
      'Enhet for miljøarbeidertjenester',
      [
        {
          id: 'm1',
          // Thursday 3 December 2026 10:00 in Oslo; the deadline is Tuesday 15:00.
          startsAt: new Date('2026-12-03T09:00:00Z'),
          endsAt: new Date('2026-12-03T10:30:00Z'),
          submissionDeadline: new Date('2026-12-01T14:00:00Z'),
          status: 'planned',
          location: 'Rom 2',
          seriesName: null,
        },
        {
          id: 'm2',
          startsAt: new Date('2026-12-31T23:50:00Z'),
          endsAt: new Date('2027-01-01T00:50:00Z'),
          submissionDeadline: new Date('2026-12-30T11:00:00Z'),
          status: 'cancelled',
          location: null,
          seriesName: 'Nyttårsmøte',
        },
      ],
      'https://samlet.example/',
    );
    const events = Object.values(ical.sync.parseICS(text)).filter((e) => e?.type === 'VEVENT') as VEvent[];
    const [first, second] = ['m1@samlet', 'm2@samlet'].map((uid) => events.find((e) => e.uid === uid)!);
    expect(first.summary).toBe('Saksmøte – Enhet for miljøarbeidertjenester');
    expect(first.description).toBe(
      'Frist for innmelding av saker: tirsdag 1. desember kl. 15:00.\nMøterommet i Samlet: https://samlet.example/moter/m1/rom',
    );
    expect(second.summary).toBe('Nyttårsmøte – Enhet for miljøarbeidertjenester');
    expect(second.status).toBe('CANCELLED');
    expect(new Date(second.start).toISOString()).toBe('2026-12-31T23:50:00.000Z');
  });
});

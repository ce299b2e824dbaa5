import { describe, expect, it } from 'vitest';
import { draftDue, proposedMeeting, type ComingMeeting } from './reassessment-plan';
import { workingDaysBefore } from '../meetings/norwegian-holidays';

// Tuesdays and Thursdays at 10:00 Oslo (09:00 UTC in winter), deadline two days before at 12:00.
const meeting = (id: string, day: string): ComingMeeting => ({
  id,
  startsAt: new Date(`${day}T09:00:00Z`),
  submissionDeadline: new Date(new Date(`${day}T11:00:00Z`).getTime() - 2 * 24 * 3600_000),
});
const coming = [meeting('tue-12-08', '2026-12-08'), meeting('thu-12-10', '2026-12-10'), meeting('tue-12-15', '2026-12-15')];
const now = new Date('2026-12-02T08:00:00Z');

describe('proposedMeeting', () => {
  it('is the last coming meeting before the re-assessment date', () => {
    expect(proposedMeeting('2026-12-15', coming, now)?.id).toBe('thu-12-10');
    expect(proposedMeeting('2026-12-11', coming, now)?.id).toBe('thu-12-10');
    expect(proposedMeeting('2026-12-10', coming, now)?.id).toBe('tue-12-08');
  });

  it('skips a meeting whose submission deadline has passed', () => {
    const late = new Date('2026-12-08T12:00:00Z'); // after the 8th's and the 10th's deadlines
    expect(proposedMeeting('2026-12-20', coming, late)?.id).toBe('tue-12-15');
  });

  it('takes the first coming meeting when none starts before the date (a date near or past)', () => {
    expect(proposedMeeting('2026-12-08', coming, now)?.id).toBe('tue-12-08');
    expect(proposedMeeting('2026-11-20', coming, now)?.id).toBe('tue-12-08');
  });

  it('proposes nothing while the date lies beyond the generated meetings, or when no meeting comes', () => {
    expect(proposedMeeting('2027-03-01', coming, now)).toBeNull();
    expect(proposedMeeting('2026-12-15', [], now)).toBeNull();
  });
});

describe('draftDue', () => {
  it('is due ten working days before the proposed meeting’s submission deadline, not a day earlier', () => {
    // The meeting of Tuesday 26 January 2027, deadline Sunday the 24th: ten working days before is Monday the 11th.
    const january = meeting('tue-01-26', '2027-01-26');
    expect(workingDaysBefore('2027-01-24', 10)).toBe('2027-01-11');
    expect(draftDue('2027-02-01', january, new Date('2027-01-10T22:59:00Z'))).toBe(false); // 23:59 in Oslo on the 10th
    expect(draftDue('2027-02-01', january, new Date('2027-01-10T23:00:00Z'))).toBe(true); // 00:00 in Oslo on the 11th
  });

  it('without a meeting, is due ten working days before the date (holidays do not count)', () => {
    // 10 working days before Friday 15 January 2027: 1 January is a holiday, so Thursday 31 December.
    expect(workingDaysBefore('2027-01-15', 10)).toBe('2026-12-31');
    expect(draftDue('2027-01-15', null, new Date('2026-12-30T22:59:00Z'))).toBe(false);
    expect(draftDue('2027-01-15', null, new Date('2026-12-30T23:00:00Z'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { countByOwner, osloToday, type FollowUpRow } from './follow-up-overview';

const row = (ownerId: string, owner: string, overdue: boolean, done = false): FollowUpRow => ({
  id: `${ownerId}-${Math.random()}`,
  description: 'x',
  owner,
  ownerId,
  dueDate: null,
  overdue,
  done,
  caseTitle: null,
  meetingId: 'm',
  meetingDate: new Date('2026-11-17T09:00:00Z'),
  unitName: 'u',
  canComplete: false,
  closedByMark: false,
});

describe('countByOwner', () => {
  it('counts open and overdue follow-ups per owner, most overdue first, done ones left out', () => {
    expect(countByOwner([row('a', 'Åse', false), row('b', 'Bjørn', true), row('b', 'Bjørn', false), row('a', 'Åse', true, true)])).toEqual([
      { owner: 'Bjørn', open: 2, overdue: 1 },
      { owner: 'Åse', open: 1, overdue: 0 },
    ]);
  });
});

describe('osloToday', () => {
  it('is the calendar date in Oslo, not in UTC', () => {
    expect(osloToday(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(osloToday(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(osloToday(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});

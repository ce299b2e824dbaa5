import { describe, expect, it } from 'vitest';
import { workingDaysAfter } from '../meetings/norwegian-holidays';
import { heldOn } from './held-on';

describe('the date a meeting dealt with its cases', () => {
  it('is the day it closed, so a meeting opened early is not said to be held after its EPJ deadline', () => {
    const meeting = { startsAt: new Date('2026-12-08T09:00:00Z'), closedAt: new Date('2026-12-02T14:00:00Z') };
    expect(heldOn(meeting)).toBe('2026-12-02');
    expect(workingDaysAfter(meeting.closedAt, 3) >= heldOn(meeting)).toBe(true);
  });

  it('is the planned date, in Oslo, when the meeting has not closed', () => {
    expect(heldOn({ startsAt: new Date('2026-12-07T23:30:00Z'), closedAt: null })).toBe('2026-12-08');
  });
});

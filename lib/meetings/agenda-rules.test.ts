import { describe, expect, it } from 'vitest';
import { closeItemProblems, moveItem, plannedSchedule, reconcileAgenda, splitAList, unfinishedItems } from './agenda-rules';

describe('reconcileAgenda', () => {
  it('adds submitted cases at the end with minutes by purpose, and drops withdrawn ones not yet discussed', () => {
    const items = [
      { id: 'i1', caseId: 'c1', position: 1, plannedMinutes: 15, status: 'pending' },
      { id: 'i2', caseId: 'c2', position: 2, plannedMinutes: 5, status: 'pending' },
      { id: 'i3', caseId: null, position: 3, plannedMinutes: 10, status: 'pending' },
      { id: 'i4', caseId: 'c4', position: 4, plannedMinutes: 10, status: 'concluded' },
    ];
    const cases = [
      { id: 'c1', purpose: 'drofting', acceptedLate: false },
      { id: 'c5', purpose: 'avklaring', acceptedLate: true },
      { id: 'c6', purpose: 'orientering', acceptedLate: false },
    ];
    expect(reconcileAgenda(items, cases)).toEqual({
      create: [
        { caseId: 'c5', purpose: 'avklaring', plannedMinutes: 10, reason: 'accepted_late', position: 5, aList: false },
        // For information only: it starts on the A-list.
        { caseId: 'c6', purpose: 'orientering', plannedMinutes: 5, reason: 'submitted', position: 6, aList: true },
      ],
      remove: ['i2'], // c2 left the meeting; the ad-hoc item and the concluded one stay
    });
  });
});

describe('splitAList', () => {
  it('lists the A-list apart, each part keeping the chair order', () => {
    const items = [
      { id: 'a', aList: false },
      { id: 'b', aList: true },
      { id: 'c', aList: false },
      { id: 'd', aList: true },
    ];
    const { aList, rest } = splitAList(items);
    expect(aList.map((i) => i.id)).toEqual(['b', 'd']);
    expect(rest.map((i) => i.id)).toEqual(['a', 'c']);
  });
});

describe('moveItem', () => {
  it('moves an item up, down and clamps at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 'x', 0)).toEqual(['a', 'b']);
  });
});

describe('plannedSchedule', () => {
  it('sums the minutes and reports overrun against the slot', () => {
    const start = new Date('2026-11-24T09:00:00Z');
    const end = new Date('2026-11-24T10:30:00Z');
    const fits = plannedSchedule(start, end, [{ plannedMinutes: 45 }, { plannedMinutes: 45 }]);
    expect(fits).toEqual({ totalMinutes: 90, plannedEnd: end, overrunMinutes: 0 });
    expect(plannedSchedule(start, end, [{ plannedMinutes: 100 }]).overrunMinutes).toBe(10);
  });
});

describe('closeItemProblems', () => {
  it('requires an outcome always, and for avklaring a conclusion and an owner', () => {
    expect(closeItemProblems('orientering', {})).toEqual(['outcome_required']);
    expect(closeItemProblems('orientering', { outcome: 'tatt_til_orientering' })).toEqual([]);
    expect(closeItemProblems('avklaring', { outcome: 'avklart' })).toEqual(['conclusion_required', 'owner_required']);
    expect(
      closeItemProblems('avklaring', {
        outcome: 'avklart',
        conclusion: 'Innvilges.',
        followUps: [{ ownerId: 'u1', description: 'Fatte vedtak' }],
      }),
    ).toEqual([]);
    expect(closeItemProblems('drofting', { outcome: 'henvist' })).toEqual(['referral_target_required']);
  });
});

describe('unfinishedItems', () => {
  it('carries over postponed items and cases never locked', () => {
    const items = [
      { id: 'a', status: 'pending', locked: false, caseId: 'c1' },
      { id: 'b', status: 'postponed', locked: true, caseId: 'c2' },
      { id: 'c', status: 'concluded', locked: true, caseId: 'c3' },
    ];
    expect(unfinishedItems(items).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('leaves a matter added for this meeting alone (no case) behind unless the chair postponed it', () => {
    const items = [
      { id: 'eventuelt', status: 'pending', locked: false, caseId: null },
      { id: 'postponed', status: 'postponed', locked: true, caseId: null },
    ];
    expect(unfinishedItems(items).map((i) => i.id)).toEqual(['postponed']);
  });

  it('carries over a leader case never dealt with, as a case', () => {
    const items = [
      { id: 'leader', status: 'pending', locked: false, caseId: null, leaderCaseId: 'l1' },
      { id: 'done', status: 'concluded', locked: true, caseId: null, leaderCaseId: 'l2' },
      { id: 'eventuelt', status: 'pending', locked: false, caseId: null, leaderCaseId: null },
    ];
    expect(unfinishedItems(items).map((i) => i.id)).toEqual(['leader']);
  });
});

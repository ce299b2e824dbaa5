import { describe, expect, it } from 'vitest';
import {
  abandonedFrom,
  batchHistories,
  dueHistories,
  groupHistories,
  isAbandonedDraft,
  isOpenCase,
  retentionCutoff,
  type CaseFactsForRetention,
  type History,
} from './retention-rules';

const now = new Date('2026-11-23T10:00:00Z');
const at = (iso: string) => new Date(iso);
const c = (
  id: string,
  personRef: string,
  status: string,
  closedAt: string | null,
  unitId = 'u1',
  lastActivity?: string,
): CaseFactsForRetention => ({
  id,
  unitId,
  personRef,
  status,
  closedAt: closedAt ? at(closedAt) : null,
  lastActivityAt: at(lastActivity ?? closedAt ?? '2026-11-01'),
});

describe('retention rules', () => {
  it('groups by person reference within a unit (case and spaces ignored); a case without one stands alone', () => {
    const groups = groupHistories([
      c('a', 'EPJ 1', 'concluded', '2024-01-01'),
      c('b', ' epj 1', 'withdrawn', '2024-02-01'),
      c('c', 'EPJ 1', 'concluded', '2024-01-01', 'u2'),
      c('d', '', 'concluded', '2024-01-01'),
      c('e', '', 'concluded', '2024-01-01'),
    ]);
    expect(groups.map((g) => g.caseIds)).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
    expect(groups[0].lastClosedAt).toEqual(at('2024-02-01'));
  });

  it('is due when the last conclusion is the given number of calendar months back, and nothing is open', () => {
    expect(retentionCutoff(now, 24).toISOString()).toBe('2024-11-23T10:00:00.000Z');
    const cases = [
      c('old', 'EPJ 1', 'concluded', '2024-11-01'),
      c('recent', 'EPJ 2', 'concluded', '2024-12-01'),
      c('old-but-reassessed', 'EPJ 3', 'concluded', '2023-01-01'),
      c('reassessed', 'EPJ 3', 'concluded', '2026-01-01'),
      c('old-but-open', 'EPJ 4', 'concluded', '2022-01-01'),
      c('open', 'EPJ 4', 'draft', null),
      c('withdrawn', '', 'withdrawn', '2020-05-05'),
    ];
    expect(dueHistories(cases, now, 24).flatMap((h) => h.caseIds)).toEqual(['old', 'withdrawn']);
    expect(dueHistories(cases, now, 0)).toEqual([]);
    expect(dueHistories(cases, now, 1).flatMap((h) => h.caseIds)).toEqual([
      'old',
      'recent',
      'old-but-reassessed',
      'reassessed',
      'withdrawn',
    ]);
  });

  it('batches due histories into groups of at most N cases without splitting a history', () => {
    const h = (key: string, cases: number): History => ({
      key,
      caseIds: Array.from({ length: cases }, (_, i) => `${key}${i}`),
      lastClosedAt: at('2020-01-01'),
      open: false,
    });
    const batches = batchHistories([h('a', 2), h('b', 2), h('c', 1), h('d', 5), h('e', 1)], 4);
    expect(batches.map((b) => b.map((x) => x.key))).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
    expect(batchHistories([], 4)).toEqual([]);
    // Every case once, in order.
    expect(batches.flat().flatMap((x) => x.caseIds)).toEqual(['a0', 'a1', 'b0', 'b1', 'c0', 'd0', 'd1', 'd2', 'd3', 'd4', 'e0']);
  });

  it('counts a draft nobody has worked on for the whole period as abandoned: it keeps nothing open and goes with the history', () => {
    const cases = [
      c('old', 'EPJ 5', 'concluded', '2022-01-01'),
      c('abandoned', 'EPJ 5', 'draft', null, 'u1', '2024-06-01'),
      c('draft-only', 'EPJ 6', 'draft', null, 'u1', '2023-03-01'),
      c('old-too', 'EPJ 7', 'concluded', '2022-01-01'),
      c('worked-on', 'EPJ 7', 'draft', null, 'u1', '2026-10-01'),
      c('submitted-long-ago', 'EPJ 8', 'submitted', null, 'u1', '2023-01-01'),
    ];
    expect(dueHistories(cases, now, 24).map((h) => h.caseIds)).toEqual([['old', 'abandoned'], ['draft-only']]);
    const cutoff = retentionCutoff(now, 24);
    expect([isOpenCase(cases[1], cutoff), isOpenCase(cases[4], cutoff), isOpenCase(cases[5], cutoff), isOpenCase(cases[1], null)]).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it('tells from when an untouched draft counts as abandoned, the inverse of the cutoff', () => {
    const last = at('2025-03-31T08:00:00Z');
    expect(abandonedFrom(last, 24).toISOString()).toBe('2027-03-31T08:00:00.000Z');
    expect(isAbandonedDraft({ status: 'draft', lastActivityAt: last }, retentionCutoff(abandonedFrom(last, 24), 24))).toBe(true);
    expect(
      isAbandonedDraft({ status: 'draft', lastActivityAt: last }, retentionCutoff(new Date(abandonedFrom(last, 24).getTime() - 1000), 24)),
    ).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { computeEvidence, shown, type EvidenceItem } from './case-evidence';

const item = (over: Partial<EvidenceItem> & { caseId: string }): EvidenceItem => ({
  meetingDate: '2026-10-06',
  outcome: 'avklart',
  status: 'concluded',
  severity: 'hoy',
  firstSubmittedDate: '2026-10-01',
  followUps: [],
  ...over,
});
const many = (n: number, over: Partial<EvidenceItem> = {}, prefix = 'c') =>
  Array.from({ length: n }, (_, i) => item({ caseId: `${prefix}${i}`, ...over }));

describe('evidence from the unit’s own cases', () => {
  it('shows one to four as "under 5", zero and five as they are', () => {
    expect([0, 1, 4, 5, 12].map(shown)).toEqual([0, 'under_5', 'under_5', 5, 12]);
  });

  it('counts cases, not meetings: a case postponed once and then concluded is one case, one postponement', () => {
    const items = [
      ...many(5),
      item({ caseId: 'p', meetingDate: '2026-09-01', outcome: 'utsatt', status: 'postponed', severity: 'moderat' }),
      item({ caseId: 'p', meetingDate: '2026-09-08', outcome: 'avklart', severity: 'moderat' }),
    ];
    const figures = computeEvidence(items);
    expect(figures.cases).toBe(6);
    expect(figures.postponedCases).toBe('under_5');
    expect(figures.postponements).toBe('under_5');
    // Its last outcome counts: clarified, at moderate severity — one case, so hidden.
    expect(figures.outcomeBySeverity.moderat.avklart).toBe('under_5');
    expect(figures.outcomeBySeverity.moderat.utsatt).toBe(0);
  });

  it('hides a second cell when one hidden cell could be worked out from the total', () => {
    const figures = computeEvidence([...many(7, { severity: 'hoy' }), ...many(2, { severity: 'lav' }, 'l')]);
    expect(figures.cases).toBe(9);
    expect(figures.outcomeBySeverity.lav.avklart).toBe('under_5');
    expect(figures.outcomeBySeverity.hoy.avklart).toBe('hidden');
  });

  it('waits from the first submission to the meeting that concluded it; the median only over five or more', () => {
    const waits = [2, 5, 10, 20, 40];
    const items = waits.map((d, i) =>
      item({
        caseId: `w${i}`,
        firstSubmittedDate: '2026-10-01',
        meetingDate: new Date(Date.UTC(2026, 9, 1 + d)).toISOString().slice(0, 10),
      }),
    );
    const figures = computeEvidence(items);
    expect(figures.waiting.concluded).toBe(5);
    expect(figures.waiting.medianDays).toBe(10);
    expect(figures.waiting.buckets).toEqual({ '0-7': 'under_5', '8-14': 'under_5', '15-30': 'under_5', '31+': 'under_5' });
    expect(computeEvidence(items.slice(0, 4)).waiting.medianDays).toBe('under_5');
    // A case still postponed at the end of the period has not waited to a conclusion.
    expect(computeEvidence([item({ caseId: 'x', outcome: 'utsatt' })]).waiting.concluded).toBe(0);
  });

  it('counts follow-ups not done, and those past their due date', () => {
    const followUps = [
      ...Array.from({ length: 6 }, () => ({ done: true, overdue: false })),
      ...Array.from({ length: 5 }, () => ({ done: false, overdue: true })),
      { done: false, overdue: false },
    ];
    expect(computeEvidence([item({ caseId: 'f', followUps })]).followUps).toEqual({ total: 12, notDone: 6, overdue: 5 });
  });
});

import { describe, expect, it } from 'vitest';
import { caseSections, formProgress, formSections } from './case-sections';
import { textFields } from './case-form';

describe('formProgress', () => {
  it('counts the fields with content per section, fields behind a no not at all', () => {
    const progress = formProgress({ personRef: 'P-1', facts: '  ', caseType: 'ny', hasOngoingDecision: false, ongoingDecisionWhat: 'x' });
    expect(progress.find((s) => s.key === 'about')).toMatchObject({ filled: 2, total: 11 });
    expect(progress.find((s) => s.key === 'current')).toMatchObject({ filled: 0, total: 3 });
    const yes = formProgress({ hasOngoingDecision: true, ongoingDecisionWhat: 'Avlastning' });
    expect(yes.find((s) => s.key === 'current')).toMatchObject({ filled: 2, total: 6 });
  });

  it('an empty form has nothing filled anywhere', () => {
    expect(formProgress({}).every((s) => s.filled === 0 && s.total > 0)).toBe(true);
  });

  it('every text field of the form belongs to a section', () => {
    const listed = new Set<string>(formSections.flatMap((s) => s.entries.map((e) => e.field)));
    expect(textFields.filter((field) => !listed.has(field))).toEqual([]);
  });

  it('the case view lists the same fields as the form, without the person reference that heads it', () => {
    const form = formSections.flatMap((s) => s.entries.map((e) => e.field)).filter((f) => f !== 'personRef');
    expect(caseSections.flatMap((s) => s.entries.map((e) => e.field))).toEqual(form);
    expect(caseSections.map((s) => s.key)).toEqual(formSections.map((s) => s.key));
  });

  it('a field behind a yes counts once the yes is given, the urgent mark never', () => {
    const assessment = (content: Record<string, unknown>) => formProgress(content).find((s) => s.key === 'assessment');
    expect(assessment({ urgent: true })).toMatchObject({ filled: 0, total: 10 });
    expect(formProgress({ ethicalDilemma: true, smeProblem: 'x' }).find((s) => s.key === 'ethics')).toMatchObject({ filled: 2, total: 7 });
    expect(formProgress({ childrenAffected: false, barnetsBeste: 'x' }).find((s) => s.key === 'children')).toMatchObject({ total: 1 });
  });
});

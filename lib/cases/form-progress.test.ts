import { describe, expect, it } from 'vitest';
import { formProgress, formSections } from './form-progress';
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
    const listed = new Set(formSections.flatMap((s) => s.groups.flatMap((g) => g.fields)));
    expect(textFields.filter((field) => !listed.has(field))).toEqual([]);
  });
});

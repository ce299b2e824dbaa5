import { describe, expect, it } from 'vitest';
import { caseReadiness, isReady } from './case-readiness';

describe('caseReadiness', () => {
  it('names the empty sections, the missing holistic assessment and the missing purpose', () => {
    const readiness = caseReadiness({ question: 'Hvor mange timer?', facts: 'Bor alene.' });
    expect(readiness).toEqual({ emptySections: ['current', 'assessment', 'alternatives'], noAssessment: true, noPurpose: true });
    expect(isReady(readiness)).toBe(false);
  });

  it('never counts a yes/no section left at no as missing, and is ready when the rest is there', () => {
    const readiness = caseReadiness({
      question: 'Hvor mange timer?',
      services: 'Hjemmetjeneste 4 t/uke',
      alvorlighetReasons: 'Moderat.',
      samletVurdering: 'Samlet sett moderat behov.',
      personView: 'Ønsker mer hjelp.',
      purpose: 'drofting',
      childrenAffected: false,
    });
    expect(readiness).toEqual({ emptySections: [], noAssessment: false, noPurpose: false });
    expect(isReady(readiness)).toBe(true);
  });
});

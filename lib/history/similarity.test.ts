import { describe, expect, it } from 'vitest';
import { mostSimilar, similarity, type CaseProfile } from './similarity';

const profile = (text: string, extra: Partial<CaseProfile> = {}): CaseProfile => ({
  caseType: 'endring',
  level: 'individ',
  severity: 'hoy',
  benefit: 'hoy',
  resource: 'moderat',
  text,
  ...extra,
});

describe('similar cases', () => {
  const target = profile('Økning av BPA etter fall og brudd; trenger hjelp til påkledning og matlaging i opptreningsperioden.');
  const fixture = {
    twin: profile('Økt BPA etter brudd i hoften; trenger hjelp til påkledning og matlaging mens hun trener opp funksjonen.'),
    sameTextOtherProfile: profile('Økning av BPA etter fall; hjelp til påkledning og matlaging.', {
      severity: 'lav',
      benefit: 'lav',
      resource: 'hoy',
      caseType: 'ny_soknad',
    }),
    sameProfileOtherText: profile('Avlastning for foreldre til barn med autisme, helgeavlastning i bolig.'),
    unrelated: profile('Trygghetsalarm til eldre som bor alene.', {
      severity: 'lav',
      benefit: 'moderat',
      resource: 'lav',
      caseType: 'annet',
      level: 'tjeneste',
    }),
  };

  it('ranks the known neighbours: text and profile alike first, unrelated last', () => {
    const ranked = mostSimilar(target, Object.values(fixture), 4).map(
      (r) => Object.entries(fixture).find(([, p]) => p === r.candidate)![0],
    );
    expect(ranked[0]).toBe('twin');
    expect(ranked[3]).toBe('unrelated');
  });

  it('weighs a shared criteria profile, so the same words with opposite levels rank below the twin', () => {
    expect(similarity(target, fixture.twin)).toBeGreaterThan(similarity(target, fixture.sameTextOtherProfile));
    expect(similarity(target, fixture.sameProfileOtherText)).toBeGreaterThan(similarity(target, fixture.unrelated));
  });

  it('is 1 for a case and itself, and symmetric', () => {
    expect(similarity(target, target)).toBeCloseTo(1);
    expect(similarity(fixture.twin, target)).toBeCloseTo(similarity(target, fixture.twin));
  });
});

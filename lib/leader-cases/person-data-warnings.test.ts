import { describe, expect, it } from 'vitest';
import { leaderCaseWarnings, personDataWarning } from './person-data-warnings';

describe('person data in a leader case', () => {
  it('warns about a national identity number, an EPJ reference and a pseudonymous person reference', () => {
    expect(personDataWarning('Gjelder 15039212258')).toBe('national_id');
    expect(personDataWarning('som i EPJ 2025/0712')).toBe('person_reference');
    expect(personDataWarning('jf. P-4821 sin sak')).toBe('person_reference');
    expect(personDataWarning('12 søknader om støttekontakt i 2026, opp fra 7')).toBeNull();
  });

  it('puts the guard against one criterion carrying the decision on the holistic assessment', () => {
    const warnings = leaderCaseWarnings({
      ressursReasons: 'Ressursbruken er lav fordi vi flytter to årsverk.',
      samletVurdering: 'Ressursbruken er lav fordi vi flytter to årsverk.',
      situation: 'Se EPJ 2025/0712',
    });
    expect(warnings.samletVurdering).toEqual(['few_criteria', 'copy_of_one']);
    expect(warnings.situation).toEqual(['person_reference']);
    expect(leaderCaseWarnings({ samletVurdering: 'Alvorligheten er høy, nytten stor og ressursbruken rimelig.' })).toEqual({});
  });
});

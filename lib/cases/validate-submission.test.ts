import { describe, expect, it } from 'vitest';
import { caseContentSchema } from './case-form';
import { checkSubmission, criteriaMentioned } from './validate-submission';

const complete = {
  personRef: 'EPJ 2025/1183',
  caseType: 'revurdering',
  question: 'Er 12 timer i uka forsvarlig?',
  facts: 'Flyttet til egen bolig i mars.',
  proposal: 'Øke til 12 timer, revurdere om seks måneder.',
  alvorlighetReasons: 'Risiko for tap av mestring i egen bolig.',
  nytteReasons: 'Stor forventet nytte for mestring av hverdagen.',
  ressursReasons: 'Krever 4 timer mer personell per uke.',
  samletVurdering: 'Alvorlighet og nytte veier tyngre enn ressursbruken; økningen er forsvarlig.',
  purpose: 'avklaring',
} as const;

describe('checkSubmission', () => {
  it('accepts a complete case without warnings', () => {
    expect(checkSubmission(complete)).toEqual({ errors: {}, warnings: {} });
  });

  it('names every missing required field', () => {
    const { errors } = checkSubmission({});
    expect(Object.keys(errors).sort()).toEqual(
      [
        'alvorlighetReasons',
        'caseType',
        'facts',
        'nytteReasons',
        'personRef',
        'proposal',
        'purpose',
        'question',
        'ressursReasons',
        'samletVurdering',
      ].sort(),
    );
    expect(checkSubmission({ ...complete, facts: '   ' }).errors).toEqual({ facts: 'required' });
    // A choice left open says so in its own key ("Velg …", not "Fyll ut").
    expect(checkSubmission({ ...complete, caseType: undefined, purpose: undefined }).errors).toEqual({
      caseType: 'required_choice',
      purpose: 'required_choice',
    });
  });

  it('requires barnets beste when children are affected', () => {
    expect(checkSubmission({ ...complete, childrenAffected: true }).errors).toEqual({ barnetsBeste: 'required_children' });
    expect(checkSubmission({ ...complete, childrenAffected: true, barnetsBeste: 'Stabil voksenkontakt er viktig.' }).errors).toEqual({});
  });

  it('refuses a national identity number as the person reference and in any text field, naming the field', () => {
    const result = checkSubmission({ ...complete, personRef: '15039212258', facts: 'Fnr 150392 12258 står i søknaden' });
    expect(result.errors).toEqual({ personRef: 'national_id_not_allowed', facts: 'national_id' });
    expect(result.warnings).toEqual({});
    expect(checkSubmission({ ...complete, smeFacts: 'mor: 15.03.92 12258' }).errors).toEqual({ smeFacts: 'national_id' });
    // Numbers that fail the validator's checks are no reason to refuse.
    expect(checkSubmission({ ...complete, facts: 'Konto 15039212259, tlf 22 33 44 55' }).errors).toEqual({});
  });

  it('lets an overridden number through, but not a new one in the same field, and never in the reference', () => {
    const overridden = (field: string, digits: string) => field === 'facts' && digits === '15039212258';
    expect(checkSubmission({ ...complete, facts: 'Nr 15039212258' }, overridden).errors).toEqual({});
    expect(checkSubmission({ ...complete, proposal: 'Nr 15039212258' }, overridden).errors).toEqual({ proposal: 'national_id' });
    expect(checkSubmission({ ...complete, facts: 'Nr 15039212258 og 01010012356' }, overridden).errors).toEqual({ facts: 'national_id' });
    expect(checkSubmission({ ...complete, personRef: '15039212258' }, () => true).errors).toEqual({ personRef: 'national_id_not_allowed' });
  });

  it('warns when the holistic assessment names fewer than two criteria, or copies one', () => {
    expect(checkSubmission({ ...complete, samletVurdering: 'Tiltaket er forsvarlig.' }).warnings.samletVurdering).toEqual(['few_criteria']);
    const copy = checkSubmission({ ...complete, samletVurdering: 'Stor forventet nytte for mestring av hverdagen!' });
    expect(copy.warnings.samletVurdering).toEqual(['few_criteria', 'copy_of_one']);
  });
});

describe('criteriaMentioned', () => {
  it('recognises the criteria by their stems', () => {
    expect(criteriaMentioned('Alvorlig situasjon, nyttig tiltak')).toEqual(['alvorlighet', 'nytte']);
    expect(criteriaMentioned('ressursbruken er lav')).toEqual(['ressurs']);
  });
});

describe('caseContentSchema', () => {
  it('accepts a partial draft and refuses unknown fields, options and oversized text', () => {
    expect(caseContentSchema.safeParse({ question: 'Hva?' }).success).toBe(true);
    expect(caseContentSchema.safeParse({ nickname: 'x' }).success).toBe(false);
    expect(caseContentSchema.safeParse({ purpose: 'vedtak' }).success).toBe(false);
    expect(caseContentSchema.safeParse({ nytteFactors: ['ukjent'] }).success).toBe(false);
    expect(caseContentSchema.safeParse({ facts: 'x'.repeat(20_001) }).success).toBe(false);
    expect(caseContentSchema.safeParse({ personRef: 'x'.repeat(41) }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { itemNationalIdProblems } from './national-id-fields';
import { formatNationalIdReport } from './national-id-report';

describe('itemNationalIdProblems', () => {
  it('names each item field and the follow-ups holding a number; overridden numbers pass', () => {
    const item = { notes: 'Ring 22 33 44 55', conclusion: 'Gjelder 15039212258.', followUps: [{ description: 'Sjekk 15.03.92 12258' }] };
    expect(itemNationalIdProblems(item)).toEqual(['national_id_conclusion', 'national_id_followUps']);
    expect(itemNationalIdProblems(item, (field) => field === 'conclusion')).toEqual(['national_id_followUps']);
    expect(itemNationalIdProblems({ conclusion: 'Gjelder 15039212259.' })).toEqual([]);
  });
});

describe('formatNationalIdReport', () => {
  it('names unit, place and fields, never a number', () => {
    const lines = formatNationalIdReport(
      [{ unitId: 'u1', where: 'case-version', id: 'c1', caseId: 'c1', detail: 'version 2', fields: ['facts'] }],
      new Map([['u1', 'Enhet A']]),
    );
    expect(lines).toEqual([
      'Unit Enhet A (u1): 1 place(s) in 1 case(s)',
      '  case-version c1 version 2: facts',
      '1 place(s) hold a national identity number. The numbers are not printed.',
    ]);
    expect(formatNationalIdReport([], new Map())).toEqual(['No stored text holds a national identity number.']);
  });
});

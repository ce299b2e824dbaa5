import { describe, expect, it } from 'vitest';
import { gerica, gericaFields } from './gerica';
import { handOffBlockKeys, type HandOffData } from './hand-off';

const data = (over: Partial<HandOffData> = {}): HandOffData => ({
  personRef: 'EPJ 2025/0712',
  caseType: 'endring',
  question: 'Økning av BPA?',
  servicesConcerned: 'BPA',
  facts: {
    facts: 'Brakk håndleddet. Fødselsnummer 15039212258 står i et gammelt notat.',
    changedNeeds: '',
    measuresTried: '',
    diagnosis: '',
    functioning: 'Klarer ikke påkledning.',
    services: '',
    situation: '',
    proposal: '28 timer i åtte uker.',
    personView: '',
    relativesView: '',
  },
  assessment: {
    alvorlighet: { level: 'hoy', reasons: 'Funksjonsfall.' },
    nytte: { level: null, reasons: 'Stor nytte på kort sikt.' },
    ressurs: { level: 'moderat', reasons: '' },
    samletVurdering: 'Forholdsmessig når økningen er tidsavgrenset.',
    childrenAffected: false,
    barnetsBeste: 'Ikke relevant',
    adjusted: { ressursLevel: 'lav', note: 'Kortere periode.' },
  },
  meeting: {
    date: '2026-11-17',
    outcome: 'avklart',
    referredTo: null,
    conclusion: 'Midlertidig økning til 28 timer.',
    dissent: '',
    epjDocumentation: true,
  },
  followUps: [{ description: 'Skriv vedtak', owner: 'Sara Saksbehandler', dueDate: '2026-11-24', done: false }],
  reassessmentDate: '2027-01-12',
  ...over,
});

describe('the Gerica mapping of the hand-off', () => {
  it('gives one block per part, in order, each with its Gerica field', () => {
    const blocks = gerica.blocks(data());
    expect(blocks.map((b) => b.key)).toEqual([...handOffBlockKeys]);
    for (const block of blocks) expect(block.target).toBe(gericaFields[block.key]);
  });

  it('writes plain "Label: value" lines, leaving empty fields out', () => {
    const [facts, assessment, conclusion, followUps, reassessment] = gerica.blocks(data());
    expect(facts.text.split('\n')).toEqual([
      'Personreferanse: EPJ 2025/0712',
      'Sakstype: Endring',
      'Spørsmål til møtet: Økning av BPA?',
      'Tjenester saken gjelder: BPA',
      'Fakta: Brakk håndleddet. Fødselsnummer 150392***** står i et gammelt notat.',
      'Fungering: Klarer ikke påkledning.',
      'Forslag: 28 timer i åtte uker.',
    ]);
    expect(assessment.text.split('\n')).toEqual([
      'Alvorlighet (høy): Funksjonsfall.',
      'Nytte: Stor nytte på kort sikt.',
      'Ressurs: moderat',
      'Samlet vurdering: Forholdsmessig når økningen er tidsavgrenset.',
      'Justert i møtet: ressurs lav',
      'Begrunnelse for justeringen: Kortere periode.',
    ]);
    expect(conclusion.text).toBe(
      'Saksmøte: 17. november 2026\nUtfall: Avklart\nKonklusjon med begrunnelse: Midlertidig økning til 28 timer.',
    );
    expect(followUps.text).toBe('- Skriv vedtak (ansvarlig: Sara Saksbehandler, frist 24. november 2026)');
    expect(reassessment.text).toBe('Vedtaket skal revurderes innen 12. januar 2027.');
  });

  it('shows each criterion’s level whenever it is set, also with no reasons written (review of issue 19)', () => {
    const [, assessment] = gerica.blocks(
      data({
        assessment: {
          ...data().assessment,
          alvorlighet: { level: 'hoy', reasons: '' },
          nytte: { level: 'hoy', reasons: '' },
          ressurs: { level: 'moderat', reasons: '' },
          adjusted: null,
        },
      }),
    );
    expect(assessment.text.split('\n')).toEqual([
      'Alvorlighet: høy',
      'Nytte: høy',
      'Ressurs: moderat',
      'Samlet vurdering: Forholdsmessig når økningen er tidsavgrenset.',
    ]);
  });

  it('never carries a national identity number, in any block', () => {
    const blocks = gerica.blocks(data({ meeting: { ...data().meeting, conclusion: 'Se 15039212258.' } }));
    for (const block of blocks) expect(block.text).not.toMatch(/15039212258/);
    expect(blocks.find((b) => b.key === 'journalNote')!.text).toContain('150392*****');
  });

  it('says so when the meeting set no follow-up and no revurdering date', () => {
    const blocks = gerica.blocks(data({ followUps: [], reassessmentDate: null }));
    expect(blocks[3].text).toBe('Ingen oppfølging avtalt i møtet.');
    expect(blocks[4].text).toBe('Møtet satte ingen dato for revurdering.');
    expect(blocks[5].text).not.toContain('Ingen oppfølging');
  });
});

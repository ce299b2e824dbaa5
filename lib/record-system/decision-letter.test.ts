import { describe, expect, it } from 'vitest';
import { nbHandOff } from '../i18n/nb-hand-off';
import { draftDecisionLetter, sentenceLengths } from './decision-letter';
import type { HandOffData } from './hand-off';

const data: HandOffData = {
  personRef: 'EPJ 2025/0712',
  caseType: 'endring',
  question: 'Økning av BPA?',
  servicesConcerned: 'Brukerstyrt personlig assistanse',
  facts: {
    facts: '',
    changedNeeds: '',
    measuresTried: '',
    diagnosis: '',
    functioning: '',
    services: '',
    situation: '',
    proposal: '',
    personView: '',
    relativesView: '',
  },
  assessment: {
    alvorlighet: { level: 'hoy', reasons: 'Funksjonsfall etter brudd.' },
    nytte: { level: 'hoy', reasons: 'Stor nytte på kort sikt.' },
    ressurs: { level: 'moderat', reasons: '' },
    samletVurdering: 'Forholdsmessig når økningen er tidsavgrenset.',
    childrenAffected: false,
    barnetsBeste: '',
    adjusted: null,
  },
  meeting: {
    date: '2026-11-17',
    outcome: 'avklart',
    referredTo: null,
    conclusion: 'Midlertidig økning til 28 timer i åtte uker.',
    dissent: '',
    epjDocumentation: false,
  },
  followUps: [],
  reassessmentDate: '2027-01-12',
};

/** Every sentence the template itself writes (the case's own text left out). */
function templateSentences(): string {
  const l = nbHandOff.letter;
  return [
    l.draftMark,
    l.decisionIntro('støttekontakt'),
    l.decisionPlaceholder,
    l.reasonsIntro,
    l.reassessment('2027-01-12'),
    l.complain,
    l.complainHow,
    l.documents,
    l.contact,
  ].join('\n');
}

describe('the draft decision letter', () => {
  it('keeps the template’s sentences short: under 20 words on average, none over 25', () => {
    const lengths = sentenceLengths(templateSentences());
    expect(lengths.length).toBeGreaterThan(8);
    expect(lengths.reduce((a, b) => a + b, 0) / lengths.length).toBeLessThan(20);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(25);
  });

  it('says first that it is a draft, then the decision, the reasons in the criteria’s words, and what the person can do', () => {
    const letter = draftDecisionLetter(data);
    const lines = letter.split('\n');
    expect(lines[0]).toBe('UTKAST til fagsystemet. Dette er ikke et vedtak.');
    expect(lines[1]).toBe('Gjelder: EPJ 2025/0712');
    expect(letter).toContain('Vi har behandlet saken din om brukerstyrt personlig assistanse.');
    expect(draftDecisionLetter({ ...data, servicesConcerned: 'BPA' })).toContain('om BPA.');
    const order = [
      'Vedtak',
      'Midlertidig økning til 28 timer',
      'Begrunnelse',
      'Alvorlighet (høy): Funksjonsfall',
      'Nytte (høy): Stor nytte',
      'Ressurser: moderat',
      'Samlet vurdering:',
      'Vi vurderer vedtaket på nytt innen 12. januar 2027.',
      'Dette kan du gjøre',
      'Du kan klage',
    ];
    const at = order.map((part) => letter.indexOf(part));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('gives each criterion’s level whenever it is set, with or without reasons, and leaves out one with neither', () => {
    const bare = { level: null, reasons: '' };
    const letter = draftDecisionLetter({
      ...data,
      assessment: { ...data.assessment, alvorlighet: { level: 'hoy', reasons: '' }, nytte: { level: 'hoy', reasons: '' }, ressurs: bare },
    });
    expect(letter).toContain('Alvorlighet: høy\nNytte: høy\nSamlet vurdering:');
    expect(letter).not.toContain('Ressurser');
  });

  it('never carries a national identity number', () => {
    const letter = draftDecisionLetter({ ...data, meeting: { ...data.meeting, conclusion: 'Gjelder 15039212258.' } });
    expect(letter).not.toContain('15039212258');
    expect(letter).toContain('150392*****');
  });

  it('asks for the decision when the meeting wrote no conclusion', () => {
    expect(draftDecisionLetter({ ...data, meeting: { ...data.meeting, conclusion: '' } })).toContain(nbHandOff.letter.decisionPlaceholder);
  });
});

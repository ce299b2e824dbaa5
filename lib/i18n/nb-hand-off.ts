import { formatDate } from './format';

/**
 * Norwegian text of the hand-off to the record system (issue 19): the page's
 * words and the labels inside the copied blocks. Part of the one string
 * module (re-exported from nb.ts as `nb.handOff`).
 */
export const nbHandOff = {
  title: 'Til fagsystemet',
  heading: (title: string) => `Til fagsystemet: ${title}`,
  intro: (system: string) =>
    `Her er det saksmøtet kom fram til, delt i blokker for ${system}. Kopier én blokk om gangen og lim den inn i feltet som står over blokken.`,
  backToQueue: 'Tilbake til Mine saker',
  target: 'Lim inn i',
  copy: (block: string) => `Kopier ${block.toLowerCase()}`,
  copied: 'Kopiert',
  copyFailed: 'Kunne ikke kopiere. Merk teksten og kopier den selv.',
  empty: 'Ingenting å overføre i denne blokken.',
  blocks: {
    facts: 'Fakta i saken',
    assessment: 'Samlet vurdering av alvorlighet, nytte og ressurs',
    conclusion: 'Konklusjon fra saksmøtet',
    followUps: 'Oppfølging',
    reassessment: 'Revurdering',
    journalNote: 'Notat til saksbehandlerjournalen',
  },
  labels: {
    personRef: 'Personreferanse',
    caseType: 'Sakstype',
    question: 'Spørsmål til møtet',
    servicesConcerned: 'Tjenester saken gjelder',
    facts: 'Fakta',
    changedNeeds: 'Endring i behov',
    measuresTried: 'Prøvd',
    diagnosis: 'Diagnose',
    functioning: 'Fungering',
    services: 'Tjenester i dag',
    situation: 'Situasjon',
    proposal: 'Forslag',
    personView: 'Tjenestemottakers syn',
    relativesView: 'Pårørendes syn',
    alvorlighet: 'Alvorlighet',
    nytte: 'Nytte',
    ressurs: 'Ressurs',
    level: (label: string, level: string) => `${label} (${level.toLowerCase()})`,
    samletVurdering: 'Samlet vurdering',
    barnetsBeste: 'Barnets beste',
    adjusted: 'Justert i møtet',
    adjustedNote: 'Begrunnelse for justeringen',
    meeting: 'Saksmøte',
    outcome: 'Utfall',
    referredTo: 'Henvist til',
    conclusion: 'Konklusjon med begrunnelse',
    dissent: 'Dissens',
    followUp: (description: string, owner: string, due: string | null, done: boolean) =>
      `- ${description} (ansvarlig: ${owner}${due ? `, frist ${formatDate(due)}` : ''}${done ? ', utført' : ''})`,
    noFollowUps: 'Ingen oppfølging avtalt i møtet.',
    reassessOn: (date: string) => `Vedtaket skal revurderes innen ${formatDate(date)}.`,
    noReassessment: 'Møtet satte ingen dato for revurdering.',
    journalOpening: (date: string) => `Saken ble drøftet i saksmøte ${formatDate(date)}.`,
    journalAdvice: 'Saksmøtet gir råd. Vedtaket fattes av saksbehandler.',
  },
};

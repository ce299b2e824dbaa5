import { formatDate } from './format';

/** A name in running text: "Brukerstyrt personlig assistanse (BPA)" → "brukerstyrt personlig assistanse (BPA)"; "BPA" stays. */
function inSentence(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

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
  documentedHeading: 'Dokumentert i fagsystemet',
  markDocumented: 'Marker som dokumentert i fagsystemet',
  markDocumentedHint: 'Marker saken når vedtaket og konklusjonen står i fagsystemet. Da lukkes oppfølgingen om å dokumentere den.',
  documentedBy: (date: string, name: string) => `Dokumentert i fagsystemet ${date} av ${name}.`,
  notDocumented: 'Ikke dokumentert i fagsystemet ennå.',
  documentFollowUp: 'Dokumenter konklusjonen i fagsystemet',
  minutesDraft:
    'Referatet fra møtet er ikke godkjent ennå. Møtelederen kan fortsatt rette konklusjonen. Du får beskjed her og i varslene hvis den endres etter at du har markert saken som dokumentert.',
  changedHeading: (date: string) => `Endret etter at saken ble dokumentert ${date}`,
  changedIntro: 'Referatet er rettet etter at du markerte saken. Oppdater fagsystemet, og marker saken som dokumentert igjen.',
  changedFields: { notes: 'Notater fra møtet', conclusion: 'Konklusjon' } as Record<string, string>,
  changedBefore: 'Før',
  changedNow: 'Nå',
  changedEmpty: '(tom)',
  changedNotice: (title: string) =>
    `Referatet for «${title}» er rettet etter at saken ble markert som dokumentert i fagsystemet. Se hva som er endret, og oppdater fagsystemet.`,
  closedByMark: 'Lukket da saken ble markert som dokumentert i fagsystemet.',
  letter: {
    heading: 'Utkast til vedtaksbrev',
    intro: 'Utkastet bygger på blokkene over. Endre teksten her før du laster den ned. Teksten lagres ikke i Samlet.',
    label: 'Teksten i utkastet',
    downloadPdf: 'Last ned utkastet som PDF',
    downloadDocx: 'Last ned utkastet som Word-fil (DOCX)',
    draftMark: 'UTKAST til fagsystemet. Dette er ikke et vedtak.',
    draftFooter: 'Utkast fra Samlet. Vedtaket skrives og fattes i fagsystemet.',
    regarding: (ref: string) => `Gjelder: ${ref}`,
    decisionHeading: 'Vedtak',
    decisionIntro: (services: string) =>
      services ? `Vi har behandlet saken din om ${inSentence(services)}.` : 'Vi har behandlet saken din.',
    decisionPlaceholder: 'Skriv vedtaket her: hva du får, hvor mye, fra når og hvor lenge.',
    reasonsHeading: 'Begrunnelse',
    reasonsIntro:
      'Vi har vurdert tre ting samlet. Hvor alvorlig er situasjonen din? Hvilken nytte gir tjenesten? Hvor mye ressurser krever den?',
    severity: 'Alvorlighet',
    benefit: 'Nytte',
    resources: 'Ressurser',
    overall: 'Samlet vurdering',
    child: 'Barnets beste',
    reassessment: (date: string) => `Vi vurderer vedtaket på nytt innen ${formatDate(date)}.`,
    nextHeading: 'Dette kan du gjøre',
    complain: 'Du kan klage på vedtaket. Fristen er tre uker fra du fikk dette brevet.',
    complainHow: 'Send klagen til oss. Skriv hva du vil endre, og hvorfor.',
    documents: 'Du har rett til å se dokumentene i saken din.',
    contact: 'Har du spørsmål? Ta kontakt med saksbehandleren din.',
  },
  overview: {
    title: 'Ikke dokumentert i fagsystemet',
    intro: 'Saker som er behandlet i saksmøtet, men som saksbehandleren ikke har markert som dokumentert i fagsystemet.',
    none: 'Alle behandlede saker er dokumentert i fagsystemet.',
    perCaseworker: 'Per saksbehandler',
    perMeeting: 'Per møte',
    cases: 'Sakene',
    count: (n: number) => (n === 1 ? '1 sak' : `${n} saker`),
    meetingOn: (date: string) => `Møtet ${date}`,
    epjAsked: 'Møtet ba om dokumentasjon i EPJ',
  },
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

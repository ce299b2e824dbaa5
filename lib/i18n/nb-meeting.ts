import { formatDate } from './format';

/** Norwegian text for the live meeting room and the minutes (re-exported from nb.ts as `nb.meetingRoom`). */
// Words (docs/glossary.md): every line of the agenda is a *punkt*; *sak* only where a submitted case is
// meant (its content, what the caseworker sent in, cases carried on). An Eventuelt item has no case.
export const nbMeeting = {
  title: 'Møterom',
  /** A leader meeting's room (issue 22): said in its heading, so nobody takes it for a case meeting. */
  leaderTitle: 'Møterom for ledermøtet',
  open: 'Gå til det digitale møterommet',
  agenda: 'Saksliste',
  plannedEnd: (time: string) => `Planlagt slutt ${time}`,
  overrun: (minutes: number) => `${minutes} min over avsatt tid`,
  minutesLabel: 'Minutter',
  minutesFor: (title: string) => `Minutter for ${title}`,
  moveUp: (title: string) => `Flytt opp: ${title}`,
  moveDown: (title: string) => `Flytt ned: ${title}`,
  makeCurrent: 'Gjør til aktuelt punkt',
  dragHandle: (title: string) => `Dra for å flytte: ${title}`,
  current: 'Aktuelt punkt',
  locked: 'Låst',
  reasons: {
    submitted: 'Innmeldt',
    carried_over: 'Overført fra forrige møte',
    accepted_late: 'Godtatt etter fristen',
    added: 'Lagt til av møteleder',
  } as Record<string, string>,
  statuses: { pending: 'Ikke behandlet', concluded: 'Konkludert', postponed: 'Utsatt', carried_over: 'Overført' } as Record<string, string>,
  /** An item's state on the saksliste page and in the room alike (lib/meetings/item-state.ts). */
  itemStates: {
    current: 'Aktuelt punkt',
    locked: 'Låst',
    concluded: 'Konkludert',
    postponed: 'Utsatt',
    carried_over: 'Overført',
  } as Record<string, string>,
  present: 'Til stede',
  following: 'Skjermen din følger møtelederen.',
  /** Someone looks at another item than the one the chair presents (app/moter/[id]/rom/follow-notice.tsx). */
  notFollowing: (current: string) => `Du følger ikke møtelederen. Møtelederen er på: ${current}.`,
  follow: 'Følg møteleder',
  /** The chair looks at another item than the current one. */
  chairElsewhere: (current: string) => `Du ser på et annet punkt enn det aktuelle: ${current}.`,
  backToCurrent: 'Tilbake til aktuelt punkt',
  /** A phone's link past the agenda to the item shown. */
  skipAgenda: 'Hopp over sakslisten',
  noCurrent: 'Møtelederen har ikke valgt et punkt ennå. Velg et punkt i sakslisten for å lese det.',
  /** The chair's screen with items and none shown (the one shown was taken off the agenda): the chair is not told to wait for the chair. */
  noCurrentChair: 'Ingen punkt er valgt. Velg et punkt i sakslisten.',
  /** A room whose agenda has no items, so nothing can be chosen. */
  noItems: 'Ingen saker er meldt inn til dette møtet ennå.',
  noItemsChair: 'Ingen saker er meldt inn til dette møtet ennå. Du kan legge til et punkt i sakslisten.',
  timeLeft: (m: number, s: number) => `${m}:${String(s).padStart(2, '0')} igjen`,
  overtime: (m: number, s: number) => `${m}:${String(s).padStart(2, '0')} over tiden`,
  submittedCase: 'Saken slik den ble meldt inn',
  /** The whole submitted case in the room (app/moter/[id]/rom/submitted-case.tsx). */
  submittedViews: 'Tjenestemottakers og pårørendes syn',
  notGiven: 'Ikke oppgitt i innmeldingen.',
  criterionLevel: (criterion: string) => `Nivå for ${criterion.toLowerCase()}`,
  emptySection: 'Ingenting fylt ut.',
  question: 'Problemstilling',
  notes: 'Notater fra møtet',
  assessment: 'Vurdering i møtet',
  assessmentIntro: 'Juster nivåene hvis møtet vurderer annerledes enn innmeldt, og skriv hva som endret seg og hvorfor.',
  submittedLevel: (level: string) => `Innmeldt: ${level}`,
  changedFromSubmitted: 'Endret fra innmeldt',
  /** A locked item whose level the meeting left as submitted. */
  asSubmitted: 'Som innmeldt',
  assessmentNote: 'Hva ble vurdert annerledes, og hvorfor?',
  conclusionSection: 'Konklusjon',
  referent: 'Referent',
  noReferent: 'Ingen referent',
  referentHint: 'Referenten skriver konklusjonene sammen med møteleder. Alle skriver i notatene.',
  conclusionByChair: 'Konklusjonen skrives av møteleder og referent. Du kan skrive i notatene.',
  lockedBy: (name: string) => `Låst av ${name}`,
  outcome: 'Utfall',
  outcomes: {
    tatt_til_orientering: 'Tatt til orientering',
    droftet: 'Drøftet – råd gitt',
    avklart: 'Avklart',
    utsatt: 'Utsatt',
    henvist: 'Henvist videre',
  } as Record<string, string>,
  referredTo: 'Henvist til',
  referralTargets: { leder: 'Leder', jurist: 'Jurist', kek: 'Klinisk etikk-komité' } as Record<string, string>,
  conclusion: 'Konklusjon med begrunnelse',
  conclusionHint: 'Begrunn med kriteriene: alvorlighet, nytte og ressurs vurdert samlet.',
  dissent: 'Dissens',
  followUps: 'Oppfølging',
  followUpOwner: 'Ansvarlig',
  followUpDescription: 'Hva skal gjøres',
  followUpDue: 'Frist',
  addFollowUp: 'Legg til oppfølging',
  removeFollowUp: 'Fjern',
  removeFollowUpNumbered: (n: number) => `Fjern oppfølging ${n}`,
  chooseOwner: 'Velg ansvarlig',
  reassessmentDate: 'Dato for revurdering',
  epjDocumentation: 'Konklusjonen skal dokumenteres i fagsystemet (EPJ)',
  epjResponsible: 'Hvem dokumenterer',
  /** A locked item's EPJ flag, as text. */
  epjAsText: (who: string | null) => (who ? `Ja, av ${who}` : 'Ja, av saksbehandleren'),
  epjNo: 'Nei',
  /** A locked item with no follow-up rows. */
  noFollowUpsAgreed: 'Ingen oppfølging avtalt.',
  followUpAsText: (owner: string | null, due: string | null) =>
    [owner ? `Ansvarlig: ${owner}` : 'Ingen ansvarlig', due ? `frist ${due}` : 'ingen frist'].join(', '),
  lock: 'Lås punktet',
  unlock: 'Lås opp',
  lockedNotice: 'Punktet er låst. Ingen kan endre det.',
  announceLocked: 'Punktet er låst.',
  announceConclusion: 'Konklusjonen er endret av en annen deltaker.',
  /** Stored content that fails the form (old data, a past bug): the field shows empty (lib/validation/parse-fields.ts). */
  invalidStored: (fields: string[]) =>
    `Noe av det som er lagret for punktet, kunne ikke leses og vises tomt: ${fields.join(', ')}. Fyll inn feltet på nytt.`,
  invalidStoredField: 'et felt',
  /** Closed with 4400: the server refused an edit from this page (docs/realtime.md, "The update guard"). */
  invalidUpdate:
    'Serveren avviste en endring fra denne siden fordi den ikke passet i skjemaet. Siden er lastet på nytt med det som er lagret.',
  /** The lock waited for edits the server had not confirmed stored (lib/meetings/run-meeting.ts). */
  lockWaitsFor: (names: string[]) =>
    `Punktet ble ikke låst: det ${names.join(' og ')} har skrevet, er ikke lagret ennå. Vent litt og prøv igjen.`,
  /** Someone else locked the item while this lock was checking it (lib/meetings/run-meeting.ts). */
  alreadyLocked: 'Punktet ble låst av noen andre i mellomtiden. Låsen deres gjelder.',
  itemConnection: {
    connecting: 'Kobler til …',
    online: 'Tilkoblet. Det du skriver, ser alle med en gang.',
    /** Online, and the server has confirmed that everything this page holds is stored (save-tracking.ts). */
    saved: 'Tilkoblet. Alle endringer er lagret.',
    saving: 'Tilkoblet. Lagrer …',
    offline: 'Frakoblet. Det du skriver, sendes når forbindelsen er tilbake – ikke lukk siden.',
    ended: 'Økten din er avsluttet. Du sendes til innloggingen …',
    unsaved: 'Tilkoblet, men serveren får ikke lagret akkurat nå. Det du skriver, holdes og lagres når det går igjen – ikke lukk siden.',
    /** After the close: the minutes hold what was written; nothing more is saved here. */
    meetingClosed: 'Punktet er avsluttet med møtet. Det som ble skrevet, står i referatet.',
    /** Said to screen readers once a lost connection (or a server that could not store) is well again. */
    back: 'Tilkoblet igjen.',
  } as Record<string, string>,
  closeMeeting: 'Avslutt møtet',
  closeConfirmTitle: 'Avslutte møtet?',
  closeConfirmBody:
    'Referatet fryses, og saker som ikke er behandlet, flyttes til neste møte. Et punkt under eventuelt som ikke er behandlet, avsluttes med møtet.',
  closeConfirmAction: 'Ja, avslutt møtet',
  openEarlyTitle: 'Fristen for innmelding er ikke ute',
  openEarlyBody: (deadline: string) => `Saker kan meldes inn til ${deadline}. Vil du åpne møtet likevel? Det blir logget.`,
  openEarlyConfirm: 'Åpne møtet likevel',
  closed: 'Møtet er avsluttet.',
  closedAt: (time: string) => `Avsluttet ${time}`,
  closedCarried: (n: number) => (n === 1 ? 'Ett punkt er flyttet til neste møte.' : `${n} punkter er flyttet til neste møte.`),
  toMinutes: 'Se referatet',
  addItem: 'Legg til punkt',
  addItemTitle: 'Tittel på punktet',
  addItemPurpose: 'Formål',
  actionFailed: 'Det gikk ikke. Prøv igjen.',
  problems: {
    outcome_required: 'Velg et utfall.',
    conclusion_required: 'En avklaring må ha en skriftlig konklusjon.',
    owner_required: 'En avklaring må ha minst én oppfølging med ansvarlig.',
    referral_target_required: 'Velg hvem punktet henvises til.',
    national_id_item: 'Feltet inneholder det som ser ut som et fødselsnummer. Fjern det eller bruk personreferansen før punktet låses.',
  } as Record<string, string>,
  warnings: {
    one_criterion:
      'Begrunnelsen viser bare til ett kriterium. Vei alvorlighet, nytte og ressurs sammen – ingen av dem skal alene avgjøre saken.',
  } as Record<string, string>,

  minutesTitle: 'Referat',
  attendance: 'Til stede',
  noAttendance: 'Ingen registrert.',
  itemNotes: 'Notater',
  adjusted: 'Vurdering justert i møtet',
  /** A category (chart legend, timeline) as well as the minutes' line: no sentence punctuation. */
  noConclusion: 'Ingen konklusjon',
  epjBy: (name: string) => `Dokumenteres i fagsystemet av ${name}`,
  /** A re-assessment date is a calendar date ("2027-03-04"): the text words it. */
  reassess: (date: string) => `Revurderes ${formatDate(date)}`,
  followUpDueOn: (date: string) => `frist ${formatDate(date)}`,
  minutesNotClosed: 'Møtet er ikke avsluttet ennå; referatet lages når møtelederen avslutter møtet.',
} as const;

/**
 * All user-facing text, in Norwegian bokmål. Components take their words from
 * here, so wording is reviewed in one place and stays consistent.
 */
import { nbAdmin } from './nb-admin';
import { nbCalendar } from './nb-calendar';
import { nbCases } from './nb-cases';
import { nbHistory } from './nb-history';
import { nbMeeting } from './nb-meeting';
import { nbNotifications } from './nb-notifications';
import { nbVersions } from './nb-versions';
import { nbShell } from './nb-shell';
import { nbAccessibility } from './nb-accessibility';
import { nbCaseNav } from './nb-case-nav';
import { nbHandOff } from './nb-hand-off';
import { nbRecusal } from './nb-recusal';
import { nbRoomAgenda } from './nb-room-agenda';
import { nbMinutes } from './nb-minutes';
import { nbLeaderCases } from './nb-leader-cases';
import { nbDateField } from './nb-date-field';

export const nb = {
  cases: nbCases,
  meetingRoom: nbMeeting,
  history: nbHistory,
  admin: nbAdmin,
  calendar: nbCalendar,
  notifications: nbNotifications,
  versions: nbVersions,
  shell: nbShell,
  accessibility: nbAccessibility,
  caseNav: nbCaseNav,
  handOff: nbHandOff,
  recusal: nbRecusal,
  roomAgenda: nbRoomAgenda,
  minutes: nbMinutes,
  leaderCases: nbLeaderCases,
  app: {
    name: 'Samlet',
    tagline: 'Saksmøter i helse- og omsorgstjenesten',
    skipToContent: 'Hopp til hovedinnhold',
    mainNavigation: 'Hovedmeny',
  },
  dateField: nbDateField,
  login: {
    title: 'Logg inn',
    intro: 'Logg inn for å forberede og delta i saksmøter.',
    email: 'E-postadresse',
    password: 'Passord',
    submit: 'Logg inn',
    submitting: 'Logger inn …',
    failed: 'Innloggingen mislyktes. Sjekk e-postadresse og passord, og prøv igjen.',
    throttledHint: 'Etter flere mislykkede forsøk må du vente en stund før du kan prøve igjen.',
    oidc: (name: string) => `Logg inn med ${name}`,
    or: 'eller',
    unknownUser: 'Du har ikke tilgang til Samlet. Kontakt en administrator i enheten din.',
    sessionEnded: 'Økten din er avsluttet (utlogget eller utløpt). Logg inn igjen for å fortsette.',
    demoHint: 'Demo: bruk for eksempel saksbehandler@demo.test med passordet demo1234.',
  },
  nav: {
    overview: 'Oversikt',
    myCases: 'Mine saker',
    history: 'Historikk',
    followUps: 'Oppfølging',
    search: 'Søk',
    audit: 'Tilgangslogg',
    undocumented: 'Til fagsystemet',
    admin: 'Administrasjon',
  },
  header: {
    signedInAs: (name: string) => `Innlogget som ${name}`,
    signOut: 'Logg ut',
  },
  roles: {
    saksbehandler: 'Saksbehandler',
    moteleder: 'Møteleder',
    leder: 'Leder',
    admin: 'Administrator',
  } as Record<string, string>,
  home: {
    leaderMeeting: 'Ledermøte',
    notices: 'Beskjeder til deg',
    markRead: 'Merk som lest',
    title: 'Oversikt',
    yourUnits: 'Dine enheter',
    upcomingMeetings: 'Kommende saksmøter',
    noUnits: 'Du er ikke medlem av noen enhet ennå. Be en administrator om å legge deg til i enheten din.',
    noMeetings: 'Ingen kommende saksmøter er planlagt. En administrator kan sette opp en møteserie for enheten.',
    deadline: 'Frist for innmelding',
    cases: (count: number) => (count === 1 ? '1 sak' : `${count} saker`),
    location: 'Møtested',
    role: 'Din rolle',
    status: { planned: 'Planlagt', open: 'Pågår', closed: 'Avsluttet', cancelled: 'Avlyst' } as Record<string, string>,
    agenda: 'Saksliste',
  },
  errors: {
    generic: 'Noe gikk galt. Prøv igjen, eller kontakt brukerstøtte hvis feilen vedvarer.',
    notFound: 'Siden finnes ikke, eller du har ikke tilgang til den.',
    backHome: 'Til oversikten',
  },
} as const;

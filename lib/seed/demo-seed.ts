import * as Y from 'yjs';
import { hashPassword } from '../auth/password';
import { applyCaseContent } from '../cases/case-document';
import type { CaseContent } from '../cases/case-form';
import { caseSummary } from '../cases/case-summary';
import type { Db } from '../db/db';
import { indexMeeting } from '../history/search-index';
import { computeEvidence } from '../leader-cases/case-evidence';
import { evidenceQuerySchema, resolveEvidenceQuery } from '../leader-cases/evidence-query';
import type { LeaderCaseContent } from '../leader-cases/leader-case-form';
import { loadEvidenceItems } from '../leader-cases/load-evidence-items';
import { scheduleMeetings, type SeriesRule } from '../meetings/meeting-schedule';
import { norwegianWorkingDays } from '../meetings/norwegian-holidays';
import { systemClock, type Clock } from '../time/clock';
import { osloDate } from '../time/oslo';
import { osloZone } from '../time/oslo-zone';

/**
 * Fictional demo data: two units, one user per role, a Tuesday/Thursday series
 * with eight weeks of meetings, and a few cases so a demo is never empty; in
 * the main unit also a monthly leader meeting with a service-level case on the
 * next one (issue 22).
 * No real names and no fødselsnummer: people are referred to by pseudonymous
 * references, as the product asks of its users.
 */
export const demoPassword = 'demo1234';

export const demoUsers = [
  { email: 'saksbehandler@demo.test', name: 'Sara Saksbehandler', role: 'saksbehandler', unit: 'main' },
  { email: 'saksbehandler2@demo.test', name: 'Sindre Saksbehandler', role: 'saksbehandler', unit: 'main' },
  { email: 'moteleder@demo.test', name: 'Mona Møteleder', role: 'moteleder', unit: 'main' },
  { email: 'leder@demo.test', name: 'Lars Leder', role: 'leder', unit: 'main' },
  { email: 'admin@demo.test', name: 'Anne Admin', role: 'admin', unit: 'main' },
  { email: 'annen@demo.test', name: 'Ola Annenenhet', role: 'saksbehandler', unit: 'other' },
] as const;

/**
 * The demo's system administrator (issue 16): manages accounts, belongs to no
 * unit, and so sees no case. admin@demo.test, beside it, administers its own
 * unit only — the demo shows the difference.
 */
export const demoSystemAdmin = { email: 'system@demo.test', name: 'Siri Systemadministrator' } as const;

export const demoUnitNames = {
  main: 'Demo bydel — Enhet for miljøarbeidertjenester',
  other: 'Demo bydel — Enhet for praktisk bistand',
} as const;

const demoCases: CaseContent[] = [
  {
    personRef: 'EPJ 2025/1183',
    caseType: 'revurdering',
    level: 'individ',
    question: 'Økt behov for miljøarbeidertjeneste etter flytting til egen bolig — hvor mange timer er forsvarlig?',
    facts:
      'Voksen tjenestemottaker med utviklingshemming flyttet fra foreldrehjemmet til egen leilighet i bofellesskap i mars. Har i dag 15 timer miljøarbeidertjeneste per uke.',
    changedNeeds:
      'Strever med struktur i hverdagen, særlig innkjøp, matlaging og søvnrytme. To episoder med uteblitt dagtilbud siste måned.',
    measuresTried: 'Visuell dagsplan og faste ukemøter med kontaktperson siden april.',
    services: 'Miljøarbeidertjeneste 15 t/uke, dagtilbud 4 dager/uke.',
    hasOngoingDecision: true,
    ongoingDecisionWhat: 'Miljøarbeidertjeneste i eget hjem',
    ongoingDecisionExtent: '15 timer per uke',
    situation: 'Ønsker å bo i egen leilighet. Foreldrene er bekymret og ringer ofte tjenesten.',
    proposal: 'Øke til 20 timer per uke i tre måneder, med vekt på opplæring i egen hverdag; revurdere deretter.',
    alvorlighetFactors: ['tap_funksjon', 'situasjon_na'],
    alvorlighetLevel: 'moderat',
    alvorlighetReasons: 'Risiko for tap av mestring og at boforholdet bryter sammen hvis ikke hverdagen får struktur.',
    nytteFactors: ['mestring', 'varig_effekt'],
    nytteLevel: 'hoy',
    nytteReasons: 'Opplæring nå gir sannsynligvis varig bedre mestring, slik at behovet kan gå ned senere.',
    ressursFactors: ['personell', 'tid'],
    ressursLevel: 'moderat',
    ressursReasons: 'Fem timer mer per uke i tre måneder; kan dekkes innenfor dagens turnus.',
    samletVurdering:
      'Moderat alvorlighet og høy forventet nytte veier tyngre enn en tidsavgrenset økning i ressursbruk. Økningen vurderes som forsvarlig og nødvendig.',
    personView: 'Vil bo alene og ønsker hjelp til å klare seg selv.',
    relativesView: 'Foreldrene ønsker mer bemanning.',
    alternatives: ['eksisterende_tilbud'],
    alternativesNote: 'Økt dagtilbud er vurdert, men dekker ikke kveldene.',
    purpose: 'drofting',
  },
  {
    personRef: 'P-4821',
    caseType: 'ny_soknad',
    level: 'individ',
    question: 'Søknad om støttekontakt for ungdom (15 år): individuell støttekontakt eller gruppetilbud?',
    facts:
      'Ungdom med autismespekterdiagnose søker støttekontakt 4 timer per uke for fritidsaktiviteter. Lite sosialt nettverk utenom skolen.',
    diagnosis: 'Autismespekterforstyrrelse.',
    functioning: 'Klarer seg godt i kjente rammer; trenger støtte i nye sosiale situasjoner.',
    situation: 'Bor med foreldre og to søsken.',
    proposal: 'Tilby plass i kommunens gruppetilbud for ungdom, med individuell oppstart de første fire ukene.',
    alvorlighetFactors: ['tap_funksjon', 'varighet'],
    alvorlighetLevel: 'moderat',
    alvorlighetReasons: 'Fare for økende isolasjon og tap av sosial mestring over tid.',
    nytteFactors: ['livskvalitet', 'mestring'],
    nytteLevel: 'hoy',
    nytteReasons: 'Et fellesskap med jevnaldrende gir trolig større og mer varig nytte enn en individuell kontakt.',
    ressursFactors: ['personell'],
    ressursLevel: 'lav',
    ressursReasons: 'Gruppetilbudet har ledig plass; individuell oppstart krever 16 timer totalt.',
    samletVurdering: 'Moderat alvorlighet, høy nytte og lav ressursbruk taler samlet for gruppetilbud med individuell oppstart.',
    childrenAffected: true,
    barnetsBeste: 'Ungdommen har selv sagt at hen ønsker å bli kjent med andre; gruppetilbud med trygg oppstart ivaretar barnets beste.',
    personView: 'Ønsker å prøve gruppe hvis noen kjente voksne er med i starten.',
    alternatives: ['gruppe'],
    purpose: 'avklaring',
  },
  {
    personRef: 'EPJ 2024/0977',
    caseType: 'endring',
    level: 'individ',
    question: 'Midlertidig økning av timer i sommerferien — til orientering',
    facts: 'Dagtilbudet er stengt i fire uker i juli. Vedtaket er midlertidig økt med 10 timer per uke i denne perioden.',
    proposal: 'Ingen endring ut over den midlertidige økningen.',
    alvorlighetReasons: 'Uten tilbud i ferien er det risiko for uro og krisesituasjoner hjemme.',
    nytteReasons: 'Forebygger kriser og avlaster pårørende.',
    ressursReasons: 'Dekkes av sommervikarer innenfor budsjett.',
    samletVurdering: 'Alvorlighet og nytte i en kort periode står i et rimelig forhold til ressursbruken.',
    purpose: 'orientering',
  },
];

/** The form goes where the editor reads it: the case's Yjs document. */
async function storeCaseDocument(db: Db, caseId: string, content: CaseContent): Promise<void> {
  const doc = new Y.Doc();
  applyCaseContent(doc, content);
  await db.yDocState.create({ data: { name: `case:${caseId}`, state: Buffer.from(Y.encodeStateAsUpdate(doc)) } });
  doc.destroy();
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.unit.count()) === 0 && (await db.user.count()) === 0;
}

/**
 * Seeds an empty database as of the clock's instant: the series' meetings from
 * then on, the demo cases on the next meeting still open for submissions (its
 * deadline ahead of that instant), and a closed meeting two weeks before.
 */
export async function seedDemoData(db: Db, options: { clock?: Clock } = {}): Promise<{ seeded: boolean }> {
  if (!(await isDatabaseEmpty(db))) return { seeded: false };
  const now = (options.clock ?? systemClock).now();
  const passwordHash = await hashPassword(demoPassword);

  const main = await db.unit.create({ data: { name: demoUnitNames.main } });
  const other = await db.unit.create({ data: { name: demoUnitNames.other } });
  const unitIds = { main: main.id, other: other.id };

  const users: Record<string, string> = {};
  for (const user of demoUsers) {
    const created = await db.user.create({
      data: {
        email: user.email,
        name: user.name,
        passwordHash,
        memberships: { create: { unitId: unitIds[user.unit], role: user.role } },
      },
    });
    users[user.email] = created.id;
  }
  await db.user.create({ data: { ...demoSystemAdmin, passwordHash, systemAdmin: true } });

  const rule: SeriesRule = {
    weekdays: [2, 4],
    startTime: '10:00',
    durationMinutes: 90,
    deadlineDaysBefore: 1,
    deadlineTime: '15:00',
    timezone: osloZone,
  };
  const until = new Date(now.getTime() + 8 * 7 * 24 * 3600_000);
  for (const [key, unitId] of Object.entries(unitIds)) {
    const series = await db.meetingSeries.create({
      data: {
        unitId,
        name: 'Saksmøte',
        weekdays: rule.weekdays.join(','),
        startTime: rule.startTime,
        durationMinutes: rule.durationMinutes,
        deadlineDaysBefore: rule.deadlineDaysBefore,
        deadlineTime: rule.deadlineTime,
        timezone: rule.timezone,
        location: key === 'main' ? 'Rådhuset, rom 312' : 'Teams (lenke i innkallingen)',
        defaultChairId: key === 'main' ? users['moteleder@demo.test'] : null,
      },
    });
    // As the server's generation would make them (lib/meetings/generate-series-meetings.ts), slot by slot.
    for (const meeting of scheduleMeetings(rule, now, until, norwegianWorkingDays)) {
      await db.meeting.create({
        data: {
          unitId,
          seriesId: series.id,
          seriesSlot: meeting.startsAt,
          chairId: series.defaultChairId,
          location: series.location,
          ...meeting,
        },
      });
    }
  }

  const nextOpen = await db.meeting.findFirst({
    where: { unitId: main.id, kind: 'saksmote', submissionDeadline: { gt: now }, status: 'planned' },
    orderBy: { startsAt: 'asc' },
  });
  const authors = [users['saksbehandler@demo.test'], users['saksbehandler2@demo.test']];
  for (const [index, content] of demoCases.entries()) {
    const created = await db.case.create({
      data: {
        ...caseSummary(content),
        unitId: main.id,
        createdById: authors[index % 2],
        status: 'submitted',
        meetingId: nextOpen?.id,
        version: 1,
        submittedAt: now,
        versions: { create: { version: 1, content: JSON.stringify(content), submittedById: authors[index % 2], meetingId: nextOpen?.id } },
      },
    });
    await storeCaseDocument(db, created.id, content);
  }
  const draft: CaseContent = {
    personRef: 'P-5310',
    caseType: 'endring',
    question: 'Kan avlastning i bolig erstatte deler av miljøarbeidertjenesten?',
    facts: 'Foreldrene er slitne etter en lang høst; bruker har i dag miljøarbeidertjeneste 10 timer per uke.',
  };
  const created = await db.case.create({
    data: { ...caseSummary(draft), unitId: main.id, createdById: users['saksbehandler@demo.test'], status: 'draft' },
  });
  await storeCaseDocument(db, created.id, draft);
  await db.case.create({
    data: {
      personRef: 'P-7002',
      title: 'Praktisk bistand etter utskriving — behov for hjelp til innkjøp',
      caseType: 'ny_soknad',
      purpose: 'drofting',
      unitId: other.id,
      createdById: users['annen@demo.test'],
      status: 'submitted',
    },
  });
  await seedPastMeeting(db, { unitId: main.id, chairId: users['moteleder@demo.test'], users, now, rule });
  await seedLeaderMeetings(db, { unitId: main.id, chairId: users['moteleder@demo.test'], leaderId: users['leder@demo.test'], now, until });
  return { seeded: true };
}

/** Past decisions, so that history, minutes and the audit log have something to show. */
const pastCases: {
  author: string;
  content: CaseContent;
  outcome: string;
  conclusion: string;
  followUp?: string;
  reassessInDays?: number;
  /** How long the meeting spent on it: 12 and 9 minutes make the statistics' average 10,5 (a decimal to show). */
  minutesUsed: number;
}[] = [
  {
    author: 'saksbehandler@demo.test',
    content: {
      personRef: 'EPJ 2025/0712',
      caseType: 'endring',
      level: 'individ',
      purpose: 'avklaring',
      question: 'Økning av BPA fra 20 til 28 timer per uke etter fall og brudd?',
      servicesConcerned: 'Brukerstyrt personlig assistanse (BPA)',
      situation: 'Tjenestemottaker brakk håndleddet i september og klarer ikke påkledning og matlaging alene i opptreningsperioden.',
      proposal: 'Midlertidig økning til 28 timer per uke i åtte uker, deretter ny vurdering.',
      alvorlighetLevel: 'hoy',
      nytteLevel: 'hoy',
      ressursLevel: 'moderat',
      samletVurdering:
        'Høy alvorlighet og stor nytte i en avgrenset periode; ressursbruken er forholdsmessig når økningen er tidsavgrenset.',
    },
    outcome: 'avklart',
    conclusion:
      'Midlertidig økning til 28 timer i åtte uker. Begrunnelse: høy alvorlighet (funksjonsfall), stor nytte på kort sikt, og tidsavgrensningen holder ressursbruken forholdsmessig.',
    followUp: 'Skriv vedtak om midlertidig økning',
    reassessInDays: 56,
    minutesUsed: 12,
  },
  {
    author: 'saksbehandler2@demo.test',
    content: {
      personRef: 'EPJ 2025/0904',
      caseType: 'ny_soknad',
      level: 'individ',
      purpose: 'drofting',
      question: 'Søknad om avlastning for familie med barn med autisme — døgnavlastning eller avlastning i hjemmet?',
      servicesConcerned: 'Avlastning',
      // «støttekontakt»: a word the demo's search finds by another form of it («støttekontakter»), as Norwegian needs.
      situation:
        'Familien har to barn; foreldrene melder om lite søvn og økende slitasje, og ønsker på sikt en støttekontakt for eldstebarnet.',
      proposal: 'Avlastning i hjemmet to ettermiddager i uken som første tiltak.',
      alvorlighetLevel: 'moderat',
      nytteLevel: 'hoy',
      ressursLevel: 'lav',
      childrenAffected: true,
      samletVurdering: 'Moderat alvorlighet, god nytte og lav ressursbruk taler for avlastning i hjemmet først.',
    },
    outcome: 'droftet',
    conclusion:
      'Start med avlastning i hjemmet to ettermiddager i uken, begrunnet i nytte for familien og lav ressursbruk; vurder døgnavlastning ved ny søknad dersom alvorligheten øker.',
    minutesUsed: 9,
  },
];

async function seedPastMeeting(
  db: Db,
  options: { unitId: string; chairId: string; users: Record<string, string>; now: Date; rule: SeriesRule },
): Promise<void> {
  // The last of the series' slots at least two weeks back, so it sits on a real meeting day and hour
  // whatever the instant of seeding (a holiday week only moves it further back).
  const day = 24 * 3600_000;
  const twoWeeksBack = options.now.getTime() - 14 * day;
  const slots = scheduleMeetings(options.rule, new Date(twoWeeksBack - 21 * day), new Date(twoWeeksBack), norwegianWorkingDays);
  const { startsAt, endsAt, submissionDeadline } = slots[slots.length - 1];
  const meeting = await db.meeting.create({
    data: {
      unitId: options.unitId,
      chairId: options.chairId,
      startsAt,
      endsAt,
      submissionDeadline,
      status: 'closed',
      location: 'Rådhuset, rom 312',
      openedAt: startsAt,
      closedAt: endsAt,
      // Its minutes were approved by the chair at the close: a past meeting's minutes are not left in no state.
      minutesStatus: 'approved',
      minutesApprovedAt: endsAt,
      minutesApprovedById: options.chairId,
    },
  });
  const present = ['saksbehandler@demo.test', 'saksbehandler2@demo.test', 'moteleder@demo.test', 'leder@demo.test'];
  await db.attendance.createMany({
    data: present.map((email) => ({ meetingId: meeting.id, userId: options.users[email], firstSeenAt: startsAt, lastSeenAt: endsAt })),
  });
  for (const [position, past] of pastCases.entries()) {
    const authorId = options.users[past.author];
    const created = await db.case.create({
      data: {
        ...caseSummary(past.content),
        unitId: options.unitId,
        createdById: authorId,
        status: 'concluded',
        meetingId: meeting.id,
        version: 1,
        submittedAt: new Date(startsAt.getTime() - 3 * 24 * 3600_000),
        versions: {
          create: {
            version: 1,
            content: JSON.stringify(past.content),
            submittedById: authorId,
            meetingId: meeting.id,
            submittedAt: new Date(startsAt.getTime() - 3 * 24 * 3600_000),
          },
        },
      },
    });
    await db.agendaItem.create({
      data: {
        meetingId: meeting.id,
        caseId: created.id,
        position,
        plannedMinutes: past.content.purpose === 'avklaring' ? 10 : 15,
        purpose: past.content.purpose ?? 'drofting',
        reason: 'submitted',
        status: 'concluded',
        locked: true,
        startedAt: new Date(startsAt.getTime() + (5 + position * 15) * 60_000),
        endedAt: new Date(startsAt.getTime() + (5 + position * 15 + past.minutesUsed) * 60_000),
        outcome: past.outcome,
        conclusion: past.conclusion,
        notes: 'Saken ble lagt fram av saksbehandler; spørsmål og svar om dagens tjenester.',
        reassessmentDate: past.reassessInDays ? osloDate(new Date(startsAt.getTime() + past.reassessInDays * 24 * 3600_000)) : null,
        followUps: past.followUp
          ? { create: { caseId: created.id, ownerId: authorId, description: past.followUp, dueDate: osloDate(startsAt) } }
          : undefined,
      },
    });
  }
  await indexMeeting(db, meeting.id, options.now);
}

/** The demo's service-level case (issue 22): no person in it, the unit's own figures attached. */
export const demoLeaderCase: LeaderCaseContent = {
  question: 'Bør enheten starte et lavterskel aktivitetstilbud ved å omdisponere to årsverk støttekontakt?',
  situation:
    'Søknadene om støttekontakt har økt det siste året, og ventetiden fra innmelding til konklusjon er blitt lengre. Mange av søkerne ønsker det samme: faste aktiviteter sammen med andre.',
  alternatives: 'Flere timer støttekontakt i dagens form; gruppetilbud i det eksisterende dagsenteret; å la være.',
  alvorlighetReasons: 'Ensomhet og passivitet over tid gir tap av funksjon for mange av søkerne.',
  alvorlighetLevel: 'moderat',
  nytteReasons: 'Et fast tilbud gir nytte for flere samtidig, og kan gi kortere ventetid for dem som trenger støttekontakt alene.',
  nytteLevel: 'hoy',
  ressursReasons: 'To årsverk omdisponeres; ingen nye stillinger. Lokaler finnes i dagsenteret.',
  ressursLevel: 'lav',
  samletVurdering:
    'Moderat alvorlighet, høy nytte for mange og lav ekstra ressursbruk taler samlet for å prøve tilbudet, med evaluering etter seks måneder.',
  proposal: 'Ledergruppen prøver ut et lavterskel aktivitetstilbud i seks måneder ved å omdisponere to årsverk støttekontakt.',
};

/**
 * The leader group's monthly meeting (the first Wednesday of each month, as the
 * series' generation makes it) and one service-level case with the unit's
 * figures attached (a snapshot as of the seed's instant), on the next of them.
 */
async function seedLeaderMeetings(
  db: Db,
  options: { unitId: string; chairId: string; leaderId: string; now: Date; until: Date },
): Promise<void> {
  const { unitId, now } = options;
  const rule: SeriesRule = {
    weekdays: [3],
    startTime: '13:00',
    durationMinutes: 60,
    deadlineDaysBefore: 2,
    deadlineTime: '12:00',
    timezone: osloZone,
    monthly: true,
  };
  const series = await db.meetingSeries.create({
    data: {
      unitId,
      name: 'Ledermøte',
      kind: 'ledermote',
      monthly: true,
      weekdays: rule.weekdays.join(','),
      startTime: rule.startTime,
      durationMinutes: rule.durationMinutes,
      deadlineDaysBefore: rule.deadlineDaysBefore,
      deadlineTime: rule.deadlineTime,
      timezone: rule.timezone,
      location: 'Rådhuset, rom 410',
      defaultChairId: options.chairId,
    },
  });
  const meetings = [];
  for (const slot of scheduleMeetings(rule, now, options.until, norwegianWorkingDays)) {
    meetings.push(
      await db.meeting.create({
        data: {
          unitId,
          seriesId: series.id,
          seriesSlot: slot.startsAt,
          kind: 'ledermote',
          chairId: options.chairId,
          location: series.location,
          ...slot,
        },
      }),
    );
  }
  const created = await db.leaderCase.create({
    data: {
      unitId,
      createdById: options.leaderId,
      level: 'tjeneste',
      title: demoLeaderCase.question!,
      content: JSON.stringify(demoLeaderCase),
      createdAt: now,
      updatedAt: now,
    },
  });
  const { stored, period } = resolveEvidenceQuery(evidenceQuerySchema.parse({ periode: '12m' }), now);
  const items = await loadEvidenceItems({ db, unitId, period, service: stored.service, caseType: stored.caseType, now });
  await db.leaderCaseEvidence.create({
    data: {
      leaderCaseId: created.id,
      createdById: options.leaderId,
      query: JSON.stringify(stored),
      figures: JSON.stringify(computeEvidence(items)),
      createdAt: now,
    },
  });
  const next = meetings.find((m) => m.endsAt > now);
  if (!next) return;
  await db.agendaItem.create({
    data: {
      meetingId: next.id,
      leaderCaseId: created.id,
      title: created.title,
      purpose: 'drofting',
      plannedMinutes: 15,
      reason: 'submitted',
      position: 1,
    },
  });
}

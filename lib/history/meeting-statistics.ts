import { DateTime } from 'luxon';
import { caseLevels, criteria, criterionLevels, purposes } from '../cases/case-form';
import { meetingsSeenWhere } from '../access/leader-case-policy';
import type { Actor } from '../access/access-service';
import { unitsWithHistory } from '../access/policy';
import type { Db } from '../db/db';
import { osloZone } from '../time/oslo-zone';
import { outcomes } from '../meetings/agenda-rules';
import { systemClock } from '../time/clock';
import { inChunks } from '../db/in-chunks';
import { caseLevelsById, itemLevel, type CaseLevel } from './item-level';
import { resolvePeriod, type StatisticsPeriod } from './statistics-period';

/** One item of a closed meeting: the rows behind every figure, and the CSV export. */
export type StatisticsRow = {
  meetingId: string;
  meetingDate: string;
  purpose: string;
  /** individ | tjeneste | politisk (item-level.ts); null for an item without a case. */
  level: string | null;
  outcome: string | null;
  status: string;
  plannedMinutes: number;
  usedMinutes: number | null;
  caseworker: string | null;
  severity: string | null;
  benefit: string | null;
  resource: string | null;
  followUps: number;
  followUpsDone: number;
};

const count = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The figures of the statistics page, from the rows. Pure. */
export function summarizeStatistics(rows: readonly StatisticsRow[]) {
  const meetings = new Map<string, { date: string; items: number }>();
  const purposeMix = count(purposes);
  const levelMix = { ...count(caseLevels), none: 0 };
  const outcomeMix = { ...count(outcomes), none: 0 };
  const time = new Map<string, { planned: number; used: number; n: number }>();
  const criteriaMix = Object.fromEntries(criteria.map((c) => [c, { ...count(criterionLevels), unknown: 0 }])) as Record<
    (typeof criteria)[number],
    Record<(typeof criterionLevels)[number] | 'unknown', number>
  >;
  const bySeverity = Object.fromEntries([...criterionLevels, 'unknown'].map((l) => [l, { ...count(outcomes), none: 0 }])) as Record<
    string,
    Record<string, number>
  >;
  const byCaseworker = new Map<string, Record<string, number>>();
  const byMonth = new Map<string, Record<string, number>>();
  const allTimed = { planned: 0, used: 0, n: 0 };
  let postponed = 0;
  let followUps = 0;
  let followUpsDone = 0;
  for (const row of rows) {
    const meeting = meetings.get(row.meetingId) ?? { date: row.meetingDate, items: 0 };
    meeting.items += 1;
    meetings.set(row.meetingId, meeting);
    if (row.purpose in purposeMix) purposeMix[row.purpose as keyof typeof purposeMix] += 1;
    levelMix[row.level && row.level in levelMix ? (row.level as keyof typeof levelMix) : 'none'] += 1;
    const outcome = row.outcome && row.outcome in outcomeMix ? (row.outcome as keyof typeof outcomeMix) : 'none';
    outcomeMix[outcome] += 1;
    if (row.usedMinutes !== null) {
      const entry = time.get(row.purpose) ?? { planned: 0, used: 0, n: 0 };
      entry.planned += row.plannedMinutes;
      entry.used += row.usedMinutes;
      entry.n += 1;
      time.set(row.purpose, entry);
      allTimed.planned += row.plannedMinutes;
      allTimed.used += row.usedMinutes;
      allTimed.n += 1;
    }
    for (const [criterion, value] of [
      ['alvorlighet', row.severity],
      ['nytte', row.benefit],
      ['ressurs', row.resource],
    ] as const) {
      const level = value && value in criteriaMix[criterion] ? (value as (typeof criterionLevels)[number]) : 'unknown';
      criteriaMix[criterion][level] += 1;
    }
    bySeverity[row.severity && row.severity in bySeverity ? row.severity : 'unknown'][outcome] += 1;
    const month = row.meetingDate.slice(0, 7);
    const inMonth = byMonth.get(month) ?? { ...count(outcomes), none: 0 };
    inMonth[outcome] += 1;
    byMonth.set(month, inMonth);
    if (row.caseworker) {
      const mine = byCaseworker.get(row.caseworker) ?? { ...count(outcomes), none: 0 };
      mine[outcome] += 1;
      byCaseworker.set(row.caseworker, mine);
    }
    if (row.outcome === 'utsatt' || row.status === 'carried_over' || row.status === 'postponed') postponed += 1;
    followUps += row.followUps;
    followUpsDone += row.followUpsDone;
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    items: rows.length,
    itemsPerMeeting: [...meetings.values()].sort((a, b) => a.date.localeCompare(b.date)),
    purposeMix,
    levelMix,
    outcomeMix,
    timeByPurpose: purposes.map((p) => {
      const entry = time.get(p);
      return {
        purpose: p,
        planned: entry ? round(entry.planned / entry.n) : 0,
        used: entry ? round(entry.used / entry.n) : 0,
        items: entry?.n ?? 0,
      };
    }),
    /** Minutes per item over every item with a used time (one decimal: an average, "10,5"); null when none has. */
    minutesPerItem: allTimed.n ? { planned: round(allTimed.planned / allTimed.n), used: round(allTimed.used / allTimed.n) } : null,
    postponementRate: rows.length ? postponed / rows.length : 0,
    criteriaMix,
    outcomeBySeverity: bySeverity,
    outcomeByCaseworker: [...byCaseworker.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'nb'))
      .map(([caseworker, outcomeCounts]) => ({ caseworker, outcomes: outcomeCounts })),
    outcomeByMonth: [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, outcomeCounts]) => ({ month, outcomes: outcomeCounts })),
    followUps: { total: followUps, done: followUpsDone, rate: followUps ? followUpsDone / followUps : 0 },
  };
}

/**
 * The rows of a period (default: the last twelve months, statistics-period.ts)
 * for the units whose whole history the actor sees — a leader meeting's items
 * only for those who see leader meetings (lib/access/leader-case-policy.ts) —
 * and, with a level, only the items at that level.
 */
export async function loadStatisticsRows(options: {
  db: Db;
  actor: Actor;
  period?: Pick<StatisticsPeriod, 'from' | 'until'>;
  level?: CaseLevel;
  now?: Date;
}): Promise<StatisticsRow[]> {
  const { db, actor } = options;
  const unitIds = unitsWithHistory(actor.memberships, 'unit');
  if (unitIds.length === 0) return [];
  const period = options.period ?? resolvePeriod({}, options.now ?? systemClock.now());
  const items = await db.agendaItem.findMany({
    where: {
      meeting: {
        unitId: { in: unitIds },
        status: 'closed',
        startsAt: { gte: period.from, lt: period.until },
        ...meetingsSeenWhere(actor.memberships),
      },
    },
    select: {
      id: true,
      caseId: true,
      leaderCase: { select: { level: true } },
      purpose: true,
      outcome: true,
      status: true,
      plannedMinutes: true,
      startedAt: true,
      endedAt: true,
      meeting: { select: { id: true, startsAt: true } },
      followUps: { select: { doneAt: true } },
    },
    orderBy: [{ meeting: { startsAt: 'asc' } }, { position: 'asc' }],
  });
  // A chosen period can span years of a large unit: more item ids than one statement binds (in-chunks.ts).
  const entries = await inChunks(
    items.map((i) => i.id),
    (slice) => db.searchEntry.findMany({ where: { itemId: { in: slice } } }),
  );
  const entryById = new Map(entries.map((e) => [e.itemId, e]));
  const levels = await caseLevelsById(
    db,
    items.map((i) => i.caseId),
  );
  const caseworkerIds = [...new Set(entries.flatMap((e) => (e.caseworkerId ? [e.caseworkerId] : [])))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: caseworkerIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const rows = items.map((item) => {
    const entry = entryById.get(item.id);
    return {
      meetingId: item.meeting.id,
      meetingDate: DateTime.fromJSDate(item.meeting.startsAt, { zone: osloZone }).toISODate()!,
      purpose: item.purpose,
      level: itemLevel(item.caseId ? levels.get(item.caseId) : null, item.leaderCase?.level),
      outcome: item.outcome,
      status: item.status,
      plannedMinutes: item.plannedMinutes,
      usedMinutes: item.startedAt && item.endedAt ? Math.round((item.endedAt.getTime() - item.startedAt.getTime()) / 60_000) : null,
      caseworker: entry?.caseworkerId ? (names.get(entry.caseworkerId) ?? null) : null,
      severity: entry?.severityLevel ?? null,
      benefit: entry?.benefitLevel ?? null,
      resource: entry?.resourceLevel ?? null,
      followUps: item.followUps.length,
      followUpsDone: item.followUps.filter((f) => f.doneAt).length,
    };
  });
  // The level is known once the items' cases are read (item-level.ts): filtered here, by the same rule that labels them.
  return options.level ? rows.filter((row) => row.level === options.level) : rows;
}

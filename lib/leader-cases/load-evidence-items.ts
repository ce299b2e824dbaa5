import { DateTime } from 'luxon';
import type { Db } from '../db/db';
import type { StatisticsPeriod } from '../history/statistics-period';
import { osloZone } from '../time/oslo-zone';
import type { EvidenceItem } from './case-evidence';

const osloDate = (at: Date) => DateTime.fromJSDate(at, { zone: osloZone }).toISODate()!;

/**
 * The agenda items about the unit's individual cases in closed meetings of the
 * period, from the search index (what each item was, as concluded: case type,
 * services, severity, outcome), with each case's first submission and the
 * items' follow-ups. Only what counting needs is read — no titles, no text.
 */
export async function loadEvidenceItems(options: {
  db: Db;
  unitId: string;
  period: Pick<StatisticsPeriod, 'from' | 'until'>;
  service: string | null;
  caseType: string | null;
  now: Date;
}): Promise<EvidenceItem[]> {
  const { db, unitId, period } = options;
  const entries = await db.searchEntry.findMany({
    where: {
      unitId,
      caseId: { not: null },
      meetingDate: { gte: period.from, lt: period.until },
      OR: [{ level: 'individ' }, { level: null }],
      ...(options.caseType ? { caseType: options.caseType } : {}),
      ...(options.service ? { services: { contains: options.service.toLocaleLowerCase('nb') } } : {}),
    },
    select: { itemId: true, caseId: true, meetingDate: true, outcome: true, severityLevel: true },
  });
  if (entries.length === 0) return [];
  const itemIds = entries.map((e) => e.itemId);
  const caseIds = [...new Set(entries.map((e) => e.caseId!))];
  const [items, firstVersions] = await Promise.all([
    db.agendaItem.findMany({
      where: { id: { in: itemIds }, meeting: { status: 'closed' } },
      select: { id: true, status: true, followUps: { select: { doneAt: true, dueDate: true } } },
    }),
    db.caseVersion.groupBy({ by: ['caseId'], where: { caseId: { in: caseIds } }, _min: { submittedAt: true } }),
  ]);
  const itemById = new Map(items.map((i) => [i.id, i]));
  const firstById = new Map(firstVersions.map((v) => [v.caseId, v._min.submittedAt]));
  const today = osloDate(options.now);
  return entries.flatMap((entry) => {
    const item = itemById.get(entry.itemId);
    if (!item) return [];
    const first = firstById.get(entry.caseId!);
    return [
      {
        caseId: entry.caseId!,
        meetingDate: osloDate(entry.meetingDate),
        outcome: entry.outcome,
        status: item.status,
        severity: entry.severityLevel,
        firstSubmittedDate: first ? osloDate(first) : null,
        followUps: item.followUps.map((f) => ({
          done: f.doneAt !== null,
          overdue: f.doneAt === null && f.dueDate !== null && f.dueDate < today,
        })),
      },
    ];
  });
}

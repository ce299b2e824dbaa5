import { randomBytes } from 'node:crypto';
import type { Db } from '../lib/db/db';
import { demoFixtures } from '../tests/support/fixtures';

/** Copies the demo's closed meeting (its cases, versions, items and search rows) until the unit has `count` past cases. */
export async function seedHistory(db: Db, count: number, itemsPerMeeting = 12): Promise<number> {
  const { mainUnit, pastMeeting } = await demoFixtures(db);
  const items = await db.agendaItem.findMany({ where: { meetingId: pastMeeting.id, caseId: { not: null } } });
  const sources = new Map(
    (await db.case.findMany({ where: { meetingId: pastMeeting.id }, include: { versions: true } })).map((c) => [c.id, c]),
  );
  const entries = await db.searchEntry.findMany({ where: { meetingId: pastMeeting.id } });
  const templates = items.filter((item) => sources.has(item.caseId!));
  const meetingCount = Math.ceil(count / itemsPerMeeting);
  let created = 0;
  const id = (kind: string, n: number) => `bench${kind}${n.toString(36).padStart(7, '0')}${randomBytes(2).toString('hex')}`;
  for (let m = 0; m < meetingCount; m += 50) {
    const meetings = [];
    const cases = [];
    const versions = [];
    const agenda = [];
    const search = [];
    for (let k = m; k < Math.min(meetingCount, m + 50); k += 1) {
      // Twice a week, backwards from the demo's past meeting.
      const startsAt = new Date(pastMeeting.startsAt.getTime() - (k + 1) * 3.5 * 24 * 3600_000);
      const meetingId = id('m', k);
      meetings.push({
        ...pastMeeting,
        id: meetingId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 90 * 60_000),
        submissionDeadline: startsAt,
        openedAt: startsAt,
        closedAt: startsAt,
        seriesId: null,
        seriesSlot: null,
        currentItemId: null,
        createdAt: startsAt,
      });
      for (let i = 0; i < itemsPerMeeting && created < count; i += 1, created += 1) {
        const template = templates[i % templates.length];
        const source = sources.get(template.caseId!)!;
        const caseId = id('c', created);
        const itemId = id('i', created);
        const { versions: sourceVersions, ...caseRow } = source;
        cases.push({
          ...caseRow,
          id: caseId,
          meetingId,
          personRef: `P-${(created % 20_000).toString().padStart(5, '0')}`,
          revisesCaseId: null,
          createdAt: startsAt,
          updatedAt: startsAt,
        });
        for (const version of sourceVersions) versions.push({ ...version, id: id('v', created), caseId, meetingId, submittedAt: startsAt });
        // A re-assessment date stays only on the last two weeks' copies: older ones were taken up long ago in a
        // unit in use, where a copy keeping its date would be one of tens of thousands overdue, proposed to the next meeting.
        const reassessmentDate = k < 4 ? template.reassessmentDate : null;
        agenda.push({
          ...template,
          id: itemId,
          meetingId,
          caseId,
          position: i,
          carriedFromItemId: null,
          createdAt: startsAt,
          reassessmentDate,
        });
        const entry = entries.find((e) => e.itemId === template.id);
        if (entry) {
          const { id: _id, ...entryRow } = entry;
          search.push({ ...entryRow, itemId, meetingId, caseId, meetingDate: startsAt, unitId: mainUnit.id });
        }
      }
    }
    await db.meeting.createMany({ data: meetings });
    await db.case.createMany({ data: cases });
    await db.caseVersion.createMany({ data: versions });
    await db.agendaItem.createMany({ data: agenda });
    await db.searchEntry.createMany({ data: search });
  }
  // Statistics for the planner, as a database in use has them (autovacuum would do it a little later).
  await db.$executeRawUnsafe('ANALYZE');
  return created;
}

import { randomBytes } from 'node:crypto';
import type { Db } from '../lib/db/db';
import { syncAgenda } from '../lib/meetings/sync-agenda';
import { demoFixtures } from '../tests/support/fixtures';

export type SpikeMeeting = { meetingId: string; currentItemId: string };

/**
 * Meetings starting now, as at 10:00 on a Tuesday: copies of the demo's coming meeting with its submitted
 * cases (their versions, what the room shows) and agenda, opened by the demo chair on the first item.
 */
export async function copyComingMeeting(db: Db, count: number, chairId: string): Promise<SpikeMeeting[]> {
  const { meeting } = await demoFixtures(db);
  const templateItems = await syncAgenda(db, meeting.id);
  const templateCases = await db.case.findMany({ where: { meetingId: meeting.id }, include: { versions: true } });
  const id = (kind: string) => `spike${kind}${randomBytes(8).toString('hex')}`;
  const now = new Date();
  const result: SpikeMeeting[] = [];
  for (let m = 0; m < count; m += 1) {
    const meetingId = id('m');
    const caseIds = new Map(templateCases.map((c) => [c.id, id('c')]));
    const items = templateItems.map((item) => ({
      ...item,
      id: id('i'),
      meetingId,
      caseId: item.caseId ? (caseIds.get(item.caseId) ?? null) : null,
    }));
    await db.meeting.create({
      data: {
        ...meeting,
        id: meetingId,
        startsAt: now,
        endsAt: new Date(now.getTime() + 90 * 60_000),
        submissionDeadline: new Date(now.getTime() - 24 * 3600_000),
        status: 'open',
        openedAt: now,
        chairId,
        seriesId: null,
        seriesSlot: null,
        currentItemId: null,
        createdAt: now,
      },
    });
    await db.case.createMany({
      data: templateCases.map(({ versions: _versions, ...row }) => ({ ...row, id: caseIds.get(row.id)!, meetingId })),
    });
    await db.caseVersion.createMany({
      data: templateCases.flatMap((c) => c.versions.map((v) => ({ ...v, id: id('v'), caseId: caseIds.get(c.id)!, meetingId }))),
    });
    await db.agendaItem.createMany({ data: items.map((item, i) => ({ ...item, startedAt: i === 0 ? now : null })) });
    await db.meeting.update({ where: { id: meetingId }, data: { currentItemId: items[0].id } });
    result.push({ meetingId, currentItemId: items[0].id });
  }
  return result;
}

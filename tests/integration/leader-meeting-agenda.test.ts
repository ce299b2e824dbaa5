import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor, type Actor } from '../../lib/access/access-service';
import type { CaseContentStore } from '../../lib/cases/case-content-store';
import { submitCase } from '../../lib/cases/submit-case';
import type { Db } from '../../lib/db/db';
import { createLeaderCase } from '../../lib/leader-cases/create-leader-case';
import { leaderCaseMeetings, putLeaderCaseOnMeeting, upcomingLeaderMeetings } from '../../lib/leader-cases/put-on-meeting';
import { saveLeaderCase } from '../../lib/leader-cases/save-leader-case';
import { seedDemoData } from '../../lib/seed/demo-seed';
import { fixedClock } from '../../lib/time/clock';
import { applyMigrations } from '../../server/db/apply-migrations';
import { resolveDatabaseTarget } from '../../server/db/database-url';
import { completeCase } from '../support/api';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';

const now = new Date('2026-12-02T09:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
const refusal = (work: Promise<unknown>) =>
  work.then(
    () => 'done',
    (error: { code?: string; message?: string; fields?: Record<string, string> }) =>
      `${error.code}:${error.fields ? JSON.stringify(error.fields) : error.message}`,
  );

/**
 * Issue 22: a leader case goes on a leader meeting's agenda, and only there —
 * never on a case meeting (saksmøte); and a person's case never goes on a
 * leader meeting (ledermøte). On both databases, through lib/ as the page's
 * action calls it.
 */
describe.each(databaseKinds)('leader cases on leader meetings on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  const actors: Record<'leader' | 'chair' | 'caseworker' | 'otherUnit', Actor> = {} as never;
  let unitId: string;
  let leaderCaseId: string;
  const leaderMeetings: string[] = [];
  let caseMeetingId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await applyMigrations(resolveDatabaseTarget(database.url));
    db = openDb(database.url);
    await seedDemoData(db, { clock: fixedClock(now) });
    const fixtures = await demoFixtures(db);
    unitId = fixtures.mainUnit.id;
    caseMeetingId = fixtures.meeting.id;
    for (const [key, email] of [
      ['leader', demo.leader],
      ['chair', demo.chair],
      ['caseworker', demo.caseworker],
      ['otherUnit', demo.otherUnit],
    ] as const) {
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      actors[key] = (await loadActor(db, user.id))!;
    }
    // Two leader meetings ahead, one that has been held.
    for (const [days, status] of [
      [3, 'planned'],
      [33, 'planned'],
      [-27, 'closed'],
    ] as const) {
      const startsAt = inDays(days);
      const meeting = await db.meeting.create({
        data: {
          unitId,
          kind: 'ledermote',
          status,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 90 * 60_000),
          submissionDeadline: new Date(startsAt.getTime() - 86_400_000),
        },
      });
      leaderMeetings.push(meeting.id);
    }
    ({ id: leaderCaseId } = await createLeaderCase({ db, actor: actors.leader, input: { unitId, level: 'tjeneste' } }));
    await saveLeaderCase({ db, actor: actors.leader, id: leaderCaseId, input: { question: 'Starte et lavterskeltilbud?' } });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('offers the unit’s upcoming leader meetings only', async () => {
    const offered = (await upcomingLeaderMeetings(db, unitId, now)).map((m) => m.id);
    // The demo's own monthly leader meetings are among them, in time order with these.
    const expected = await db.meeting.findMany({
      where: { unitId, kind: 'ledermote', status: 'planned', endsAt: { gt: now } },
      orderBy: { startsAt: 'asc' },
      select: { id: true },
    });
    expect(offered).toEqual(expected.map((m) => m.id));
    expect(offered).toEqual(expect.arrayContaining(leaderMeetings.slice(0, 2)));
    expect(offered).not.toContain(leaderMeetings[2]);
    expect(await db.meeting.count({ where: { id: { in: offered }, kind: { not: 'ledermote' } } })).toBe(0);
    const other = (await demoFixtures(db)).otherUnit.id;
    expect(await upcomingLeaderMeetings(db, other, now)).toEqual([]);
  });

  it('refuses a case meeting, a held meeting, and people who are not the unit’s leaders or chairs', async () => {
    const put = (who: keyof typeof actors, meetingId: string) =>
      refusal(putLeaderCaseOnMeeting({ db, actor: actors[who], id: leaderCaseId, input: { meetingId }, now }));
    expect(await put('leader', caseMeetingId)).toBe('invalid_input:{"meetingId":"not_leader_meeting"}');
    expect(await put('leader', leaderMeetings[2])).toBe('conflict:meeting_closed');
    expect(await put('caseworker', leaderMeetings[0])).toBe('not_found:leader case');
    expect(await put('otherUnit', leaderMeetings[0])).toBe('not_found:leader case');
    expect(await db.agendaItem.count({ where: { leaderCaseId } })).toBe(0);
  });

  it('the chair puts it on the next leader meeting: one item, titled by its question, audited; once only', async () => {
    const put = await putLeaderCaseOnMeeting({
      db,
      actor: actors.chair,
      id: leaderCaseId,
      input: { meetingId: leaderMeetings[0], purpose: 'avklaring' },
      now,
    });
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: put.itemId } });
    expect(item).toMatchObject({
      meetingId: leaderMeetings[0],
      leaderCaseId,
      caseId: null,
      title: 'Starte et lavterskeltilbud?',
      purpose: 'avklaring',
      status: 'pending',
    });
    expect(
      await db.auditEvent.count({ where: { action: 'leader_case.put_on_meeting', entityId: leaderCaseId, actorId: actors.chair.userId } }),
    ).toBe(1);
    // The same meeting again is the same item; another meeting while it waits on this one is refused.
    expect(
      (await putLeaderCaseOnMeeting({ db, actor: actors.leader, id: leaderCaseId, input: { meetingId: leaderMeetings[0] }, now })).itemId,
    ).toBe(put.itemId);
    expect(
      await refusal(putLeaderCaseOnMeeting({ db, actor: actors.leader, id: leaderCaseId, input: { meetingId: leaderMeetings[1] }, now })),
    ).toBe('conflict:already_on_meeting');
    expect(await db.agendaItem.count({ where: { leaderCaseId } })).toBe(1);
    // Listed on the case, with no conclusion before the meeting has closed.
    expect(await leaderCaseMeetings(db, leaderCaseId)).toMatchObject([
      { itemId: put.itemId, meetingId: leaderMeetings[0], meetingStatus: 'planned', conclusion: null },
    ]);
  });

  it('a person’s case is never sent to a leader meeting, only to a case meeting', async () => {
    const { draftCase } = await demoFixtures(db);
    const author = (await loadActor(db, draftCase.createdById))!;
    const store: CaseContentStore = { read: async () => completeCase, write: async () => undefined, recheckAccess: async () => undefined };
    const send = (meetingId: string) => refusal(submitCase({ db, store, actor: author, caseId: draftCase.id, input: { meetingId }, now }));
    expect(await send(leaderMeetings[1])).toBe('conflict:meeting_not_open');
    expect((await db.case.findUniqueOrThrow({ where: { id: draftCase.id } })).meetingId).toBeNull();
    expect(await send(caseMeetingId)).toBe('done');
    expect((await db.case.findUniqueOrThrow({ where: { id: draftCase.id } })).meetingId).toBe(caseMeetingId);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, demoItemDocument, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { queriesPerRequest } from '../support/query-count';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';
import { connectYjs, whenSynced } from '../support/yjs-client';
import { connectSocket, emitAck } from '../support/socket-client';

/**
 * How many SQL statements the saksliste and the meeting room send per
 * request, counted by the server (SAMLET_METRICS=1, server/db/create-prisma-client.ts).
 * Deterministic where timings are not: a page that goes back to a query per
 * agenda item (the room checked each case's access with four statements),
 * reads its session from the database on every request again, or writes its
 * audit rows in two inserts, fails here. The budgets are today's figures
 * (docs/performance.md has before and after).
 */
describe('queries per page', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let pages: { agenda: string; room: string };
  printLogsOnFailure(() => server);

  // Fewer is not always cheaper: one statement less (inhabilCaseIds as a semi-join) made SQLite scan every
  // agenda item of the history, and the room took twice as long with 100,000 past cases (docs/performance.md).
  const budgets = { agenda: 25, room: 24, yjsConnection: 6, meetingJoin: 4 };
  const counts = async (cookie: string) => ({
    agenda: await queriesPerRequest(server.url, pages.agenda, cookie),
    room: await queriesPerRequest(server.url, pages.room, cookie),
  });

  /** Copies of one of the meeting's submitted cases, submitted to it too: more items on its agenda. */
  async function addCases(meetingId: string, count: number): Promise<void> {
    const source = await db.case.findFirstOrThrow({
      where: { meetingId, status: 'submitted' },
      include: { versions: true },
    });
    const { id: _id, versions, ...row } = source;
    for (let i = 0; i < count; i += 1) {
      await db.case.create({
        data: {
          ...row,
          title: `${row.title} (kopi ${i + 1})`,
          personRef: `Q-${i}`,
          revisesCaseId: null,
          lateRequestMeetingId: null,
          versions: { create: versions.map(({ id: _v, caseId: _c, ...version }) => version) },
        },
      });
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir, env: { SAMLET_METRICS: '1' } });
    db = openDb(database.url);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
    const { meeting } = await demoFixtures(db);
    pages = { agenda: `/moter/${meeting.id}`, room: `/moter/${meeting.id}/rom` };
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    await database?.drop();
  });

  it('the chair’s saksliste and room stay within their budgets, and the same however many cases are on the agenda', async () => {
    const before = await counts(cookies.chair);
    console.log(`SQL statements per request, chair: agenda ${before.agenda}, room ${before.room}`);
    expect(before.agenda).toBeLessThanOrEqual(budgets.agenda);
    expect(before.room).toBeLessThanOrEqual(budgets.room);
    const { meeting } = await demoFixtures(db);
    const itemsBefore = await db.agendaItem.count({ where: { meetingId: meeting.id } });
    await addCases(meeting.id, 6);
    const after = await counts(cookies.chair);
    // The six were synced onto the agenda by the first of those requests (and the least of three counts).
    expect(await db.agendaItem.count({ where: { meetingId: meeting.id } })).toBe(itemsBefore + 6);
    expect(after).toEqual(before);
  });

  it('a caseworker’s and a leader’s pages stay within the same budgets', async () => {
    for (const role of ['caseworker', 'leader'] as const) {
      const seen = await counts(cookies[role]);
      console.log(`SQL statements per request, ${role}: agenda ${seen.agenda}, room ${seen.room}`);
      expect(seen.agenda, role).toBeLessThanOrEqual(budgets.agenda);
      expect(seen.room, role).toBeLessThanOrEqual(budgets.room);
    }
  });

  /**
   * Opening an item's live document: the session (cached), access with habilitet, the person's colour
   * (cached) and the audit row: five statements for the chair, six for another (the chair's habilitet too). At ten people joining a meeting at once every statement counts
   * (bench/upgrade-time.ts); it was 13 when habilitet asked twice for the chair and Prisma sent a
   * statement for an empty relation.
   */
  it('opening a live item document stays within its budget, for the chair and for a caseworker', async () => {
    const docName = await demoItemDocument(db);
    const sent = async () => ((await (await fetch(`${server.url}/api/metrics`)).json()) as { databaseQueries: number }).databaseQueries;
    for (const role of ['chair', 'caseworker'] as const) {
      const seen: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const before = await sent();
        const client = connectYjs(server.url, docName, cookies[role]);
        await whenSynced(client);
        client.destroy();
        seen.push((await sent()) - before);
      }
      console.log(`SQL statements per live connection, ${role}: ${Math.min(...seen)}`);
      expect(Math.min(...seen), role).toBeLessThanOrEqual(budgets.yjsConnection);
    }
  });

  /** Joining the room over socket.io (attendance, presence, the audit row), as every participant does at 10:00. */
  it('joining a meeting over socket.io stays within its budget', async () => {
    const { meeting } = await demoFixtures(db);
    const sent = async () => ((await (await fetch(`${server.url}/api/metrics`)).json()) as { databaseQueries: number }).databaseQueries;
    const seen: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const socket = await connectSocket(server.url, cookies.caseworker);
      const before = await sent();
      const answer = await emitAck(socket, 'meeting:join', { meetingId: meeting.id });
      seen.push((await sent()) - before);
      socket.disconnect();
      expect(answer.ok).toBe(true);
    }
    console.log(`SQL statements per meeting:join, caseworker: ${Math.min(...seen)}`);
    expect(Math.min(...seen)).toBeLessThanOrEqual(budgets.meetingJoin);
  });
});

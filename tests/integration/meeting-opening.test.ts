import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { connectSocket } from '../support/socket-client';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * Cases may be submitted until a meeting's deadline: the chair opens the
 * meeting before it only by confirming, and that is audited.
 */
describe('opening a meeting before its submission deadline', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let chair: Socket;
  printLogsOnFailure(() => server);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const cookies = await loginDemoUsers(server.url, { chair: demo.chair }, demo.password);
    chair = await connectSocket(server.url, cookies.chair);
  });

  afterAll(async () => {
    chair?.disconnect();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('is refused without the chair’s confirmation, and opens with it, audited', async () => {
    const { meeting } = await demoFixtures(db);
    // A deadline no run of the suite reaches, whatever instant it runs at (the server reads its own clock).
    await db.meeting.update({ where: { id: meeting.id }, data: { submissionDeadline: new Date('2099-12-31T12:00:00Z') } });
    const [item] = await syncAgenda(db, meeting.id);
    expect(await chair.emitWithAck('meeting:join', { meetingId: meeting.id })).toMatchObject({ ok: true });
    expect(await chair.emitWithAck('meeting:set-current', { meetingId: meeting.id, itemId: item.id })).toMatchObject({
      ok: false,
      error: 'conflict',
      message: 'before_deadline',
    });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe('planned');
    expect(await chair.emitWithAck('meeting:set-current', { meetingId: meeting.id, itemId: item.id, openEarly: true })).toMatchObject({
      ok: true,
    });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe('open');
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'meeting.set_current', entityId: meeting.id } });
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ opened: true, beforeDeadline: true });
  });

  it('opens without asking once the deadline has passed', async () => {
    const { mainUnit } = await demoFixtures(db);
    const planned = await db.meeting.findFirstOrThrow({
      where: { unitId: mainUnit.id, kind: 'saksmote', status: 'planned' },
      orderBy: { startsAt: 'asc' },
    });
    // A deadline long past, whatever instant the suite runs at.
    await db.meeting.update({ where: { id: planned.id }, data: { submissionDeadline: new Date('2000-01-03T12:00:00Z') } });
    const added = await db.agendaItem.create({
      data: { meetingId: planned.id, title: 'Eventuelt', position: 1, plannedMinutes: 5, purpose: 'orientering', reason: 'added' },
    });
    expect(await chair.emitWithAck('meeting:set-current', { meetingId: planned.id, itemId: added.id })).toMatchObject({ ok: true });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: planned.id } })).status).toBe('open');
  });
});

import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { connectSocket, emitAck, nextEvent } from '../support/socket-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The meeting room's socket.io contract (lib/realtime/meeting-socket-contract.ts)
 * as it crosses the wire: what each broadcast carries, and that a payload
 * outside the contract is refused before the command behind it runs.
 */
describe('the meeting socket contract', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let meetingId: string;
  let items: Awaited<ReturnType<typeof syncAgenda>>;
  let chair: Socket;
  let member: Socket;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    meetingId = (await demoFixtures(db)).meeting.id;
    items = await syncAgenda(db, meetingId);
    chair = await connectSocket(server.url, (await login(server.url, demo.chair, demo.password))!);
    member = await connectSocket(server.url, (await login(server.url, demo.caseworker, demo.password))!);
    expect(await emitAck(member, 'meeting:join', { meetingId })).toEqual({ ok: true, access: 'edit', now: expect.any(String) });
  });

  afterAll(async () => {
    chair?.close();
    member?.close();
    await db?.$disconnect();
    expect(await server?.stop('SIGTERM')).toBe(0);
    await database?.drop();
  });

  it('sends presence, the current item and agenda changes with the fields the contract names', async () => {
    expect(items.length).toBeGreaterThanOrEqual(2);
    const presence = nextEvent(member, 'meeting:presence');
    expect(await emitAck(chair, 'meeting:join', { meetingId })).toEqual({ ok: true, access: 'edit', now: expect.any(String) });
    const people = await presence;
    expect(people.meetingId).toBe(meetingId);
    expect(people.people.map((p) => Object.keys(p).sort())).toEqual(people.people.map(() => ['name', 'userId']));
    expect(people.people).toHaveLength(2);

    const current = nextEvent(member, 'meeting:current');
    const ack = await emitAck(chair, 'meeting:set-current', { meetingId, itemId: items[1].id, openEarly: true });
    if (!ack.ok) throw new Error(`set-current refused: ${ack.error}`);
    const event = await current;
    expect(event).toEqual({ meetingId, currentItemId: items[1].id, startedAt: ack.result.startedAt, previous: ack.result.previous });
    expect(new Date(event.startedAt).toISOString()).toBe(event.startedAt);

    const changed = nextEvent(member, 'meeting:agenda-changed');
    expect(await emitAck(chair, 'meeting:reorder', { meetingId, itemId: items[0].id, toIndex: 1 })).toMatchObject({ ok: true });
    expect(await changed).toEqual({ meetingId });
  });

  it('refuses a payload outside the contract before the command runs', async () => {
    const before = await db.agendaItem.findUniqueOrThrow({ where: { id: items[0].id }, select: { plannedMinutes: true } });
    // Well-typed, but outside the schema: no minutes.
    expect(await emitAck(chair, 'meeting:plan-item', { meetingId, itemId: items[0].id, plannedMinutes: 0 })).toEqual({
      ok: false,
      error: 'invalid_input',
      fields: { plannedMinutes: expect.any(String) },
    });
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: items[0].id }, select: { plannedMinutes: true } })).toEqual(before);
    // The same command inside the contract goes through: the refusal above was the payload's.
    const minutes = before.plannedMinutes === 7 ? 8 : 7;
    expect(await emitAck(chair, 'meeting:plan-item', { meetingId, itemId: items[0].id, plannedMinutes: minutes })).toEqual({
      ok: true,
      result: {},
    });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: items[0].id } })).plannedMinutes).toBe(minutes);
  });
});

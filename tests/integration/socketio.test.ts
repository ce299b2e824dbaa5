import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';
import { systemClock } from '../../lib/time/clock';

describe('socket.io on the same port', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  const sockets: Socket[] = [];
  let stopped = false;

  const open = (cookie: string | null) => {
    const socket = connectSocket(server.url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: cookie ? { cookie } : {},
      reconnection: false,
    });
    sockets.push(socket);
    return socket;
  };
  const connected = (socket: Socket) =>
    new Promise<string | null>((resolve) => {
      socket.once('connect', () => resolve(null));
      socket.once('connect_error', (error) => resolve(error.message));
    });

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await db?.$disconnect();
    if (!stopped) expect(await server?.stop('SIGTERM')).toBe(0);
    await database?.drop();
  });

  it('refuses a handshake without a session', async () => {
    expect(await connected(open(null))).toBe('unauthenticated');
  });

  it('lets a member join their meeting and refuses a member of another unit', async () => {
    const { meeting } = await demoFixtures(db);
    const member = open(await login(server.url, demo.caseworker, demo.password));
    expect(await connected(member)).toBeNull();
    expect(await member.emitWithAck('meeting:join', { meetingId: meeting.id })).toEqual({
      ok: true,
      access: 'edit',
      now: expect.any(String),
    });

    const admin = open(await login(server.url, demo.admin, demo.password));
    expect(await connected(admin)).toBeNull();
    expect(await admin.emitWithAck('meeting:join', { meetingId: meeting.id })).toEqual({
      ok: true,
      access: 'read',
      now: expect.any(String),
    });

    const outsider = open(await login(server.url, demo.otherUnit, demo.password));
    expect(await connected(outsider)).toBeNull();
    expect(await outsider.emitWithAck('meeting:join', { meetingId: meeting.id })).toEqual({ ok: false, error: 'forbidden' });
  });

  it('validates event payloads', async () => {
    const member = open(await login(server.url, demo.caseworker, demo.password));
    expect(await connected(member)).toBeNull();
    for (const payload of [null, 'x', { meetingId: 42 }, { meetingId: '../../x' }, { meetingId: 'a'.repeat(200) }]) {
      expect(await member.emitWithAck('meeting:join', payload)).toMatchObject({ ok: false, error: 'invalid_input' });
    }
  });

  it('a closed meeting is hidden from a caseworker with no case on it: out of its room at the close, no join after', async () => {
    const { mainUnit } = await demoFixtures(db);
    const chairUser = await db.user.findUniqueOrThrow({ where: { email: demo.chair } });
    const startsAt = new Date(systemClock.now().getTime() + 400 * 24 * 3600_000);
    const own = await db.meeting.create({
      data: {
        unitId: mainUnit.id,
        chairId: chairUser.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3600_000),
        submissionDeadline: new Date(startsAt.getTime() - 24 * 3600_000),
      },
    });
    // Each connected before the next is opened: a `connect` listened for too late never comes.
    const signedIn = async (email: string) => {
      const socket = open(await login(server.url, email, demo.password));
      expect(await connected(socket)).toBeNull();
      return socket;
    };
    const chair = await signedIn(demo.chair);
    const sindre = await signedIn(demo.caseworker2);
    const leader = await signedIn(demo.leader);
    // The presence the chair is sent, until one matches (events on one socket arrive in order).
    const presenceUntil = (match: (names: string[]) => boolean) =>
      new Promise<string[]>((resolve) => {
        const listener = (event: { people: { name: string }[] }) => {
          const names = event.people.map((p) => p.name);
          if (!match(names)) return;
          chair.off('meeting:presence', listener);
          resolve(names);
        };
        chair.on('meeting:presence', listener);
      });
    expect(await chair.emitWithAck('meeting:join', { meetingId: own.id })).toMatchObject({ ok: true, access: 'edit' });
    // While the meeting is planned, every caseworker of the unit takes part.
    const withSindre = presenceUntil((names) => names.includes('Sindre Saksbehandler'));
    expect(await sindre.emitWithAck('meeting:join', { meetingId: own.id })).toEqual({ ok: true, access: 'edit', now: expect.any(String) });
    await withSindre;

    const told = new Promise((resolve) => sindre.once('meeting:closed', resolve));
    const withoutSindre = presenceUntil((names) => !names.includes('Sindre Saksbehandler'));
    expect(await chair.emitWithAck('meeting:close', { meetingId: own.id })).toMatchObject({ ok: true });
    await told;
    // Sindre had no case on it: he is taken out of the room (the presence the others see says so) ...
    expect(await withoutSindre).toEqual(['Mona Møteleder']);
    // ... and cannot come back; the leader, who sees the unit's history, can.
    expect(await sindre.emitWithAck('meeting:join', { meetingId: own.id })).toEqual({ ok: false, error: 'forbidden' });
    const withLeader = presenceUntil((names) => names.length === 2);
    expect(await leader.emitWithAck('meeting:join', { meetingId: own.id })).toEqual({ ok: true, access: 'read', now: expect.any(String) });
    expect(await withLeader).not.toContain('Sindre Saksbehandler');
  });

  it('lets go of the connections at shutdown as a lost network would, so the rooms reconnect by themselves', async () => {
    // socket.io's client never retries after the server disconnects it ('io server disconnect'); after a dropped
    // transport it does. A restart (a deploy) must leave every open room reconnecting.
    const socket = open(await login(server.url, demo.chair, demo.password));
    expect(await connected(socket)).toBeNull();
    const reason = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(await server.stop('SIGTERM')).toBe(0);
    stopped = true;
    expect(await reason).toBe('transport close');
  });
});

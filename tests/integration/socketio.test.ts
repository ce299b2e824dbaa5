import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';

describe('socket.io on the same port', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  const sockets: Socket[] = [];

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
    expect(await server?.stop('SIGTERM')).toBe(0);
    await database?.drop();
  });

  it('refuses a handshake without a session', async () => {
    expect(await connected(open(null))).toBe('unauthenticated');
  });

  it('lets a member join their meeting and refuses a member of another unit', async () => {
    const { meeting } = await demoFixtures(db);
    const member = open(await login(server.url, demo.caseworker, demo.password));
    expect(await connected(member)).toBeNull();
    expect(await member.emitWithAck('meeting:join', { meetingId: meeting.id })).toEqual({ ok: true, access: 'edit' });

    const admin = open(await login(server.url, demo.admin, demo.password));
    expect(await connected(admin)).toBeNull();
    expect(await admin.emitWithAck('meeting:join', { meetingId: meeting.id })).toEqual({ ok: true, access: 'read' });

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
});

import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { readItemContent } from '../../lib/meetings/item-content';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { connectSocket } from '../support/socket-client';
import { storedDocument, writeStoredEdit } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * Agenda items whose follow-ups were stored as one plain list (before the
 * rows of lib/realtime/y-rows.ts) are moved to rows when the server starts,
 * and the meeting reads, locks and closes them as before.
 */
describe('follow-ups stored as one list are migrated to rows at start', () => {
  let database: TestDatabase;
  let server: TestServer | undefined;
  let db: Db;
  const sockets: Socket[] = [];
  printLogsOnFailure(() => server);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const restart = async () => {
    expect(await server!.stop('SIGTERM')).toBe(0);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
  };
  const migratedLog = (s: TestServer) =>
    s.logs
      .join('')
      .split('\n')
      .find((line) => line.includes('follow-ups moved to rows')) ?? null;

  it('converts a valid list to rows, drops one that fails the schema, does nothing the second time, and the lock and minutes read the rows', async () => {
    const { meeting } = await demoFixtures(db);
    const items = await syncAgenda(db, meeting.id);
    const avklaring = items.find((i) => i.purpose === 'avklaring')!;
    const other = items.find((i) => i.id !== avklaring.id)!;
    const sara = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } });
    const legacy = [
      { id: 'f1', ownerId: sara.id, description: 'Fatte vedtak om avlastning', dueDate: '2027-01-15' },
      { id: 'f2', ownerId: '', description: 'Be om uttalelse fra fastlegen', dueDate: '' },
    ];
    // Stored while no server runs, as a document from before the rows.
    await server!.stop('SIGTERM');
    await writeStoredEdit(db, `item:${avklaring.id}`, (doc) => {
      doc.getMap('item').set('outcome', 'avklart');
      doc.getMap('item').set('followUps', legacy);
      doc.getText('item.conclusion').insert(0, 'Avlastning innvilges: høy alvorlighet, god nytte, moderat ressursbruk.');
    });
    await writeStoredEdit(db, `item:${other.id}`, (doc) => doc.getMap('item').set('followUps', 'boom'));
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    expect(migratedLog(server)).toContain('"migrated":2');

    const migrated = await storedDocument(db, `item:${avklaring.id}`);
    expect(migrated.getMap('item').has('followUps')).toBe(false);
    expect(migrated.getMap('item').get('followUps.f1')).toEqual({ ownerId: sara.id, dueDate: '2027-01-15', position: 0 });
    expect(migrated.getText('item.followUps.f2').toString()).toBe('Be om uttalelse fra fastlegen');
    expect(readItemContent(migrated).followUps).toEqual(legacy);
    migrated.destroy();
    const dropped = await storedDocument(db, `item:${other.id}`);
    expect(dropped.getMap('item').toJSON()).toEqual({});
    dropped.destroy();

    await restart();
    expect(migratedLog(server!)).toBeNull();

    const cookies = await loginDemoUsers(server!.url, { chair: demo.chair }, demo.password);
    const chair = await connectSocket(server!.url, cookies.chair);
    sockets.push(chair);
    expect(await chair.emitWithAck('meeting:join', { meetingId: meeting.id })).toMatchObject({ ok: true });
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId: meeting.id, itemId: avklaring.id, locked: true })).toMatchObject({
      ok: true,
    });
    expect(await chair.emitWithAck('meeting:close', { meetingId: meeting.id })).toMatchObject({ ok: true });
    // Only a row with an owner becomes a follow-up in someone's queue (close-meeting.ts).
    const rows = await db.followUp.findMany({ where: { agendaItemId: avklaring.id } });
    expect(rows.map((r) => [r.description, r.ownerId, r.dueDate])).toEqual([['Fatte vedtak om avlastning', sara.id, '2027-01-15']]);
  });
});

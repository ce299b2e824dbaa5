import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { connectSocket } from '../support/socket-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { storedText } from '../support/stored-document';
import { connectYjs, markerSeen, waitFor, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * The chair's lock waits for edits the server has not confirmed stored (a writer's presence says
 * `pending` until the save acknowledgement covers its copy), then refuses and names whose.
 */
describe('a lock waits for unsaved edits', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let meetingId: string;
  let itemId: string;
  let chair: Socket;
  let writer: YjsClient;
  let watcher: YjsClient;
  const waitsLine = 'yjs: lock waits for unsaved edits';
  const waitsLogged = () => server.logs.join('').split(waitsLine).length - 1;
  const lock = (locked: boolean) => chair.emitWithAck('meeting:lock-item', { meetingId, itemId, locked });
  const pendingSeen = () => (watcher.provider.awareness.getStates().get(writer.doc.clientID) as { pending?: boolean } | undefined)?.pending;
  const setPending = async (pending: boolean) => {
    writer.provider.awareness.setLocalStateField('pending', pending);
    await waitFor(() => pendingSeen() === pending, 5000, `pending ${pending} seen`);
  };

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    meetingId = (await demoFixtures(db)).meeting.id;
    itemId = (await syncAgenda(db, meetingId)).find((i) => i.purpose === 'drofting')!.id;
    cookies = await loginDemoUsers(server.url, demo, demo.password);
    chair = await connectSocket(server.url, cookies.chair);
    await chair.emitWithAck('meeting:join', { meetingId });
    writer = connectYjs(server.url, `item:${itemId}`, cookies.caseworker);
    watcher = connectYjs(server.url, `item:${itemId}`, cookies.leader);
    await Promise.all([whenSynced(writer), whenSynced(watcher)]);
    // The outcome is the chair's to write (canWriteConclusion); Sara is the writer whose edits the lock waits for.
    const outcome = connectYjs(server.url, `item:${itemId}`, cookies.chair);
    await whenSynced(outcome);
    outcome.doc.getMap('item').set('outcome', 'droftet');
    await waitFor(() => watcher.doc.getMap('item').get('outcome') === 'droftet', 5000, 'the outcome');
    outcome.destroy();
  });

  afterAll(async () => {
    chair?.close();
    writer?.destroy();
    watcher?.destroy();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('locks at once when nobody has unsaved edits', async () => {
    // The outcome set above is stored: nothing is left in the server's queue either.
    await expect.poll(() => db.yDocUpdate.count({ where: { docName: `item:${itemId}` } })).toBeGreaterThan(0);
    const before = waitsLogged();
    expect(await lock(true)).toMatchObject({ ok: true });
    expect(waitsLogged()).toBe(before);
    expect(await lock(false)).toMatchObject({ ok: true });
    await whenSynced(writer);
  });

  it('waits for a writer’s unconfirmed edits and locks once they are confirmed', async () => {
    await waitFor(() => writer.provider.wsconnected && watcher.provider.wsconnected, 5000, 'reconnected after the unlock');
    await markerSeen(writer, [watcher]);
    await setPending(true);
    const before = waitsLogged();
    const locked = lock(true);
    await expect.poll(waitsLogged).toBe(before + 1);
    writer.provider.awareness.setLocalStateField('pending', false);
    expect(await locked).toMatchObject({ ok: true });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).locked).toBe(true);
    expect(await lock(false)).toMatchObject({ ok: true });
  });

  it('refuses, naming the writer, when their edits stay unconfirmed, and leaves the item open', async () => {
    await waitFor(() => writer.provider.wsconnected && watcher.provider.wsconnected, 5000, 'reconnected after the unlock');
    await markerSeen(writer, [watcher]);
    await setPending(true);
    const refused = await lock(true);
    expect(refused).toMatchObject({ ok: false, error: 'conflict' });
    expect((refused as { message?: string }).message).toContain('Sara Saksbehandler');
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).locked).toBe(false);
    // Never frozen: the writer goes on editing.
    writer.doc.getText('item.notes').insert(0, 'Fortsatt åpent.');
    await expect.poll(() => storedText(db, `item:${itemId}`, 'item.notes')).toBe('Fortsatt åpent.');
  });
});

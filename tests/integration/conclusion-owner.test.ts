import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { connectSocket } from '../support/socket-client';
import { storedText } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';
import { connectionClosed, connectYjs, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * The conclusion belongs to the chair and the referent the chair names
 * (lib/access/policy.ts canWriteConclusion): the server refuses anyone
 * else's update to those fields sent straight through Yjs, and the minutes
 * name the chair, the referent and who locked each item.
 */
describe('who writes the conclusion', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let meetingId: string;
  let itemDoc: string;
  let itemId: string;
  const clients: YjsClient[] = [];
  const sockets: Socket[] = [];
  printLogsOnFailure(() => server);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
    const { meeting } = await demoFixtures(db);
    meetingId = meeting.id;
    const items = await syncAgenda(db, meeting.id);
    itemId = items.find((i) => i.purpose === 'avklaring')!.id;
    itemDoc = `item:${itemId}`;
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const yjs = (cookie: string) => {
    const client = connectYjs(server.url, itemDoc, cookie);
    clients.push(client);
    return client;
  };
  const socket = async (cookie: string) => {
    const s = await connectSocket(server.url, cookie);
    sockets.push(s);
    expect(await s.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
    return s;
  };

  it('refuses a caseworker’s conclusion sent through Yjs (4400, nothing stored) and keeps her notes', async () => {
    const sara = yjs(cookies.caseworker);
    await whenSynced(sara);
    sara.doc.getText('item.notes').insert(0, 'Saras notat. ');
    await expect.poll(() => storedText(db, itemDoc, 'item.notes')).toBe('Saras notat. ');
    const closed = connectionClosed(sara);
    sara.doc.getText('item.conclusion').insert(0, 'Tatt til orientering.');
    expect((await closed)?.code).toBe(4400);
    const outcome = yjs(cookies.caseworker);
    await whenSynced(outcome);
    const closedAgain = connectionClosed(outcome);
    outcome.doc.getMap('item').set('outcome', 'utsatt');
    expect((await closedAgain)?.code).toBe(4400);
    // The chair's conclusion goes through, and nothing of Sara's reached the store.
    const chair = yjs(cookies.chair);
    await whenSynced(chair);
    chair.doc.getText('item.conclusion').insert(0, 'Møteleders konklusjon.');
    await expect.poll(() => storedText(db, itemDoc, 'item.conclusion')).toBe('Møteleders konklusjon.');
    const reader = yjs(cookies.leader);
    await whenSynced(reader);
    expect(reader.doc.getMap('item').get('outcome')).toBeUndefined();
  });

  it('lets the referent the chair names write it at once, on the connection she has open, and not once the chair takes it back', async () => {
    const sara = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } });
    const admin = await db.user.findUniqueOrThrow({ where: { email: demo.admin } });
    const chair = await socket(cookies.chair);
    const colleague = await socket(cookies.caseworker2);
    // Only whoever may chair names the referent, and only someone who works cases in the unit.
    expect(await colleague.emitWithAck('meeting:set-referent', { meetingId, referentId: sara.id })).toMatchObject({ ok: false });
    expect(await chair.emitWithAck('meeting:set-referent', { meetingId, referentId: admin.id })).toMatchObject({
      ok: false,
      error: 'invalid_input',
    });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).referentId).toBeNull();

    const client = yjs(cookies.caseworker);
    await whenSynced(client);
    const reconnected = connectionClosed(client);
    expect(await chair.emitWithAck('meeting:set-referent', { meetingId, referentId: sara.id })).toMatchObject({
      ok: true,
      result: { referentId: sara.id },
    });
    // Her open connection is checked again (4100) and the stock client reconnects by itself.
    expect((await reconnected)?.code).toBe(4100);
    await expect.poll(() => client.provider.wsconnected && client.provider.synced).toBe(true);
    client.doc.getText('item.dissent').insert(0, 'Referentens merknad.');
    await expect.poll(() => storedText(db, itemDoc, 'item.dissent')).toBe('Referentens merknad.');
    expect(await db.auditEvent.count({ where: { action: 'meeting.set_referent', entityId: meetingId } })).toBe(1);

    const dropped = connectionClosed(client);
    expect(await chair.emitWithAck('meeting:set-referent', { meetingId, referentId: null })).toMatchObject({ ok: true });
    expect((await dropped)?.code).toBe(4100);
    await expect.poll(() => client.provider.wsconnected && client.provider.synced).toBe(true);
    const refused = connectionClosed(client);
    client.doc.getText('item.dissent').insert(0, 'Etter at hun ikke lenger er referent. ');
    expect((await refused)?.code).toBe(4400);
    expect(await storedText(db, itemDoc, 'item.dissent')).toBe('Referentens merknad.');
  });

  it('names the chair, the referent and who locked the item in the minutes', async () => {
    const sara = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } });
    const chair = await socket(cookies.chair);
    expect(await chair.emitWithAck('meeting:set-referent', { meetingId, referentId: sara.id })).toMatchObject({ ok: true });
    const writer = yjs(cookies.chair);
    await whenSynced(writer);
    writer.doc.transact(() => {
      writer.doc.getMap('item').set('outcome', 'avklart');
      writer.doc.getMap('item').set('followUps.f1', { ownerId: sara.id, dueDate: '', position: 0 });
      writer.doc.getText('item.followUps.f1').insert(0, 'Fatte vedtak');
    });
    await expect.poll(() => storedText(db, itemDoc, 'item.followUps.f1')).toBe('Fatte vedtak');
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId, itemId, locked: true })).toMatchObject({ ok: true });
    const chairUser = await db.user.findUniqueOrThrow({ where: { email: demo.chair } });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).lockedById).toBe(chairUser.id);
    expect(await chair.emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });
    const html = await (await fetch(`${server.url}/moter/${meetingId}/referat`, { headers: { cookie: cookies.leader } })).text();
    expect(html).toContain(`Referent: ${sara.name}`);
    expect(html).toContain(`Låst av ${chairUser.name}`);
  });
});

import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { readItemContent } from '../../lib/meetings/item-content';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { pdfText } from '../support/pdf-text';
import { connectSocket, emitAck, nextEvent } from '../support/socket-client';
import { storedDocument } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';
import { connectYjs, whenSynced, type YjsClient } from '../support/yjs-client';

/** The item's content as its store holds it now. */
async function storedItem(db: Db, itemId: string) {
  const doc = await storedDocument(db, `item:${itemId}`);
  const content = readItemContent(doc);
  doc.destroy();
  return content;
}

/** A valid-looking fødselsnummer (checksums hold): it must stop the A-list as it stops a lock. */
const fnr = '15039212258';

/**
 * The A-list over the socket, as the room sends it: orientering items start
 * on it, only the chair moves items on or off and concludes it, and the one
 * step locks every open A-list item as "tatt til orientering" — all or none.
 */
describe.each(databaseKinds)('the A-list on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let meetingId: string;
  let items: Awaited<ReturnType<typeof syncAgenda>>;
  let chair: Socket;
  let sara: Socket;
  const clients: YjsClient[] = [];
  printLogsOnFailure(() => server);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    meetingId = (await demoFixtures(db)).meeting.id;
    items = await syncAgenda(db, meetingId);
    chair = await connectSocket(server.url, (await login(server.url, demo.chair, demo.password))!);
    sara = await connectSocket(server.url, (await login(server.url, demo.caseworker, demo.password))!);
    for (const s of [chair, sara]) expect(await emitAck(s, 'meeting:join', { meetingId })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    for (const s of [chair, sara]) s?.close();
    for (const c of clients) c.destroy();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('starts items brought for information on the A-list, and added ones by their purpose', async () => {
    expect(items.map((i) => [i.purpose, i.aList]).sort()).toEqual([
      ['avklaring', false],
      ['drofting', false],
      ['orientering', true],
    ]);
    const added = await emitAck(chair, 'meeting:add-item', { meetingId, title: 'Orientering om ferieavvikling', purpose: 'orientering' });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: added.result.itemId } })).aList).toBe(true);
  });

  it('refuses a caseworker who moves an item or concludes the A-list, sent straight to the server', async () => {
    const drofting = items.find((i) => i.purpose === 'drofting')!;
    expect(await emitAck(sara, 'meeting:set-a-list', { meetingId, itemId: drofting.id, onAList: true })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await emitAck(sara, 'meeting:conclude-a-list', { meetingId })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await db.agendaItem.count({ where: { meetingId, locked: true } })).toBe(0);
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: drofting.id } })).aList).toBe(false);
  });

  it('concludes the A-list only once the meeting is open', async () => {
    expect(await emitAck(chair, 'meeting:conclude-a-list', { meetingId })).toMatchObject({
      ok: false,
      error: 'conflict',
      message: 'meeting_not_open',
    });
  });

  it('locks nothing when one A-list item holds a national identity number', async () => {
    const avklaring = items.find((i) => i.purpose === 'avklaring')!;
    expect(await emitAck(chair, 'meeting:set-current', { meetingId, itemId: avklaring.id, openEarly: true })).toMatchObject({ ok: true });
    const orientering = items.find((i) => i.purpose === 'orientering')!;
    const notes = connectYjs(server.url, `item:${orientering.id}`, (await login(server.url, demo.chair, demo.password))!);
    clients.push(notes);
    await whenSynced(notes);
    notes.doc.getText('item.notes').insert(0, `Gjelder ${fnr}. `);
    await expect.poll(async () => (await storedItem(db, orientering.id)).notes ?? '', { timeout: 5000 }).toContain(fnr);
    const refused = await emitAck(chair, 'meeting:conclude-a-list', { meetingId });
    expect(refused).toMatchObject({ ok: false, error: 'invalid_input', message: 'a_list_item_incomplete' });
    expect(await db.agendaItem.count({ where: { meetingId, locked: true } })).toBe(0);
    // Nor is any of them stored as an earlier decision for the similar-cases panel.
    expect(await db.concludedDecision.count({ where: { meetingId } })).toBe(0);
    // The freeze was called off: the chair's editor writes again and takes the number out.
    const text = notes.doc.getText('item.notes');
    text.delete(0, text.length);
    await expect.poll(async () => (await storedItem(db, orientering.id)).notes ?? '', { timeout: 5000 }).not.toContain(fnr);
  });

  it('locks every open A-list item as "tatt til orientering" in one step, announced to everyone like a lock', async () => {
    const drofting = items.find((i) => i.purpose === 'drofting')!;
    const changed = nextEvent(sara, 'meeting:agenda-changed');
    expect(await emitAck(chair, 'meeting:set-a-list', { meetingId, itemId: drofting.id, onAList: true })).toMatchObject({ ok: true });
    await changed;
    const onAList = await db.agendaItem.findMany({ where: { meetingId, aList: true } });
    expect(onAList).toHaveLength(3); // the orientering case, the added item, the discussion moved there
    const locks: string[] = [];
    sara.on('meeting:item', (e: { itemId: string; locked: boolean }) => e.locked && locks.push(e.itemId));
    const done = await emitAck(chair, 'meeting:conclude-a-list', { meetingId });
    expect(done).toMatchObject({ ok: true });
    await expect.poll(() => [...locks].sort(), { timeout: 5000 }).toEqual(onAList.map((i) => i.id).sort());
    const after = await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
    const concluded = after.filter((i) => i.aList);
    expect(concluded.every((i) => i.locked && i.status === 'concluded')).toBe(true);
    // Together: one instant for all of them, for the minutes.
    expect(new Set(concluded.map((i) => i.aListConcludedAt?.toISOString())).size).toBe(1);
    expect(after.filter((i) => !i.aList).every((i) => !i.locked)).toBe(true);
    for (const item of concluded) {
      expect((await storedItem(db, item.id)).outcome).toBe('tatt_til_orientering');
    }
    expect(await db.auditEvent.count({ where: { action: 'item.a_list_conclude', entityId: { in: concluded.map((i) => i.id) } } })).toBe(3);
    expect(await db.documentVersion.count({ where: { itemId: { in: concluded.map((i) => i.id) }, kind: 'locked' } })).toBe(3);
    // Each is stored as an earlier decision with the lock, as a lock on its own stores it (lib/history/concluded-decisions.ts).
    const decisions = await db.concludedDecision.findMany({ where: { itemId: { in: concluded.map((i) => i.id) } } });
    expect(decisions.map((d) => [d.itemId, d.outcome]).sort()).toEqual(concluded.map((i) => [i.id, 'tatt_til_orientering']).sort());
    // The minutes, page and PDF, say which items were concluded together (the page's own wording).
    const leader = (await login(server.url, demo.leader, demo.password))!;
    const page = await (await fetch(`${server.url}/moter/${meetingId}/referat`, { headers: { cookie: leader } })).text();
    // What is shown, not the same text again in Next's payload scripts.
    const html = page.replaceAll('<!-- -->', '').replace(/<script[\s\S]*?<\/script>/g, '');
    expect(html.split('Tatt til orientering samlet (A-listen)').length - 1).toBe(3);
    const pdfResponse = await fetch(`${server.url}/moter/${meetingId}/referat/pdf`, { headers: { cookie: leader } });
    // (Once under load the PDF read as no text at all: a refusal says what it was.)
    expect([pdfResponse.status, pdfResponse.headers.get('content-type')], pdfResponse.ok ? '' : await pdfResponse.clone().text()).toEqual([
      200,
      'application/pdf',
    ]);
    const pdf = await pdfResponse.arrayBuffer();
    expect(pdfText(new Uint8Array(pdf)).replace(/\s+/g, ' ').split('Tatt til orientering samlet (A-listen)').length - 1).toBe(3);
    // Nothing open is left on it: a second step is refused, and a locked item does not move off.
    expect(await emitAck(chair, 'meeting:conclude-a-list', { meetingId })).toMatchObject({ ok: false, message: 'a_list_empty' });
    expect(await emitAck(chair, 'meeting:set-a-list', { meetingId, itemId: drofting.id, onAList: false })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
  });
});

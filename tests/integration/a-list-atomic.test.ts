import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { readItemContent } from '../../lib/meetings/item-content';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { connectSocket } from '../support/socket-client';
import { storedDocument, storedText } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';
import { connectYjs, markerSeen, waitFor, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * The A-list's one step is all or none against a lock that lands while it
 * runs (lib/meetings/a-list.ts): the step waits for an unsaved writer on its
 * first item, the chair locks its second item on its own meanwhile, and the
 * step is refused — the other lock's row, outcome and frozen editors stay as
 * they were, and the first item is open and writable again. Unlocking an
 * item the step concluded takes the A-list's marking off it.
 */
describe.each(databaseKinds)('the A-list step against a lock meanwhile on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let meetingId: string;
  let first: string; // the orientering case: the step waits here
  let second: string; // an added orientering item: locked on its own while the step waits
  let chair: Socket;
  const clients: YjsClient[] = [];
  printLogsOnFailure(() => server);
  const waitsLine = 'yjs: lock waits for unsaved edits';
  const waitsLogged = () => server.logs.join('').split(waitsLine).length - 1;
  const emit = (event: string, payload: Record<string, unknown>) =>
    chair.timeout(15_000).emitWithAck(event, { meetingId, ...payload }) as Promise<{ ok: boolean; error?: string; message?: string }>;
  const outcomeOf = async (itemId: string) => {
    const doc = await storedDocument(db, `item:${itemId}`);
    const outcome = readItemContent(doc).outcome;
    doc.destroy();
    return outcome;
  };
  const yjs = async (itemId: string, role: string) => {
    const client = connectYjs(server.url, `item:${itemId}`, cookies[role]);
    clients.push(client);
    await whenSynced(client);
    return client;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
    meetingId = (await demoFixtures(db)).meeting.id;
    const items = await syncAgenda(db, meetingId);
    first = items.find((i) => i.purpose === 'orientering' && i.aList)!.id;
    chair = await connectSocket(server.url, cookies.chair);
    expect(await emit('meeting:join', {})).toMatchObject({ ok: true });
    const added = (await emit('meeting:add-item', { title: 'Orientering om ferieavvikling', purpose: 'orientering' })) as {
      ok: boolean;
      result?: { itemId: string };
    };
    second = added.result!.itemId;
    const avklaring = items.find((i) => i.purpose === 'avklaring')!;
    expect(await emit('meeting:set-current', { itemId: avklaring.id, openEarly: true })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    chair?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('refuses the whole step when one of its items was locked meanwhile, and leaves that lock as it was', async () => {
    const secondEditor = await yjs(second, 'chair');
    const secondWatcher = await yjs(second, 'leader');
    secondEditor.doc.getMap('item').set('outcome', 'droftet');
    await expect.poll(() => outcomeOf(second), { timeout: 5000 }).toBe('droftet');
    // Sara has edits the server has not confirmed on the first item: the step waits there.
    const sara = await yjs(first, 'caseworker');
    const saraWatcher = await yjs(first, 'leader');
    sara.provider.awareness.setLocalStateField('pending', true);
    await waitFor(
      () => (saraWatcher.provider.awareness.getStates().get(sara.doc.clientID) as { pending?: boolean } | undefined)?.pending === true,
      5000,
      'pending seen',
    );
    const before = waitsLogged();
    const step = emit('meeting:conclude-a-list', {});
    await expect.poll(waitsLogged, { timeout: 5000 }).toBe(before + 1);
    // Meanwhile the second item is locked on its own, with its own outcome.
    expect(await emit('meeting:lock-item', { itemId: second, locked: true })).toMatchObject({ ok: true });
    sara.provider.awareness.setLocalStateField('pending', false);
    expect(await step).toMatchObject({ ok: false, error: 'conflict', message: 'a_list_changed' });

    // The other lock stands as it was made: its outcome, not marked as concluded together.
    const secondRow = await db.agendaItem.findUniqueOrThrow({ where: { id: second } });
    expect(secondRow).toMatchObject({ locked: true, status: 'concluded', aListConcludedAt: null });
    expect(await outcomeOf(second)).toBe('droftet');
    // Its editors stay frozen: what the chair's open editor types now is not taken.
    secondEditor.doc.getText('item.notes').insert(0, 'Etter låsen.');
    await markerSeen(secondEditor, [secondWatcher]);
    // An accepted edit would have reached the watcher before the marker (one connection's messages, in order).
    expect(secondWatcher.doc.getText('item.notes').toString()).not.toContain('Etter låsen.');
    expect(await storedText(db, `item:${second}`, 'item.notes')).not.toContain('Etter låsen.');
    // Nothing of the step: the first item is open, without the outcome, and Sara writes in it again.
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ locked: false, aListConcludedAt: null });
    expect(await outcomeOf(first)).not.toBe('tatt_til_orientering');
    expect(await db.auditEvent.count({ where: { action: 'item.a_list_conclude' } })).toBe(0);
    sara.doc.getText('item.notes').insert(0, 'Fortsatt åpent.');
    await expect.poll(() => storedText(db, `item:${first}`, 'item.notes'), { timeout: 5000 }).toContain('Fortsatt åpent.');
  });

  it('concludes what is still open when tried again, each item also logged as its lock', async () => {
    expect(await emit('meeting:conclude-a-list', {})).toMatchObject({ ok: true });
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ locked: true, status: 'concluded' });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: first } })).aListConcludedAt).not.toBeNull();
    await expect.poll(() => outcomeOf(first), { timeout: 5000 }).toBe('tatt_til_orientering');
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: second } })).aListConcludedAt).toBeNull();
    expect(await outcomeOf(second)).toBe('droftet');
    const locks = await db.auditEvent.findMany({ where: { action: 'item.lock', entityId: first } });
    expect(locks).toHaveLength(1);
    expect(JSON.parse(locks[0].detail ?? '{}')).toMatchObject({ aList: true, meetingId });
  });

  it('unlocking an item the step concluded takes the A-list marking off it, and says so in the log', async () => {
    expect(await emit('meeting:lock-item', { itemId: first, locked: false })).toMatchObject({ ok: true });
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: first } })).toMatchObject({
      locked: false,
      status: 'pending',
      aListConcludedAt: null,
    });
    const unlock = await db.auditEvent.findFirstOrThrow({ where: { action: 'item.unlock', entityId: first } });
    expect(JSON.parse(unlock.detail ?? '{}')).toMatchObject({ aListConcludedCleared: true });
    const page = await (await fetch(`${server.url}/moter/${meetingId}/referat`, { headers: { cookie: cookies.leader } })).text();
    expect(page.replace(/<script[\s\S]*?<\/script>/g, '')).not.toContain('Tatt til orientering samlet (A-listen)');
  });
});

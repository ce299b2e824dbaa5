import type { Socket } from 'socket.io-client';
import { seedEarlierLikeCase } from '../support/like-case';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { pdfText } from '../support/pdf-text';
import { connectSocket } from '../support/socket-client';
import { storedDocument } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';
import { connectYjs, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * "Like cases alike, or why not" at the lock, through the real server: an
 * outcome other than the top like case's (lib/history/like-case-deviation.ts)
 * is refused without a reason, naming that case; with one it locks, and the
 * reason is on the item and in the minutes (page and PDF). An outcome that
 * follows the like case needs none.
 */
describe('like cases alike at the lock', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let meetingId: string;
  let itemId: string;
  let chair: Socket;
  let writer: YjsClient;
  printLogsOnFailure(() => server);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
    const { meeting } = await demoFixtures(db);
    meetingId = meeting.id;
    const item = (await syncAgenda(db, meetingId)).find((i) => i.purpose === 'drofting' && i.caseId)!;
    itemId = item.id;
    const found = await db.case.findUniqueOrThrow({
      where: { id: item.caseId! },
      include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
    });
    const content = JSON.parse(found.versions[0].content) as Record<string, string>;
    // An earlier decision just like it — the same words, levels and type — that was referred on.
    await seedEarlierLikeCase(db, {
      caseType: found.caseType,
      level: found.level,
      content,
      title: 'Tidligere lik sak om miljøarbeid',
      outcome: 'henvist',
      alsoText: found.title,
    });
    chair = await connectSocket(server.url, cookies.chair);
    expect(await chair.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
    writer = connectYjs(server.url, `item:${itemId}`, cookies.chair);
    await whenSynced(writer);
  });

  afterAll(async () => {
    writer?.destroy();
    chair?.disconnect();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const setOutcome = async (outcome: string) => {
    writer.doc.getMap('item').set('outcome', outcome);
    await expect.poll(async () => (await storedDocument(db, `item:${itemId}`)).getMap('item').get('outcome')).toBe(outcome);
  };
  const lock = (locked: boolean, deviationReason?: string) =>
    chair.timeout(8000).emitWithAck('meeting:lock-item', { meetingId, itemId, locked, ...(deviationReason ? { deviationReason } : {}) });

  it('refuses a departing outcome without a reason, naming the like case, and locks with one', async () => {
    await setOutcome('droftet');
    const refused = await lock(true);
    expect(refused).toMatchObject({
      ok: false,
      error: 'invalid_input',
      fields: { deviation_reason_required: 'deviation_reason_required' },
    });
    expect(!refused.ok && refused.message).toContain('«Tidligere lik sak om miljøarbeid»: henvist videre');
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).locked).toBe(false);
    expect(await lock(true, '  ')).toMatchObject({ ok: false, error: 'invalid_input' });

    expect(await lock(true, 'Pårørende avlaster mer enn i den forrige saken.')).toMatchObject({ ok: true });
    const row = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(row).toMatchObject({ locked: true, deviationReason: 'Pårørende avlaster mer enn i den forrige saken.' });
    const html = (
      await (await fetch(`${server.url}/moter/${meetingId}/referat`, { headers: { cookie: cookies.leader } })).text()
    ).replaceAll('<!-- -->', '');
    expect(html).toContain('Begrunnelse for avvik fra lignende tidligere saker:</span> Pårørende avlaster mer enn i den forrige saken.');
    const pdf = await (await fetch(`${server.url}/moter/${meetingId}/referat/pdf`, { headers: { cookie: cookies.leader } })).arrayBuffer();
    expect(pdfText(new Uint8Array(pdf)).replace(/\s+/g, ' ')).toContain('Pårørende avlaster mer enn i den forrige saken.');
  });

  it('needs no reason for the like case’s own outcome', async () => {
    expect(await lock(false)).toMatchObject({ ok: true });
    // The reason belonged to that lock: an unlocked item carries none (nor would its minutes), and the log says so.
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).deviationReason).toBeNull();
    const unlock = await db.auditEvent.findFirstOrThrow({ where: { action: 'item.unlock', entityId: itemId } });
    expect(JSON.parse(unlock.detail ?? '{}')).toMatchObject({ deviationReasonCleared: true });
    await setOutcome('henvist');
    writer.doc.getMap('item').set('referredTo', 'leder');
    await expect.poll(async () => (await storedDocument(db, `item:${itemId}`)).getMap('item').get('referredTo')).toBe('leder');
    expect(await lock(true)).toMatchObject({ ok: true });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).deviationReason).toBeNull();
  });

  it('needs no reason to postpone, which decides nothing', async () => {
    expect(await lock(false)).toMatchObject({ ok: true });
    await setOutcome('utsatt');
    expect(await lock(true)).toMatchObject({ ok: true });
  });

  it('refuses a reason that carries a national identity number, and locks nothing', async () => {
    expect(await lock(false)).toMatchObject({ ok: true });
    await setOutcome('droftet');
    expect(await lock(true, 'Se saken til 15039212258.')).toMatchObject({ ok: false, error: 'invalid_input' });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).locked).toBe(false);
  });
});

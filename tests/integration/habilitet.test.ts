import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { systemClock } from '../../lib/time/clock';
import { caseOnNewMeeting } from '../support/case-on-meeting';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { pdfText } from '../support/pdf-text';
import { builtServerActions, postServerAction } from '../support/server-actions';
import { connectSocket } from '../support/socket-client';
import { storedDocument, storedText } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';
import { connectionClosed, connectYjs, rawUpgrade, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * Habilitet (forvaltningsloven § 6) through the real server: a declaration
 * made with the saksliste page's server action closes the person's open
 * editor of the item, and every door (lib/access documentAccess) refuses
 * them the item's and the case's documents; when the chair is inhabil, the
 * chair's conclusion update sent straight through Yjs is refused and the
 * referent's accepted, the referent locks and the chair may not; the minutes
 * (page and PDF) and search show the item to the others, not to the chair.
 */
describe('habilitet', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let meetingId: string;
  let itemId: string;
  let caseId: string;
  let itemDoc: string;
  let actionId: string;
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
    const item = (await syncAgenda(db, meeting.id)).find((i) => i.purpose === 'avklaring' && i.caseId)!;
    itemId = item.id;
    caseId = item.caseId!;
    itemDoc = `item:${itemId}`;
    actionId = [...builtServerActions()].find(([, a]) => a.name === 'recusalAction')![0];
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
  const recusal = (cookie: string, fields: Record<string, string>) =>
    postServerAction(server.url, `/moter/${meetingId}`, actionId, { meetingId, itemId, ...fields }, { cookie });
  const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
  // The page's text with React's text separators left out.
  const page = async (path: string, cookie: string) =>
    (await (await fetch(`${server.url}${path}`, { headers: { cookie } })).text()).replaceAll('<!-- -->', '');

  it('closes the inhabil participant’s open editor and refuses them the item’s and the case’s documents until withdrawn', async () => {
    const colleague = yjs(cookies.caseworker2);
    await whenSynced(colleague);
    const closed = connectionClosed(colleague);
    // The reason is required: a declaration without one is refused (and nothing stored).
    expect((await recusal(cookies.caseworker2, { reason: '' })).status).toBe(200);
    expect(await db.recusal.count()).toBe(0);
    expect((await recusal(cookies.caseworker2, { reason: 'Nabo av familien' })).status).toBe(200);
    expect(await db.recusal.count({ where: { itemId, userId: await userId(demo.caseworker2) } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'item.declare_recusal', entityId: itemId } })).toBe(1);
    expect(await closed).not.toBeNull();
    expect((await rawUpgrade(server.url, `/yjs/${itemDoc}`, cookies.caseworker2)).status).toBe(403);
    expect((await rawUpgrade(server.url, `/yjs/case:${caseId}`, cookies.caseworker2)).status).toBe(403);
    expect((await fetch(`${server.url}/saker/${caseId}`, { headers: { cookie: cookies.caseworker2 } })).status).toBe(404);
    // Everyone else still opens them.
    expect((await rawUpgrade(server.url, `/yjs/${itemDoc}`, cookies.caseworker)).status).toBe(101);
    // The room names the item for her, and shows her that she is inhabil — not its case.
    const title = (await db.case.findUniqueOrThrow({ where: { id: caseId } })).personRef;
    expect(await page(`/moter/${meetingId}/rom`, cookies.caseworker2)).not.toContain(title);
    expect(await page(`/moter/${meetingId}/rom`, cookies.chair)).toContain('Nabo av familien');

    expect((await recusal(cookies.caseworker2, { intent: 'withdraw' })).status).toBe(200);
    expect(await db.recusal.count()).toBe(0);
    expect((await rawUpgrade(server.url, `/yjs/${itemDoc}`, cookies.caseworker2)).status).toBe(101);
  });

  it('lets the referent, not the inhabil chair, write the conclusion and lock the item', async () => {
    const chair = await socket(cookies.chair);
    const sara = await userId(demo.caseworker);
    expect(await chair.emitWithAck('meeting:set-referent', { meetingId, referentId: sara })).toMatchObject({ ok: true });
    // The chair has the item open as she declares: that connection closes, and she cannot open it again.
    const chairEditor = yjs(cookies.chair);
    await whenSynced(chairEditor);
    const chairClosed = connectionClosed(chairEditor);
    expect((await recusal(cookies.chair, { reason: 'Søster av tjenestemottakeren' })).status).toBe(200);
    expect(await chairClosed).not.toBeNull();
    // Her live connections were closed to be checked again (socket.io's with them): she joins anew.
    await expect.poll(() => chair.connected).toBe(false);
    const chairAgain = await socket(cookies.chair);

    // The chair is refused the item's document altogether; a write she sends is never stored.
    expect((await rawUpgrade(server.url, `/yjs/${itemDoc}`, cookies.chair)).status).toBe(403);
    const referent = yjs(cookies.caseworker);
    await whenSynced(referent);
    referent.doc.transact(() => {
      referent.doc.getMap('item').set('outcome', 'avklart');
      referent.doc.getMap('item').set('followUps.f1', { ownerId: sara, dueDate: '', position: 0 });
      referent.doc.getText('item.followUps.f1').insert(0, 'Fatte vedtak i habilitetssaken');
      referent.doc.getText('item.conclusion').insert(0, 'Referentens konklusjon om avlastning.');
    });
    await expect.poll(() => storedText(db, itemDoc, 'item.conclusion')).toBe('Referentens konklusjon om avlastning.');

    expect(await chairAgain.emitWithAck('meeting:lock-item', { meetingId, itemId, locked: true })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    const referentSocket = await socket(cookies.caseworker);
    expect(await referentSocket.timeout(8000).emitWithAck('meeting:lock-item', { meetingId, itemId, locked: true })).toMatchObject({
      ok: true,
    });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).lockedById).toBe(sara);
    // Locked: the declaration is part of the record and can no longer be withdrawn.
    expect((await recusal(cookies.chair, { intent: 'withdraw' })).status).toBe(200);
    expect(await db.recusal.count({ where: { itemId } })).toBe(1);
  });

  it('the referent cannot lock an item for which no chair is inhabil', async () => {
    const other = (await syncAgenda(db, meetingId)).find((i) => i.id !== itemId)!;
    const referentSocket = await socket(cookies.caseworker);
    expect(await referentSocket.emitWithAck('meeting:lock-item', { meetingId, itemId: other.id, locked: true })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
  });

  it('lets the participant the chair names chair an item she is inhabil for', async () => {
    const other = (await syncAgenda(db, meetingId)).find((i) => i.id !== itemId && i.purpose !== 'avklaring' && i.caseId)!;
    const otherDoc = `item:${other.id}`;
    const sindre = await userId(demo.caseworker2);
    const post = (id: string, fields: Record<string, string>) =>
      postServerAction(server.url, `/moter/${meetingId}/rom`, id, { meetingId, itemId: other.id, ...fields }, { cookie: cookies.chair });
    const acting = [...builtServerActions()].find(([, a]) => a.name === 'actingChairAction')![0];
    expect((await post(actionId, { reason: 'Tidligere arbeidsgiver' })).status).toBe(200);
    expect((await post(acting, { userId: sindre })).status).toBe(200);
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: other.id } })).actingChairId).toBe(sindre);
    expect(await db.auditEvent.count({ where: { action: 'item.set_acting_chair', entityId: other.id } })).toBe(1);

    const named = connectYjs(server.url, otherDoc, cookies.caseworker2);
    clients.push(named);
    await whenSynced(named);
    named.doc.getMap('item').set('outcome', 'tatt_til_orientering');
    await expect.poll(async () => (await storedDocument(db, otherDoc)).getMap('item').get('outcome')).toBe('tatt_til_orientering');
    const sindreSocket = await socket(cookies.caseworker2);
    expect(await sindreSocket.timeout(8000).emitWithAck('meeting:lock-item', { meetingId, itemId: other.id, locked: true })).toMatchObject({
      ok: true,
    });
  });

  it('keeps the item out of the inhabil chair’s minutes, PDF and search, and records who was inhabil', async () => {
    const chair = await socket(cookies.chair);
    expect(await chair.emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });
    const chairName = (await db.user.findUniqueOrThrow({ where: { email: demo.chair } })).name;
    const conclusion = 'Referentens konklusjon om avlastning.';

    const leaderMinutes = await page(`/moter/${meetingId}/referat`, cookies.leader);
    expect(leaderMinutes).toContain(conclusion);
    expect(leaderMinutes).toContain(`Inhabil:</span> ${chairName}`);
    expect(leaderMinutes).not.toContain('Søster av tjenestemottakeren');
    const chairMinutes = await page(`/moter/${meetingId}/referat`, cookies.chair);
    expect(chairMinutes).not.toContain(conclusion);
    expect(chairMinutes).toContain('Du var inhabil for dette punktet');

    const pdf = async (cookie: string) =>
      pdfText(
        new Uint8Array(await (await fetch(`${server.url}/moter/${meetingId}/referat/pdf`, { headers: { cookie } })).arrayBuffer()),
      ).replace(/\s+/g, ' ');
    expect(await pdf(cookies.leader)).toContain(conclusion);
    const chairPdf = await pdf(cookies.chair);
    expect(chairPdf).not.toContain(conclusion);
    expect(chairPdf).toContain(`Inhabil: ${chairName}`);

    // The follow-up overview leaves out the item's follow-ups for her too.
    expect(await page('/oppfolging', cookies.leader)).toContain('Fatte vedtak i habilitetssaken');
    expect(await page('/oppfolging', cookies.chair)).not.toContain('Fatte vedtak i habilitetssaken');

    const hit = `/moter/${meetingId}/referat#punkt-${itemId}`;
    await expect.poll(async () => (await page('/sok?q=Referentens', cookies.leader)).includes(hit)).toBe(true);
    expect(await page('/sok?q=Referentens', cookies.chair)).not.toContain(hit);
  });

  it('keeps the declaration when the item is carried over: the next meeting refuses her the item too', async () => {
    // A meeting of its own that started an hour ago; the unit's next planned meeting takes what is left open.
    const own = await caseOnNewMeeting(db, new Date(systemClock.now().getTime() - 3600_000), 'Sak som blir overført');
    const [item] = await syncAgenda(db, own.meetingId);
    await db.recusal.create({ data: { itemId: item.id, userId: await userId(demo.caseworker2), reason: 'Tidligere kollega' } });
    const chair = await connectSocket(server.url, cookies.chair);
    sockets.push(chair);
    expect(await chair.emitWithAck('meeting:join', { meetingId: own.meetingId })).toMatchObject({ ok: true });
    expect(await chair.emitWithAck('meeting:close', { meetingId: own.meetingId })).toMatchObject({ ok: true });

    const moved = await db.agendaItem.findFirstOrThrow({ where: { carriedFromItemId: item.id } });
    expect(moved.meetingId).not.toBe(own.meetingId);
    expect((await rawUpgrade(server.url, `/yjs/item:${moved.id}`, cookies.caseworker2)).status).toBe(403);
    expect((await rawUpgrade(server.url, `/yjs/item:${moved.id}`, cookies.caseworker)).status).toBe(101);
    const title = (await db.case.findUniqueOrThrow({ where: { id: own.caseId } })).personRef;
    expect(await page(`/moter/${moved.meetingId}/rom`, cookies.caseworker2)).not.toContain(title);
  });
});

import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../lib/access/access-service';
import type { Db } from '../../lib/db/db';
import { nbRecusal } from '../../lib/i18n/nb-recusal';
import { getMeetingRoom } from '../../lib/meetings/get-meeting-room';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { systemClock } from '../../lib/time/clock';
import { caseOnNewMeeting } from '../support/case-on-meeting';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { builtServerActions, postServerAction } from '../support/server-actions';
import { connectSocket } from '../support/socket-client';
import { storedText, writeStoredEdit } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';
import { connectionClosed, connectYjs, rawUpgrade, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * Habilitet of whoever chairs, through the real server (socket.io, server
 * actions, pages, Yjs upgrades): the meeting's chair, inhabil for an item,
 * runs none of the chair's commands on it — set current, A-list, ask for
 * missing content, lock — and is told so in Norwegian, while whoever chairs
 * it in her place does; "the chair is inhabil" means the meeting's chair
 * (Meeting.chairId), not any leader; and a declaration holds for the case
 * wherever it comes up again: a later meeting's item, search, the person's
 * timeline, similar cases, the follow-ups, and a revurdering of the case.
 */
describe('habilitet of the chair, and per case', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let meetingId: string;
  let items: Awaited<ReturnType<typeof syncAgenda>>;
  const sockets: Socket[] = [];
  const clients: YjsClient[] = [];
  printLogsOnFailure(() => server);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
    const { meeting } = await demoFixtures(db);
    meetingId = meeting.id;
    items = (await syncAgenda(db, meetingId)).filter((i) => i.caseId);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const client of clients) client.destroy();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
  const socket = async (cookie: string, meeting = meetingId) => {
    const s = await connectSocket(server.url, cookie);
    sockets.push(s);
    expect(await s.emitWithAck('meeting:join', { meetingId: meeting })).toMatchObject({ ok: true });
    return s;
  };
  const action = (name: string) => [...builtServerActions()].find(([, a]) => a.name === name)![0];
  const page = async (path: string, cookie: string) =>
    (await (await fetch(`${server.url}${path}`, { headers: { cookie } })).text()).replaceAll('<!-- -->', '');
  const refused = { ok: false, error: 'forbidden', message: nbRecusal.chairCommandRefused };

  it('refuses the inhabil chair every chair command on the item, in Norwegian; the referent chairs it instead', async () => {
    const [item, other] = items;
    const mona = await userId(demo.chair);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).chairId).toBe(mona);
    const chair = await socket(cookies.chair);
    expect(await chair.emitWithAck('meeting:set-referent', { meetingId, referentId: await userId(demo.caseworker) })).toMatchObject({
      ok: true,
    });
    const declared = await postServerAction(
      server.url,
      `/moter/${meetingId}`,
      action('recusalAction'),
      { meetingId, itemId: item.id, reason: 'Nabo av tjenestemottakeren' },
      { cookie: cookies.chair },
    );
    expect(declared.status).toBe(200);
    expect(await db.recusal.count({ where: { itemId: item.id, userId: mona } })).toBe(1);
    // Her live connections were closed to be checked again: she joins anew.
    await expect.poll(() => chair.connected).toBe(false);
    const again = await socket(cookies.chair);

    expect(await again.emitWithAck('meeting:set-a-list', { meetingId, itemId: item.id, onAList: !item.aList })).toEqual(refused);
    expect(await again.emitWithAck('meeting:set-current', { meetingId, itemId: item.id, openEarly: true })).toEqual(refused);
    expect(await again.emitWithAck('meeting:lock-item', { meetingId, itemId: item.id, locked: true })).toEqual(refused);
    const stored = await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } });
    expect({ aList: stored.aList, startedAt: stored.startedAt, locked: stored.locked }).toEqual({
      aList: item.aList,
      startedAt: null,
      locked: false,
    });
    // Asking the caseworker for what is missing: the item is hidden from her, as a missing one (the action answers 404).
    const ask = (cookie: string) =>
      postServerAction(server.url, `/moter/${meetingId}`, action('askForMissingAction'), { meetingId, caseId: item.caseId! }, { cookie });
    expect((await ask(cookies.chair)).status).toBe(404);
    expect((await ask(cookies.leader)).status).toBe(200);

    // Another item: she chairs it as ever.
    expect(await again.emitWithAck('meeting:set-a-list', { meetingId, itemId: other.id, onAList: !other.aList })).toMatchObject({
      ok: true,
    });
    // The referent chairs the item in her place: she makes it current (and opens the meeting).
    const referent = await socket(cookies.caseworker);
    expect(await referent.emitWithAck('meeting:set-current', { meetingId, itemId: item.id, openEarly: true })).toMatchObject({
      ok: true,
      result: { currentItemId: item.id },
    });
  });

  it('lets only the substitute conclude the item the chair is inhabil for: another leader is refused on Yjs and the lock', async () => {
    const [item] = items;
    const name = `item:${item.id}`;
    const yjs = async (cookie: string) => {
      const client = connectYjs(server.url, name, cookie);
      clients.push(client);
      await whenSynced(client);
      return client;
    };
    // The leader may chair the unit's meetings, is not inhabil, and writes in the notes as everyone does …
    const lars = await yjs(cookies.leader);
    lars.doc.getText('item.notes').insert(0, 'Lars sitt notat. ');
    await expect.poll(() => storedText(db, name, 'item.notes')).toContain('Lars sitt notat.');
    // … but the conclusion fields are the referent's here, who chairs the item in Mona's place: refused as any invalid update.
    const closed = connectionClosed(lars);
    lars.doc.getText('item.conclusion').insert(0, 'Lars sin konklusjon.');
    expect((await closed)?.code).toBe(4400);
    const again = await yjs(cookies.leader);
    const closedAgain = connectionClosed(again);
    again.doc.getMap('item').set('outcome', 'avklart');
    expect((await closedAgain)?.code).toBe(4400);
    const leader = await socket(cookies.leader);
    expect(await leader.emitWithAck('meeting:lock-item', { meetingId, itemId: item.id, locked: true })).toMatchObject({
      ok: false,
      error: 'forbidden',
      message: 'chair_only',
    });
    // The referent's conclusion goes through; nothing of the leader's reached the store.
    const sara = await yjs(cookies.caseworker);
    sara.doc.getText('item.conclusion').insert(0, 'Referentens konklusjon.');
    await expect.poll(() => storedText(db, name, 'item.conclusion')).toBe('Referentens konklusjon.');
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).locked).toBe(false);
    // Mona, inhabil, cannot open the item at all; the leader reads it and finds no outcome of his.
    const reader = await yjs(cookies.leader);
    expect(reader.doc.getMap('item').get('outcome')).toBeUndefined();
    expect(reader.doc.getText('item.conclusion').toString()).toBe('Referentens konklusjon.');
  });

  it('a leader who is not the meeting’s chair, inhabil, does not make the referent chair the item', async () => {
    const item = items[2];
    expect(
      (
        await postServerAction(
          server.url,
          `/moter/${meetingId}`,
          action('recusalAction'),
          { meetingId, itemId: item.id, reason: 'Tidligere arbeidsgiver' },
          { cookie: cookies.leader },
        )
      ).status,
    ).toBe(200);
    expect(await db.recusal.count({ where: { itemId: item.id, userId: await userId(demo.leader) } })).toBe(1);
    // The meeting's chair is not inhabil for it: the referent may not lock it (before the rule, she was let through to the content check).
    const referent = await socket(cookies.caseworker);
    expect(await referent.emitWithAck('meeting:lock-item', { meetingId, itemId: item.id, locked: true })).toMatchObject({
      ok: false,
      error: 'forbidden',
      message: 'chair_only',
    });
    const leader = await socket(cookies.leader);
    expect(await leader.emitWithAck('meeting:lock-item', { meetingId, itemId: item.id, locked: true })).toEqual(refused);
    // The room (as the referent loads it) says the chair is inhabil where she is (the first item), not here.
    const sara = (await loadActor(db, await userId(demo.caseworker)))!;
    const room = await getMeetingRoom({ db, actor: sara, meetingId });
    const shown = (id: string) => room.items.find((i) => i.id === id)!;
    expect([shown(items[0].id).chairRecused, shown(item.id).chairRecused]).toEqual([true, false]);
    expect([shown(items[0].id).mayLock, shown(item.id).mayLock]).toEqual([true, false]);
  });

  it('with no chair named for the meeting, one who may chair being inhabil hands the item to the referent', async () => {
    // The leader declared for this item above; a meeting with no chair named (ad hoc, a series without one) is chaired by
    // whoever may chair — so now the referent chairs the item (else, with the unit's only møteleder inhabil, nobody could).
    const item = items[2];
    await db.meeting.update({ where: { id: meetingId }, data: { chairId: null } });
    const referent = await socket(cookies.caseworker);
    expect(await referent.emitWithAck('meeting:set-current', { meetingId, itemId: item.id })).toMatchObject({
      ok: true,
      result: { currentItemId: item.id },
    });
    await db.meeting.update({ where: { id: meetingId }, data: { chairId: await userId(demo.chair) } });
  });
  it('holds for the case at a later meeting: its item, minutes, search, timeline, similar cases and follow-ups', async () => {
    const hourAgo = new Date(systemClock.now().getTime() - 3600_000);
    const first = await caseOnNewMeeting(db, hourAgo, 'Sak som meldes inn på nytt');
    const [firstItem] = await syncAgenda(db, first.meetingId);
    const lars = await userId(demo.leader);
    await db.recusal.create({ data: { itemId: firstItem.id, userId: lars, reason: 'Søskenbarn av tjenestemottakeren' } });
    // The case comes up again at a later meeting (sent in anew), beside a case just like it.
    const later = await caseOnNewMeeting(db, new Date(hourAgo.getTime() + 1800_000), 'En lignende sak på det senere møtet');
    await db.case.update({ where: { id: first.caseId }, data: { meetingId: later.meetingId } });
    const laterItem = (await syncAgenda(db, later.meetingId)).find((i) => i.caseId === first.caseId)!;
    expect(await db.recusal.count({ where: { itemId: laterItem.id } })).toBe(0);

    // The later item's document and the room: refused to him, open to the chair.
    expect((await rawUpgrade(server.url, `/yjs/item:${laterItem.id}`, cookies.leader)).status).toBe(403);
    expect((await rawUpgrade(server.url, `/yjs/item:${laterItem.id}`, cookies.chair)).status).toBe(101);
    expect(await page(`/moter/${later.meetingId}/rom`, cookies.leader)).toContain(nbRecusal.declared);

    // The chair concludes it (an avklaring: outcome, conclusion, an owner) and closes the meeting.
    const conclusion = 'Gjenopptatt avklaring om timetallet.';
    const followUp = 'Melde gjenopptatt vedtak til tildelingskontoret';
    await writeStoredEdit(db, `item:${laterItem.id}`, (doc) => {
      doc.transact(() => {
        doc.getMap('item').set('outcome', 'avklart');
        doc.getMap('item').set('followUps.f1', { ownerId: first.authorId, dueDate: '', position: 0 });
        doc.getText('item.followUps.f1').insert(0, followUp);
        doc.getText('item.conclusion').insert(0, conclusion);
      });
    });
    const chair = await socket(cookies.chair, later.meetingId);
    expect(
      await chair.timeout(8000).emitWithAck('meeting:lock-item', { meetingId: later.meetingId, itemId: laterItem.id, locked: true }),
    ).toMatchObject({ ok: true });
    expect(await chair.timeout(8000).emitWithAck('meeting:close', { meetingId: later.meetingId })).toMatchObject({ ok: true });

    const leaderMinutes = await page(`/moter/${later.meetingId}/referat`, cookies.leader);
    expect(leaderMinutes).toContain(nbRecusal.minutesYouWere);
    expect(leaderMinutes).not.toContain(conclusion);
    expect(await page(`/moter/${later.meetingId}/referat`, cookies.chair)).toContain(conclusion);

    const hit = `/moter/${later.meetingId}/referat#punkt-${laterItem.id}`;
    await expect.poll(async () => (await page('/sok?q=Gjenopptatt', cookies.chair)).includes(hit)).toBe(true);
    expect(await page('/sok?q=Gjenopptatt', cookies.leader)).not.toContain(hit);

    const timeline = `/historikk/person?unit=${first.unitId}&ref=${encodeURIComponent('EPJ 2026/0042')}`;
    expect(await page(timeline, cookies.chair)).toContain(conclusion);
    expect(await page(timeline, cookies.leader)).not.toContain(conclusion);

    expect(await page('/oppfolging', cookies.chair)).toContain(followUp);
    expect(await page('/oppfolging', cookies.leader)).not.toContain(followUp);

    // The like case still on the agenda (carried over): its similar-cases panel names the concluded one to the chair only.
    const similarTitle = 'Sak som meldes inn på nytt';
    expect(await page(`/saker/${later.caseId}`, cookies.chair)).toContain(similarTitle);
    expect(await page(`/saker/${later.caseId}`, cookies.leader)).not.toContain(similarTitle);

    // What the chair was shown is in the audit log as a read of the case.
    const mona = await userId(demo.chair);
    expect(await db.auditEvent.count({ where: { action: 'case.read', actorId: mona, entityId: first.caseId } })).toBeGreaterThan(0);
    expect(await db.auditEvent.count({ where: { action: 'case.read', actorId: lars, entityId: first.caseId } })).toBe(0);

    // A revurdering of the case (a new case revisiting it, Case.revisesCaseId) is the same matter: hidden from him too.
    const revision = await caseOnNewMeeting(db, new Date(systemClock.now().getTime() + 7 * 24 * 3600_000), 'Revurdering av saken');
    await db.case.update({ where: { id: revision.caseId }, data: { revisesCaseId: first.caseId } });
    const [revisionItem] = await syncAgenda(db, revision.meetingId);
    expect((await fetch(`${server.url}/saker/${revision.caseId}`, { headers: { cookie: cookies.leader } })).status).toBe(404);
    expect((await fetch(`${server.url}/saker/${revision.caseId}`, { headers: { cookie: cookies.chair } })).status).toBe(200);
    expect((await rawUpgrade(server.url, `/yjs/case:${revision.caseId}`, cookies.leader)).status).toBe(403);
    expect((await rawUpgrade(server.url, `/yjs/item:${revisionItem.id}`, cookies.leader)).status).toBe(403);
    expect((await rawUpgrade(server.url, `/yjs/item:${revisionItem.id}`, cookies.chair)).status).toBe(101);
  });
});

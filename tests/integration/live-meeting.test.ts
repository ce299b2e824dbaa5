import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '../../lib/db/db';
import { applyItemContent } from '../../lib/meetings/item-content';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { connectSocket, nextEvent } from '../support/socket-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { storedText } from '../support/stored-document';
import { apiClient } from '../support/api';
import { caseOnNewMeeting } from '../support/case-on-meeting';
import { systemClock } from '../../lib/time/clock';
import { connectionClosed, connectYjs, markerSeen, waitFor, whenSynced, type YjsClient } from '../support/yjs-client';

const item = (client: YjsClient) => client.doc.getMap('item');
// Free text lives in top-level texts named item.<field> (lib/realtime/y-form.ts).
function type(client: YjsClient, field: string, value: string) {
  const text = client.doc.getText(`item.${field}`);
  text.insert(text.length, value);
}
const read = (client: YjsClient, field: string) => client.doc.getText(`item.${field}`).toString();

describe.each(databaseKinds)('the live meeting on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let meetingId: string;
  let items: Awaited<ReturnType<typeof syncAgenda>>;
  let agendaBefore: number;
  let builds: Awaited<ReturnType<typeof syncAgenda>>[];
  const cookies: Record<string, string> = {};
  const sockets: Socket[] = [];
  const clients: YjsClient[] = [];
  const yjs = (name: string, cookie: string) => {
    const client = connectYjs(server.url, name, cookie);
    clients.push(client);
    return client;
  };
  const socket = async (cookie: string) => {
    const s = await connectSocket(server.url, cookie);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    meetingId = (await demoFixtures(db)).meeting.id;
    for (const role of ['caseworker', 'caseworker2', 'chair', 'leader'] as const)
      cookies[role] = (await login(server.url, demo[role], demo.password))!;
    // The agenda is built here, by three at once, from nothing: the first test checks it was built once.
    agendaBefore = await db.agendaItem.count({ where: { meetingId } });
    builds = await Promise.all([syncAgenda(db, meetingId), syncAgenda(db, meetingId), syncAgenda(db, meetingId)]);
    items = builds[0];
  });

  // Each test's sockets leave the meeting when it ends, so no test sees another's presence.
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const c of clients) c.destroy();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('builds the agenda from the submitted cases with minutes by purpose, once, however many open it at once', async () => {
    expect(agendaBefore).toBe(0);
    expect(await db.agendaItem.count({ where: { meetingId } })).toBe(3);
    expect(items).toHaveLength(3);
    for (const build of builds) expect(build.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(items.map((i) => [i.purpose, i.plannedMinutes])).toEqual(
      expect.arrayContaining([
        ['drofting', 15],
        ['avklaring', 10],
        ['orientering', 5],
      ]),
    );
  });

  it('lets three participants co-edit one item’s notes and converge', async () => {
    const name = `item:${items[0].id}`;
    const [a, b, c] = [yjs(name, cookies.caseworker), yjs(name, cookies.chair), yjs(name, cookies.leader)];
    await Promise.all([whenSynced(a), whenSynced(b), whenSynced(c)]);
    type(a, 'notes', 'A1 ');
    type(b, 'notes', 'B1 ');
    type(c, 'notes', 'C1 ');
    await waitFor(
      () => [a, b, c].every((x) => read(x, 'notes').length === 9 && read(x, 'notes') === read(a, 'notes')),
      5000,
      'convergence',
    );
  });

  it('merges what a participant typed while offline when the connection is back', async () => {
    const name = `item:${items[2].id}`;
    const [a, b, c] = [yjs(name, cookies.caseworker), yjs(name, cookies.chair), yjs(name, cookies.leader)];
    await Promise.all([whenSynced(a), whenSynced(b), whenSynced(c)]);
    a.provider.disconnect();
    type(a, 'notes', 'Skrevet uten nett. ');
    type(b, 'notes', 'Skrevet i møtet. ');
    // The server has passed on what it got since the disconnect: the offline edit is not among it.
    await waitFor(() => read(c, 'notes').includes('i møtet'), 5000, 'the meeting’s edit to pass through the server');
    expect(read(b, 'notes')).not.toContain('uten nett');
    expect(read(c, 'notes')).not.toContain('uten nett');
    a.provider.connect();
    await waitFor(
      () => read(a, 'notes') === read(b, 'notes') && read(b, 'notes').includes('uten nett') && read(a, 'notes').includes('i møtet'),
      5000,
      'offline merge',
    );
  });

  it('sends the chair’s current item to everyone, records attendance and presence, and refuses a non-chair', async () => {
    const chair = await socket(cookies.chair);
    const member = await socket(cookies.caseworker);
    expect(await chair.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true, access: 'edit' });
    const presence = nextEvent<{ people: { name: string }[] }>(chair, 'meeting:presence');
    expect(await member.emitWithAck('meeting:join', { meetingId })).toMatchObject({ ok: true });
    expect((await presence).people.map((p) => p.name)).toEqual(['Mona Møteleder', 'Sara Saksbehandler']);
    const present = await db.user.findMany({ where: { email: { in: [demo.chair, demo.caseworker] } } });
    expect(await db.attendance.count({ where: { meetingId, userId: { in: present.map((u) => u.id) } } })).toBe(2);

    const seen = nextEvent<{ currentItemId: string }>(member, 'meeting:current');
    expect(await chair.emitWithAck('meeting:set-current', { meetingId, itemId: items[1].id, openEarly: true })).toMatchObject({ ok: true });
    expect((await seen).currentItemId).toBe(items[1].id);
    expect(await member.emitWithAck('meeting:set-current', { meetingId, itemId: items[0].id })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await member.emitWithAck('meeting:set-current', { meetingId: 'x' })).toMatchObject({ ok: false, error: 'invalid_input' });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).currentItemId).toBe(items[1].id);
  });

  it('will not lock an avklaring without a conclusion and an owner; once locked, the server refuses every edit', async () => {
    const chair = await socket(cookies.chair);
    await chair.emitWithAck('meeting:join', { meetingId });
    const avklaring = items.find((i) => i.purpose === 'avklaring')!;
    const name = `item:${avklaring.id}`;
    const refused = await chair.emitWithAck('meeting:lock-item', { meetingId, itemId: avklaring.id, locked: true });
    expect(refused).toMatchObject({ ok: false, error: 'invalid_input' });
    expect(Object.keys(refused.fields).sort()).toEqual(['conclusion_required', 'outcome_required', 'owner_required']);

    const writer = yjs(name, cookies.chair); // the conclusion is the chair’s (canWriteConclusion)
    const watcher = yjs(name, cookies.leader);
    await Promise.all([whenSynced(writer), whenSynced(watcher)]);
    const sara = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } });
    writer.doc.transact(() => {
      item(writer).set('outcome', 'avklart');
      applyItemContent(writer.doc, {
        followUps: [{ id: 'f1', ownerId: sara.id, description: 'Fatte vedtak i fagsystemet', dueDate: '2026-12-01' }],
      });
    });
    type(writer, 'conclusion', 'Økningen er forsvarlig: høy alvorlighet og god nytte veier tyngre enn ressursbruken.');
    await waitFor(() => read(watcher, 'conclusion').length > 10, 5000, 'conclusion to arrive');
    await expect.poll(() => storedText(db, name, 'item.conclusion')).toContain('høy alvorlighet');
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId, itemId: avklaring.id, locked: true })).toMatchObject({ ok: true });

    // An open connection: its edits are dropped from now on.
    type(writer, 'conclusion', ' ENDRET ETTER LÅSING');
    await markerSeen(writer, [watcher]);
    expect(read(watcher, 'conclusion')).not.toContain('ENDRET ETTER LÅSING');
    // A new connection is read-only from the start, also for the chair.
    const late = yjs(name, cookies.chair);
    await whenSynced(late);
    type(late, 'notes', 'SENT NOTAT');
    await markerSeen(late, [watcher]);
    expect(read(watcher, 'notes')).not.toContain('SENT NOTAT');
    const stored = yjs(name, cookies.caseworker2);
    await whenSynced(stored);
    expect(read(stored, 'conclusion')).not.toContain('ENDRET');

    // Unlocked: the open connections reconnect by themselves and may write again.
    const reconnecting = connectionClosed(writer);
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId, itemId: avklaring.id, locked: false })).toMatchObject({ ok: true });
    expect((await reconnecting)?.code).toBe(4100);
    await waitFor(() => writer.provider.wsconnected && writer.provider.synced, 5000, 'the writer to reconnect');
    type(writer, 'notes', 'Etter opplåsing.');
    await waitFor(() => read(watcher, 'notes').includes('Etter opplåsing.'), 5000, 'edits after unlock');
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId, itemId: avklaring.id, locked: true })).toMatchObject({ ok: true });
  });

  it('after a refused lock, asks each writer again for what it typed while the item was frozen', async () => {
    const chair = await socket(cookies.chair);
    await chair.emitWithAck('meeting:join', { meetingId });
    const drofting = items.find((i) => i.purpose === 'drofting')!;
    const name = `item:${drofting.id}`;
    const writer = yjs(name, cookies.chair);
    const watcher = yjs(name, cookies.leader);
    await Promise.all([whenSynced(writer), whenSynced(watcher)]);
    // An edit the server dropped during the freeze: the client holds it, the server never got it.
    // (Origin = the provider: y-websocket does not send updates it believes came from the server.)
    const other = new Y.Doc();
    other.getText('item.conclusion').insert(0, 'Skrevet mens saken var frosset. ');
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(other), writer.provider);
    await markerSeen(writer, [watcher]);
    expect(read(watcher, 'conclusion')).not.toContain('frosset');
    // A lock the server refuses (no outcome) freezes the item, checks it and calls the freeze off.
    const refused = await chair.emitWithAck('meeting:lock-item', { meetingId, itemId: drofting.id, locked: true });
    expect(refused).toMatchObject({ ok: false, error: 'invalid_input' });
    await waitFor(
      () => read(watcher, 'conclusion').includes('Skrevet mens saken var frosset.'),
      5000,
      'the dropped edit to be asked for again',
    );
  });

  it('a caseworker’s editor opened before the meeting’s start turns read-only at the start: nothing after it is stored or audited', async () => {
    // The start a few seconds ahead by the one clock the server reads too; the test waits on that clock, not a sleep.
    const lead = 3000;
    const startsAt = new Date(systemClock.now().getTime() + lead);
    const { caseId, authorId } = await caseOnNewMeeting(db, startsAt);
    const name = `case:${caseId}`;
    const author = yjs(name, cookies.caseworker);
    const chair = yjs(name, cookies.chair); // the chair goes on editing in the meeting
    await Promise.all([whenSynced(author), whenSynced(chair)]);
    const opened = await db.auditEvent.findFirstOrThrow({ where: { action: 'case.open_realtime', entityId: caseId, actorId: authorId } });
    expect(JSON.parse(opened.detail ?? '{}'), 'opened for editing, before the start').toMatchObject({ readOnly: false });
    expect(systemClock.now().getTime()).toBeLessThan(startsAt.getTime());

    const closed = connectionClosed(author, lead + 10_000);
    await waitFor(() => systemClock.now() >= startsAt, lead + 5000, 'the meeting’s start');
    // The first edit after the start, on the connection opened before it.
    author.text.insert(0, 'ETTER START ');
    // Closed to come back as a new connection would: read-only.
    expect((await closed)?.code).toBe(4100);
    await waitFor(() => author.provider.wsconnected && author.provider.synced, 10_000, 'the author to reconnect');
    await markerSeen(author, [chair]);
    expect(chair.text.toString()).not.toContain('ETTER START');
    // The chair's edits still count (the chair's access did not change with the start).
    chair.text.insert(chair.text.length, ' Fra møtet.');
    await expect.poll(() => storedText(db, name)).toContain('Fra møtet.');
    expect(await storedText(db, name)).not.toContain('ETTER START');

    // A new connection of the author's is read-only, and the API refuses the change.
    const fresh = yjs(name, cookies.caseworker);
    await whenSynced(fresh);
    fresh.text.insert(0, 'NY TILKOBLING ');
    await markerSeen(fresh, [chair]);
    expect(chair.text.toString()).not.toContain('NY TILKOBLING');
    expect((await apiClient(server.url, cookies.caseworker).patch(`/api/cases/${caseId}`, { facts: 'x' })).status).toBe(403);

    // Nothing of the author's was taken: when the editors leave, the chair's session is audited, the author's is not.
    for (const client of [author, fresh, chair]) client.destroy();
    await expect
      .poll(() => db.auditEvent.count({ where: { action: 'case.update', entityId: caseId, actorId: { not: authorId } } }))
      .toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'case.update', entityId: caseId, actorId: authorId } })).toBe(0);
    expect(await storedText(db, name)).not.toMatch(/ETTER START|NY TILKOBLING/);
  });

  it('closes the meeting: minutes become rows, the concluded case is concluded, the rest moves on with its notes', async () => {
    // A meeting of its own (two hours after the demo meeting, so its unfinished item moves to a later one):
    // closing is for good, and the other tests keep theirs open whatever the order.
    const fixtureMeeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const [chairUser, sara] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { email: demo.chair } }),
      db.user.findUniqueOrThrow({ where: { email: demo.caseworker } }),
    ]);
    const twoHours = 2 * 3600_000;
    const own = await db.meeting.create({
      data: {
        unitId: fixtureMeeting.unitId,
        chairId: chairUser.id,
        startsAt: new Date(fixtureMeeting.startsAt.getTime() + twoHours),
        endsAt: new Date(fixtureMeeting.endsAt.getTime() + twoHours),
        submissionDeadline: fixtureMeeting.submissionDeadline,
      },
    });
    for (const [purpose, title] of [
      ['avklaring', 'Avklares på eget møte'],
      ['drofting', 'Drøftes på eget møte'],
    ] as const) {
      await db.case.create({
        data: {
          unitId: fixtureMeeting.unitId,
          createdById: sara.id,
          personRef: 'EPJ 2026/0900',
          title,
          caseType: 'endring',
          purpose,
          status: 'submitted',
          meetingId: own.id,
          version: 1,
          submittedAt: fixtureMeeting.submissionDeadline,
        },
      });
    }
    const ownItems = await syncAgenda(db, own.id);
    const avklaringItem = ownItems.find((i) => i.purpose === 'avklaring')!;
    const droftingItem = ownItems.find((i) => i.purpose === 'drofting')!;

    const chair = await socket(cookies.chair);
    expect(await chair.emitWithAck('meeting:join', { meetingId: own.id })).toMatchObject({ ok: true });
    // Eventuelt: a matter the chair adds for this meeting alone, and one the chair postpones.
    const added = async (title: string) => {
      const ack = await chair.emitWithAck('meeting:add-item', { meetingId: own.id, title, purpose: 'orientering' });
      expect(ack).toMatchObject({ ok: true });
      return (ack as { result: { itemId: string } }).result.itemId;
    };
    const eventueltId = await added('Eventuelt: julebord');
    const postponedMatterId = await added('Eventuelt: ny rutine for innkalling');
    const postponer = yjs(`item:${postponedMatterId}`, cookies.chair);
    await whenSynced(postponer);
    postponer.doc.transact(() => item(postponer).set('outcome', 'utsatt'));
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId: own.id, itemId: postponedMatterId, locked: true })).toMatchObject({
      ok: true,
    });
    const notesWriter = yjs(`item:${droftingItem.id}`, cookies.caseworker);
    const writer = yjs(`item:${avklaringItem.id}`, cookies.chair);
    await Promise.all([whenSynced(notesWriter), whenSynced(writer)]);
    type(notesWriter, 'notes', 'Drøftet, tas opp igjen.');
    writer.doc.transact(() => {
      item(writer).set('outcome', 'avklart');
      applyItemContent(writer.doc, {
        followUps: [{ id: 'f1', ownerId: sara.id, description: 'Fatte vedtak i fagsystemet', dueDate: '2026-12-01' }],
      });
    });
    type(writer, 'conclusion', 'Økningen er forsvarlig: høy alvorlighet og god nytte veier tyngre enn ressursbruken.');
    await expect.poll(() => storedText(db, `item:${avklaringItem.id}`, 'item.conclusion')).toContain('høy alvorlighet');
    await expect.poll(() => storedText(db, `item:${droftingItem.id}`, 'item.notes')).toBe('Drøftet, tas opp igjen.');
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId: own.id, itemId: avklaringItem.id, locked: true })).toMatchObject({
      ok: true,
    });

    const member = await socket(cookies.caseworker);
    await member.emitWithAck('meeting:join', { meetingId: own.id });
    const closedEvent = nextEvent<{ carriedOver: number }>(member, 'meeting:closed');
    // A double click, or chair and leader at once: exactly one close happens.
    const leader = await socket(cookies.leader);
    await leader.emitWithAck('meeting:join', { meetingId: own.id });
    const acks = await Promise.all([
      chair.emitWithAck('meeting:close', { meetingId: own.id }),
      leader.emitWithAck('meeting:close', { meetingId: own.id }),
    ]);
    const won = acks.filter((ack) => ack.ok);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ result: { closed: true, carriedOver: 2 } });
    expect(acks.find((ack) => !ack.ok)).toMatchObject({ error: 'conflict' });
    expect((await closedEvent).carriedOver).toBe(2);

    const frozen = await db.agendaItem.findMany({ where: { meetingId: own.id }, include: { followUps: true } });
    const avklaring = frozen.find((i) => i.id === avklaringItem.id)!;
    expect(avklaring).toMatchObject({ status: 'concluded', outcome: 'avklart', locked: true });
    expect(avklaring.conclusion).toContain('høy alvorlighet og god nytte');
    expect(avklaring.followUps.map((f) => f.description)).toEqual(['Fatte vedtak i fagsystemet']);
    expect((await db.case.findUniqueOrThrow({ where: { id: avklaring.caseId! } })).status).toBe('concluded');
    const first = frozen.find((i) => i.id === droftingItem.id)!;
    expect(first.status).toBe('carried_over');
    expect(first.notes).toBe('Drøftet, tas opp igjen.');
    expect((await db.meeting.findUniqueOrThrow({ where: { id: own.id } })).status).toBe('closed');

    expect(await db.agendaItem.count({ where: { carriedFromItemId: { in: ownItems.map((i) => i.id) } } })).toBe(1);
    // The eventuelt matter nobody dealt with ends with the meeting; the one the chair postponed goes on.
    expect(frozen.find((i) => i.id === eventueltId)).toMatchObject({ status: 'pending', locked: true, caseId: null });
    expect(await db.agendaItem.count({ where: { carriedFromItemId: eventueltId } })).toBe(0);
    expect(await db.agendaItem.findFirst({ where: { carriedFromItemId: postponedMatterId } })).toMatchObject({
      title: 'Eventuelt: ny rutine for innkalling',
      reason: 'carried_over',
    });
    expect(await db.followUp.count({ where: { agendaItem: { meetingId: own.id } } })).toBe(1);
    const moved = await db.agendaItem.findFirstOrThrow({ where: { carriedFromItemId: first.id } });
    expect(moved.reason).toBe('carried_over');
    expect(moved.meetingId).not.toBe(meetingId);
    expect((await db.case.findUniqueOrThrow({ where: { id: first.caseId! } })).meetingId).toBe(moved.meetingId);
    const carried = yjs(`item:${moved.id}`, cookies.caseworker);
    await whenSynced(carried);
    expect(read(carried, 'notes')).toBe(first.notes);
  });
});

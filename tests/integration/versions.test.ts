import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../lib/access/access-service';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { systemClock } from '../../lib/time/clock';
import { loadVersionHistory } from '../../lib/versions/version-history';
import { apiClient, completeCase } from '../support/api';
import { caseOnNewMeeting } from '../support/case-on-meeting';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { connectSocket } from '../support/socket-client';
import { storedText } from '../support/stored-document';
import { startTestServer, type TestServer } from '../support/test-server';
import { connectYjs, waitFor, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * Versions of a case and an item (issue 17): snapshots when a case is
 * submitted, an item locked and a meeting closed; who changed which field,
 * from real websocket sessions and the API. One real server per database.
 */
describe.each(databaseKinds)('versions on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  const users: Record<string, { id: string; name: string }> = {};
  const clients: YjsClient[] = [];
  const sockets: Socket[] = [];
  const yjs = (name: string, cookie: string) => {
    const client = connectYjs(server.url, name, cookie);
    clients.push(client);
    return client;
  };
  const actor = async (who: string) =>
    actorOf(users[who].id, await db.membership.findMany({ where: { userId: users[who].id }, select: { unitId: true, role: true } }));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
    for (const who of ['caseworker', 'caseworker2', 'chair', 'leader'] as const) {
      const user = await db.user.findUniqueOrThrow({ where: { email: demo[who] } });
      users[who] = { id: user.id, name: user.name };
    }
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const c of clients) c.destroy();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('snapshots a case when it is submitted, an item when it is locked, and every item and case when the meeting closes', async () => {
    // A meeting an hour ahead with one submitted case (CaseVersion 1), its agenda built.
    const { meetingId, caseId } = await caseOnNewMeeting(db, new Date(systemClock.now().getTime() + 3600_000), 'Versjoner ved møtet');
    const [item] = await syncAgenda(db, meetingId);
    const chair = await connectSocket(server.url, cookies.chair);
    sockets.push(chair);
    await chair.emitWithAck('meeting:join', { meetingId });

    const writer = yjs(`item:${item.id}`, cookies.chair);
    await whenSynced(writer);
    writer.doc.transact(() => {
      writer.doc.getMap('item').set('outcome', 'avklart');
      writer.doc
        .getMap('item')
        .set('followUps', [{ id: 'f1', ownerId: users.caseworker.id, description: 'Skriv vedtak', dueDate: '2026-12-20' }]);
      writer.doc.getText('item.conclusion').insert(0, 'Forsvarlig å redusere til ti timer.');
    });
    await expect.poll(() => storedText(db, `item:${item.id}`, 'item.conclusion')).toContain('ti timer');
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId, itemId: item.id, locked: true })).toMatchObject({ ok: true });

    const locked = await db.documentVersion.findMany({ where: { itemId: item.id } });
    expect(locked.map((v) => [v.kind, v.createdById, v.meetingId])).toEqual([['locked', users.chair.id, meetingId]]);
    expect(JSON.parse(locked[0].content)).toMatchObject({ outcome: 'avklart', conclusion: 'Forsvarlig å redusere til ti timer.' });

    expect(await chair.emitWithAck('meeting:close', { meetingId })).toMatchObject({ ok: true });
    const itemVersions = await db.documentVersion.findMany({ where: { itemId: item.id }, orderBy: { createdAt: 'asc' } });
    expect(itemVersions.map((v) => v.kind)).toEqual(['locked', 'meeting_closed']);
    expect(JSON.parse(itemVersions[1].content)).toMatchObject({ conclusion: 'Forsvarlig å redusere til ti timer.' });
    const caseVersions = await db.documentVersion.findMany({ where: { caseId } });
    expect(caseVersions.map((v) => [v.kind, v.createdById])).toEqual([['meeting_closed', users.chair.id]]);
    expect(JSON.parse(caseVersions[0].content)).toMatchObject({ facts: completeCase.facts, question: 'Versjoner ved møtet' });

    // One history per document: the submission (CaseVersion) and the close, newest first; the item's lock and close.
    const caseHistory = await loadVersionHistory({ db, actor: await actor('leader'), doc: { kind: 'case', id: caseId } });
    expect(caseHistory.entries.map((e) => e.kind)).toEqual(['meeting_closed', 'submitted']);
    const itemHistory = await loadVersionHistory({ db, actor: await actor('leader'), doc: { kind: 'item', id: item.id } });
    expect(itemHistory.entries.map((e) => [e.kind, e.by])).toEqual([
      ['meeting_closed', users.chair.name],
      ['locked', users.chair.name],
    ]);
    // The lock's changes from nothing: the fields the chair wrote, attributed to the chair's editing session.
    writer.destroy();
    await expect
      .poll(async () => {
        const history = await loadVersionHistory({ db, actor: await actor('leader'), doc: { kind: 'item', id: item.id } });
        return history.entries[1].changes;
      })
      .toEqual([
        { field: 'conclusion', people: [users.chair.name] },
        { field: 'followUps', people: [users.chair.name] },
        { field: 'outcome', people: [users.chair.name] },
      ]);
    // Showing a history logs a read of the case, the item's history too.
    const reads = () => db.auditEvent.count({ where: { action: 'case.read', entityId: caseId, detail: { contains: '"versions"' } } });
    const before = await reads();
    await loadVersionHistory({ db, actor: await actor('caseworker'), doc: { kind: 'item', id: item.id } });
    expect(await reads()).toBe(before + 1);
  });

  it('says who changed which field: two people over websockets in different fields, and an edit through the API', async () => {
    const author = apiClient(server.url, cookies.caseworker);
    const { facts, question, ...rest } = completeCase;
    const created = await author.post('/api/cases', { content: {} });
    expect(created.status).toBe(200);
    const caseId = created.body.id as string;
    expect((await author.patch(`/api/cases/${caseId}`, rest)).status).toBe(200);

    const sara = yjs(`case:${caseId}`, cookies.caseworker);
    const other = yjs(`case:${caseId}`, cookies.caseworker2);
    await Promise.all([whenSynced(sara), whenSynced(other)]);
    sara.doc.getText('form.facts').insert(0, facts);
    other.doc.getText('form.question').insert(0, question);
    await waitFor(
      () => sara.doc.getText('form.question').toString() === question && other.doc.getText('form.facts').toString() === facts,
      5000,
      'both edits to reach both',
    );
    await expect.poll(() => storedText(db, `case:${caseId}`, 'form.question')).toBe(question);
    // Each editing session is recorded when its connection closes.
    sara.destroy();
    other.destroy();
    await expect
      .poll(() => db.auditEvent.count({ where: { action: 'case.update', entityId: caseId, detail: { contains: 'realtime' } } }))
      .toBe(2);
    const submitted = await author.post(`/api/cases/${caseId}/submit`, {});
    expect(submitted.status).toBe(200);

    const history = await loadVersionHistory({ db, actor: await actor('caseworker'), doc: { kind: 'case', id: caseId } });
    expect(history.entries.map((e) => e.kind)).toEqual(['submitted']);
    const people = Object.fromEntries(history.entries[0].changes.map((c) => [c.field, c.people]));
    expect(people.facts).toEqual([users.caseworker.name]);
    expect(people.question).toEqual([users.caseworker2.name]);
    expect(people.proposal).toEqual([users.caseworker.name]); // through the API
    expect(history.editedSinceLatest).toEqual([]);
  });
});

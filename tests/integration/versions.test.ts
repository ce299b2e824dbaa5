import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../lib/access/access-service';
import type { Db } from '../../lib/db/db';
import { nb } from '../../lib/i18n/nb';
import { applyItemContent } from '../../lib/meetings/item-content';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { systemClock } from '../../lib/time/clock';
import { loadVersionHistory } from '../../lib/versions/version-history';
import { apiClient, completeCase } from '../support/api';
import { caseOnNewMeeting } from '../support/case-on-meeting';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { formWith, submitRenderedForm } from '../support/rendered-forms';
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
      applyItemContent(writer.doc, {
        followUps: [{ id: 'f1', ownerId: users.caseworker.id, description: 'Skriv vedtak', dueDate: '2026-12-20' }],
      });
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

  const page = async (path: string, cookie: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
    return { status: response.status, html: await response.text() };
  };

  /** A submitted case of the demo caseworker's (CaseVersion 1) whose live document then changed. */
  async function submittedThenEdited(firstFacts: string) {
    const author = apiClient(server.url, cookies.caseworker);
    const created = await author.post('/api/cases', { content: { ...completeCase, facts: firstFacts } });
    const caseId = created.body.id as string;
    expect((await author.post(`/api/cases/${caseId}/submit`, {})).status).toBe(200);
    const versionId = `case-version:${(await db.caseVersion.findFirstOrThrow({ where: { caseId } })).id}`;
    return { caseId, versionId };
  }

  it('restores a version as a new edit through the document: a connected editor sees it without reconnecting', async () => {
    const { caseId, versionId } = await submittedThenEdited('Bor alene og trenger hjelp om morgenen.');
    const editor = yjs(`case:${caseId}`, cookies.caseworker);
    await whenSynced(editor);
    let closes = 0;
    editor.provider.on('connection-close', () => (closes += 1));
    const facts = editor.doc.getText('form.facts');
    editor.doc.transact(() => {
      facts.delete(0, facts.length);
      facts.insert(0, 'Bor alene og trenger hjelp morgen og kveld.');
    });
    await expect.poll(() => storedText(db, `case:${caseId}`, 'form.facts')).toBe('Bor alene og trenger hjelp morgen og kveld.');
    const rowsBefore = await db.yDocUpdate.count({ where: { docName: `case:${caseId}` } });

    const path = `/saker/${caseId}/versjoner`;
    const shown = await page(path, cookies.caseworker);
    expect(shown.status).toBe(200);
    const answer = await submitRenderedForm(server.url, path, formWith(shown.html, versionId), {}, { cookie: cookies.caseworker });
    expect(answer.status).toBe(303);
    expect(answer.location).toContain(`${path}?gjenopprettet=1`);

    // The open editor gets the restore as an ordinary update, on the same connection.
    await waitFor(() => facts.toString() === 'Bor alene og trenger hjelp om morgenen.', 5000, 'the restore to reach the editor');
    expect(closes).toBe(0);
    // Appended to the document's log as an edit, not a replaced state.
    await expect.poll(() => db.yDocUpdate.count({ where: { docName: `case:${caseId}` } })).toBeGreaterThan(rowsBefore);
    const restored = await db.documentVersion.findFirstOrThrow({ where: { caseId, kind: 'restored' } });
    expect(restored).toMatchObject({ restoredFrom: versionId, createdById: users.caseworker.id });
    expect(JSON.parse(restored.content).facts).toBe('Bor alene og trenger hjelp om morgenen.');
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'version.restore', entityId: caseId } });
    expect(JSON.parse(audit.detail!)).toMatchObject({ restoredFrom: versionId, touched: 'facts' });

    const after = await page(`${path}?gjenopprettet=1`, cookies.caseworker);
    expect(after.html).toContain(nb.versions.restored);
    const history = await loadVersionHistory({ db, actor: await actor('caseworker'), doc: { kind: 'case', id: caseId } });
    expect(history.entries.map((e) => e.kind)).toEqual(['restored', 'submitted']);
    // Back to the submitted content: nothing differs from the version before, and the restore names who did it.
    expect(history.entries[0]).toMatchObject({ by: users.caseworker.name, changes: [] });
  });

  it('refuses a restore where the document is read-only for the person, and changes nothing', async () => {
    // A colleague reads a submitted case but may not edit it: no restore button, and a forged post is refused.
    const { caseId, versionId } = await submittedThenEdited('Fakta som kollegaen ikke kan endre.');
    const path = `/saker/${caseId}/versjoner`;
    const ownView = await page(path, cookies.caseworker);
    const colleagueView = await page(path, cookies.caseworker2);
    expect(colleagueView.status).toBe(200);
    expect(colleagueView.html).toContain(nb.versions.readOnly);
    expect(colleagueView.html).not.toContain(`value="${versionId}"`);
    const forged = await submitRenderedForm(server.url, path, formWith(ownView.html, versionId), {}, { cookie: cookies.caseworker2 });
    expect(forged.status).toBe(404);

    // A locked item: read-only for everyone, the chair included.
    const { meetingId } = await caseOnNewMeeting(db, new Date(systemClock.now().getTime() + 7200_000), 'Låst punkt');
    const [item] = await syncAgenda(db, meetingId);
    await db.documentVersion.create({ data: { documentKind: 'item', itemId: item.id, kind: 'locked', content: '{"notes":"Låst"}' } });
    await db.agendaItem.update({ where: { id: item.id }, data: { locked: true } });
    const itemPath = `/moter/${meetingId}/punkter/${item.id}/versjoner`;
    const chairView = await page(itemPath, cookies.chair);
    expect(chairView.status).toBe(200);
    expect(chairView.html).toContain(nb.versions.readOnly);
    const itemVersion = `document-version:${(await db.documentVersion.findFirstOrThrow({ where: { itemId: item.id } })).id}`;
    await db.agendaItem.update({ where: { id: item.id }, data: { locked: false } });
    const unlockedView = await page(itemPath, cookies.chair);
    await db.agendaItem.update({ where: { id: item.id }, data: { locked: true } });
    const refused = await submitRenderedForm(server.url, itemPath, formWith(unlockedView.html, itemVersion), {}, { cookie: cookies.chair });
    expect(refused.status).toBe(404);

    // Another unit sees neither history.
    expect((await page(path, cookies.otherUnit)).status).toBe(404);
    expect((await page(itemPath, cookies.otherUnit)).status).toBe(404);
    expect(await db.documentVersion.count({ where: { OR: [{ caseId }, { itemId: item.id }], kind: 'restored' } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'version.restore', entityId: { in: [caseId, item.id] } } })).toBe(0);
  });

  it('compares an item’s versions in words: a choice by its label, dates as people write them', async () => {
    const { meetingId } = await caseOnNewMeeting(db, new Date(systemClock.now().getTime() + 4 * 3600_000), 'Datoer i versjoner');
    const [item] = await syncAgenda(db, meetingId);
    const followUp = { id: 'f1', ownerId: users.caseworker.id, description: 'Skriv vedtak' };
    const version = (content: object) =>
      db.documentVersion.create({ data: { documentKind: 'item', itemId: item.id, kind: 'locked', content: JSON.stringify(content) } });
    const first = await version({
      outcome: 'droftet',
      reassessmentDate: '2027-03-04',
      followUps: [{ ...followUp, dueDate: '2026-11-17' }],
    });
    const second = await version({
      outcome: 'avklart',
      reassessmentDate: '2027-04-01',
      followUps: [{ ...followUp, dueDate: '2026-12-20' }],
    });
    const query = `fra=document-version:${first.id}&til=document-version:${second.id}`;
    const { status, html } = await page(`/moter/${meetingId}/punkter/${item.id}/versjoner?${query}`, cookies.chair);
    expect(status).toBe(200);
    const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '');
    expect(text).toContain('Før: 4. mars 2027 · Etter: 1. april 2027');
    expect(text).toContain('Skriv vedtak – 17. november 2026');
    expect(text).toContain(`Før: ${nb.meetingRoom.outcomes.droftet} · Etter: ${nb.meetingRoom.outcomes.avklart}`);
    expect(text).not.toMatch(/20\d\d-\d\d-\d\d/);
  });

  it('restores an item’s version in an open meeting as a new edit that everyone in the room sees', async () => {
    const { meetingId } = await caseOnNewMeeting(db, new Date(systemClock.now().getTime() + 3 * 3600_000), 'Punkt gjenopprettes');
    const [item] = await syncAgenda(db, meetingId);
    const name = `item:${item.id}`;
    const room = yjs(name, cookies.caseworker);
    await whenSynced(room);
    const notes = room.doc.getText('item.notes');
    notes.insert(0, 'Første utkast til notat.');
    await expect.poll(() => storedText(db, name, 'item.notes')).toBe('Første utkast til notat.');
    // A snapshot of that state (as a lock that was called off again would leave), then more typing.
    const snapshot = await db.documentVersion.create({
      data: { documentKind: 'item', itemId: item.id, kind: 'locked', content: JSON.stringify({ notes: 'Første utkast til notat.' }) },
    });
    notes.insert(notes.length, ' Mer tekst som skal bort.');
    await expect.poll(() => storedText(db, name, 'item.notes')).toContain('skal bort');

    const path = `/moter/${meetingId}/punkter/${item.id}/versjoner`;
    const shown = await page(path, cookies.chair);
    const versionId = `document-version:${snapshot.id}`;
    const answer = await submitRenderedForm(server.url, path, formWith(shown.html, versionId), {}, { cookie: cookies.chair });
    expect(answer.status).toBe(303);
    await waitFor(() => notes.toString() === 'Første utkast til notat.', 5000, 'the restore to reach the room');
    expect(await db.documentVersion.count({ where: { itemId: item.id, kind: 'restored', createdById: users.chair.id } })).toBe(1);
  });

  it('masks a fødselsnummer in every version it shows, as the other content views do', async () => {
    const { caseId } = await submittedThenEdited('Fakta uten nummer.');
    await db.documentVersion.create({
      data: { documentKind: 'case', caseId, kind: 'meeting_closed', content: JSON.stringify({ facts: 'Født 01010012356, bor alene.' }) },
    });
    const history = await loadVersionHistory({ db, actor: await actor('leader'), doc: { kind: 'case', id: caseId } });
    expect(history.entries[0].content.facts).toBe('Født 010100*****, bor alene.');
    const html = (await page(`/saker/${caseId}/versjoner`, cookies.leader)).html;
    expect(html).toContain('010100*****');
    expect(html).not.toContain('01010012356');
  });
});

import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { apiClient, completeCase } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { connectSocket } from '../support/socket-client';
import { writeStoredEdit } from '../support/stored-document';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Content that fails the schema in the store (old data, a past bug — the
 * guard would refuse it over the socket, so it is written straight into the
 * database): every reader leaves out the bad field and reads the rest.
 */
describe('readers of stored content that fails the schema', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  /** Once the server has written and unloaded the document (its log folded into the snapshot), the store is the only copy. */
  async function unloaded(name: string) {
    await expect
      .poll(
        async () =>
          (await db.yDocState.count({ where: { name } })) === 1 && (await db.yDocUpdate.count({ where: { docName: name } })) === 0,
      )
      .toBe(true);
  }

  it('a case with a bad caseType and urgent: GET returns the rest, names the bad fields, and submission names what is missing', async () => {
    const api = apiClient(server.url, cookies.caseworker);
    const created = await api.post('/api/cases', { content: completeCase });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    await unloaded(`case:${id}`);
    await writeStoredEdit(db, `case:${id}`, (doc) => {
      doc.getMap('form').set('caseType', 'tull');
      doc.getMap('form').set('urgent', 'yes');
    });

    const read = await api.get(`/api/cases/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.content).toMatchObject({ question: completeCase.question, facts: completeCase.facts, purpose: 'avklaring' });
    expect(read.body.content.caseType).toBeUndefined();
    expect(read.body.invalidFields).toEqual(['caseType', 'urgent']);

    const refused = await api.post(`/api/cases/${id}/submit`);
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.fields)).toEqual(['caseType']);
    // Choosing a type again overwrites the bad value; the case goes in (without the unreadable tick box).
    expect((await api.patch(`/api/cases/${id}`, { caseType: 'endring' })).status).toBe(200);
    const submitted = await api.post(`/api/cases/${id}/submit`);
    expect(submitted.status).toBe(200);
    const version = await db.caseVersion.findFirstOrThrow({ where: { caseId: id }, orderBy: { version: 'desc' } });
    expect(JSON.parse(version.content)).toMatchObject({ caseType: 'endring', question: completeCase.question });
    expect(JSON.parse(version.content).urgent).toBeUndefined();
  });

  it('items with followUps: "boom" and epjDocumentation: "yes": the room renders, the chair locks with the right answer, the minutes keep the rest', async () => {
    const { meeting } = await demoFixtures(db);
    const items = await syncAgenda(db, meeting.id);
    const avklaring = items.find((i) => i.purpose === 'avklaring')!;
    const other = items.find((i) => i.id !== avklaring.id)!;
    const sara = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } });
    await writeStoredEdit(db, `item:${avklaring.id}`, (doc) => {
      doc.getMap('item').set('outcome', 'avklart');
      doc.getMap('item').set('epjDocumentation', 'yes');
      doc.getMap('item').set('followUps', [{ id: 'f1', ownerId: sara.id, description: 'Fatte vedtak', dueDate: '' }]);
      doc.getText('item.conclusion').insert(0, 'Forsvarlig: høy alvorlighet, god nytte, moderat ressursbruk.');
    });
    await writeStoredEdit(db, `item:${other.id}`, (doc) => {
      doc.getMap('item').set('followUps', 'boom');
      doc.getText('item.notes').insert(0, 'Notat som skal med i referatet.');
    });
    // A submitted version stored with a level no form has: the room and the minutes repeat the rest of it.
    if (avklaring.caseId) {
      const version = await db.caseVersion.findFirstOrThrow({ where: { caseId: avklaring.caseId }, orderBy: { version: 'desc' } });
      await db.caseVersion.update({
        where: { id: version.id },
        data: { content: JSON.stringify({ ...JSON.parse(version.content), alvorlighetLevel: 'enorm' }) },
      });
    }

    const room = await fetch(`${server.url}/moter/${meeting.id}/rom`, { headers: { cookie: cookies.chair } });
    expect(room.status).toBe(200);

    const chair = await connectSocket(server.url, cookies.chair);
    sockets.push(chair);
    expect(await chair.emitWithAck('meeting:join', { meetingId: meeting.id })).toMatchObject({ ok: true });
    // Only the unreadable tick box is left out: outcome, conclusion and owner are there, so the lock goes through.
    expect(await chair.emitWithAck('meeting:lock-item', { meetingId: meeting.id, itemId: avklaring.id, locked: true })).toMatchObject({
      ok: true,
    });
    expect(await chair.emitWithAck('meeting:close', { meetingId: meeting.id })).toMatchObject({ ok: true });

    const frozen = await db.agendaItem.findUniqueOrThrow({ where: { id: other.id } });
    expect(frozen.notes).toBe('Notat som skal med i referatet.');
    const concluded = await db.agendaItem.findUniqueOrThrow({ where: { id: avklaring.id } });
    expect(concluded.conclusion).toContain('høy alvorlighet');
    expect(concluded.epjDocumentation).toBe(false);
    expect(await db.followUp.count({ where: { agendaItemId: avklaring.id } })).toBe(1);
    expect(await db.followUp.count({ where: { agendaItemId: other.id } })).toBe(0);

    for (const path of [`/moter/${meeting.id}/referat`, `/moter/${meeting.id}/referat/pdf`]) {
      expect((await fetch(`${server.url}${path}`, { headers: { cookie: cookies.leader } })).status).toBe(200);
    }
  });
});

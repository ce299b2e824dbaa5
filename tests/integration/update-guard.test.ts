import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoItemDocument, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { storedBytes, storedDocument, storedText } from '../support/stored-document';
import { startTestServer, type TestServer } from '../support/test-server';
import { connectionClosed, connectYjs, markerSeen, whenSynced, type YjsClient } from '../support/yjs-client';
import type { Db } from '../../lib/db/db';

/**
 * The server's update guard (docs/realtime.md), on a real server with stock
 * y-websocket clients writing raw Yjs — the probe of issue 17: each bad edit
 * closes its sender with 4400 and is neither applied, relayed nor stored,
 * while an honest co-editor goes on.
 */
describe('the server guards the document’s shape', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let itemDoc: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    itemDoc = await demoItemDocument(db);
    cookies = await loginDemoUsers(server.url, demo, demo.password);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  /**
   * `bad` writes through a stock client; it must be closed with 4400. Then the
   * honest client types, and once its words are stored, the stored document
   * and the honest client's copy are checked for the bad edit.
   */
  async function expectRefused(
    name: string,
    badCookie: string,
    honestCookie: string,
    bad: (client: YjsClient) => void,
    absent: (doc: Y.Doc) => void,
  ) {
    const honest = connectYjs(server.url, name, honestCookie);
    const writer = connectYjs(server.url, name, badCookie);
    try {
      await Promise.all([whenSynced(honest), whenSynced(writer)]);
      const closed = connectionClosed(writer);
      bad(writer);
      expect((await closed)?.code).toBe(4400);
      const word = ` ærlig-${Math.random().toString(36).slice(2, 8)}`;
      honest.text.insert(honest.text.length, word);
      await expect.poll(() => storedText(db, name), { timeout: 5000 }).toContain(word);
      // A fresh reader sees what the server holds; the honest client never got the bad edit.
      const reader = connectYjs(server.url, name, honestCookie);
      await whenSynced(reader);
      await markerSeen(honest, [reader]);
      absent(reader.doc);
      absent(honest.doc);
      reader.destroy();
      const stored = await storedDocument(db, name);
      absent(stored);
      stored.destroy();
    } finally {
      writer.destroy();
      honest.destroy();
    }
  }

  it('refuses followUps: "boom" in an item', async () => {
    await expectRefused(
      itemDoc,
      cookies.caseworker,
      cookies.chair,
      (c) => c.doc.getMap('item').set('followUps', 'boom'),
      (doc) => expect(doc.getMap('item').get('followUps')).toBeUndefined(),
    );
  });

  it('refuses the follow-ups written as one list (the shape before rows) and a row with a hidden value', async () => {
    await expectRefused(
      itemDoc,
      cookies.caseworker,
      cookies.chair,
      (c) => c.doc.getMap('item').set('followUps', [{ id: 'f1', ownerId: '', description: 'Ring', dueDate: '' }]),
      (doc) => expect(doc.getMap('item').get('followUps')).toBeUndefined(),
    );
    await expectRefused(
      itemDoc,
      cookies.caseworker,
      cookies.chair,
      (c) => c.doc.getMap('item').set('followUps.f9', { ownerId: '', dueDate: '', position: 0, note: 'skjult' }),
      (doc) => expect(doc.getMap('item').get('followUps.f9')).toBeUndefined(),
    );
  });

  it('refuses epjDocumentation: "yes" in an item', async () => {
    await expectRefused(
      itemDoc,
      cookies.caseworker,
      cookies.chair,
      (c) => c.doc.getMap('item').set('epjDocumentation', 'yes'),
      (doc) => expect(doc.getMap('item').get('epjDocumentation')).toBeUndefined(),
    );
  });

  it('refuses a bad caseType in a case; the case still reads through the API', async () => {
    const api = apiClient(server.url, cookies.caseworker);
    const created = await api.post('/api/cases', { content: { question: 'Hva er riktig nivå?' } });
    expect(created.status).toBe(200);
    const name = `case:${created.body.id}`;
    await expectRefused(
      name,
      cookies.caseworker2,
      cookies.caseworker,
      (c) => c.doc.getMap('form').set('caseType', 'tull'),
      (doc) => expect(doc.getMap('form').get('caseType')).toBeUndefined(),
    );
    const read = await api.get(`/api/cases/${created.body.id}`);
    expect(read.body.content.question).toBe('Hva er riktig nivå?');
    expect(read.body.content.caseType).toBeUndefined();
  });

  it('refuses three 1.9 MB updates into form.facts and stores none of them', async () => {
    const api = apiClient(server.url, cookies.caseworker);
    const created = await api.post('/api/cases', { content: { question: 'Stor tekst?' } });
    const name = `case:${created.body.id}`;
    for (let i = 0; i < 3; i++) {
      await expectRefused(
        name,
        cookies.caseworker,
        cookies.caseworker,
        (c) => c.doc.getText('form.facts').insert(0, String(i).repeat(1_900_000)),
        (doc) => expect(doc.getText('form.facts').length).toBeLessThan(1000),
      );
    }
    expect(await storedBytes(db, name)).toBeLessThan(10_000);
  });
});

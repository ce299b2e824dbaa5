import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yjsLimits } from '../../server/realtime/yjs/limits';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoItemDocument, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';
import { storedText } from '../support/stored-document';
import { connectionClosed, connectYjs, waitFor, whenSynced } from '../support/yjs-client';

/**
 * The per-client limits of the Yjs endpoint, on a real server: a client that
 * floods is paused and closed with 1013, reconnects and re-sends, and nobody
 * else notices; a user cannot hold more
 * than the allowed number of connections.
 */
describe('Yjs client limits', () => {
  let database: TestDatabase;
  let server: TestServer;
  let cookies: Record<string, string>;
  let docName: string;

  const open = (cookie: string) =>
    new Promise<WebSocket | { status: number }>((resolve) => {
      const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${docName}`, { headers: { cookie } });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
      ws.once('error', () => resolve({ status: -1 }));
    });

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    const db = openDb(database.url);
    docName = await demoItemDocument(db);
    await db.$disconnect();
    cookies = await loginDemoUsers(server.url, demo, demo.password);
  });

  afterAll(async () => {
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('closes a client that floods the server with 1013 (outside 4400–4499), while two honest clients go on editing', async () => {
    const alice = connectYjs(server.url, docName, cookies.chair);
    const bob = connectYjs(server.url, docName, cookies.leader);
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    const flooder = await open(cookies.caseworker);
    if (!(flooder instanceof WebSocket)) throw new Error('the flooder could not connect');
    const closed = new Promise<number>((resolve) => flooder.once('close', (code) => resolve(code)));
    // Awareness queries: tiny, valid messages — only their number is wrong.
    for (let i = 0; i < yjsLimits.messageBurst * 3; i++) flooder.send(new Uint8Array([3]));
    expect(await closed).toBe(1013);

    alice.text.insert(0, 'Fortsatt i gang. ');
    await waitFor(() => bob.text.toString() === 'Fortsatt i gang. ', 5000, 'the honest edit to arrive');
    alice.destroy();
    bob.destroy();
  });

  it('lets a stock client over the limit reconnect and re-send: nothing typed is lost, an honest client is unaffected', async () => {
    const db = openDb(database.url);
    const fast = connectYjs(server.url, docName, cookies.caseworker);
    const honest = connectYjs(server.url, docName, cookies.leader);
    await Promise.all([whenSynced(fast), whenSynced(honest)]);
    const text = (client: typeof fast) => client.doc.getText('item.notes');
    // The document already holds what the test before typed.
    const before = text(fast).toString();
    const closed = connectionClosed(fast);
    // One message per character, all at once: the stock client does not coalesce (the app's does).
    const typed = Array.from({ length: yjsLimits.messageBurst * 2 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    const expected = `Ærlig: ${before}${typed}`;
    for (const char of typed) text(fast).insert(text(fast).length, char);
    expect((await closed)?.code).toBe(1013);
    // The honest client goes on meanwhile, and sees every character once the fast one is back.
    text(honest).insert(0, 'Ærlig: ');
    await waitFor(() => text(honest).toString() === expected, 10_000, 'all of the fast client’s text');
    await waitFor(() => text(fast).toString() === expected, 10_000, 'the honest edit at the fast client');
    await expect.poll(() => storedText(db, docName, 'item.notes')).toBe(expected);
    await db.$disconnect();
    fast.destroy();
    honest.destroy();
  });

  it('refuses a user’s connection beyond the limit with 429, and accepts it again once one closes', async () => {
    const sockets: WebSocket[] = [];
    for (let i = 0; i < yjsLimits.connectionsPerUser; i++) {
      const ws = await open(cookies.caseworker2);
      if (!(ws instanceof WebSocket)) throw new Error(`connection ${i + 1} was refused: ${ws.status}`);
      sockets.push(ws);
    }
    expect(await open(cookies.caseworker2)).toEqual({ status: 429 });
    // Another user is not affected.
    const other = await open(cookies.chair);
    expect(other).toBeInstanceOf(WebSocket);
    (other as WebSocket).close();

    const first = sockets.shift()!;
    await new Promise((resolve) => {
      first.once('close', resolve);
      first.close();
    });
    // The server frees the slot in its own close handler, after the client has seen the close: ask until it has.
    const reopened: WebSocket[] = [];
    await expect
      .poll(async () => {
        const again = await open(cookies.caseworker2);
        if (!(again instanceof WebSocket)) return again.status;
        reopened.push(again);
        return 'accepted';
      })
      .toBe('accepted');
    for (const ws of [...sockets, ...reopened]) ws.close();
  });
});

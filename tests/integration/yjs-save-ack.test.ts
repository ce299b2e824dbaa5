import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAckParams, trackSaves } from '../../app/_collab/save-tracking';
import { messageSaveAck } from '../../lib/realtime/save-ack';
import { createTestDatabase, withAdmin, type TestDatabase } from '../support/databases';
import { demo, demoItemDocument, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';
import { storedText } from '../support/stored-document';
import { connectYjs, markerSeen, waitFor, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * "Lagret" only when stored (lib/realtime/save-ack.ts): through a real server and PostgreSQL, the
 * acknowledgement arrives only once the edit is in YDocUpdate — with the database refusing
 * connections the write fails, and no acknowledgement comes until it succeeds. The stock client,
 * which does not ask for acknowledgements, connects and edits as before and is sent none.
 */
describe('save acknowledgement (PostgreSQL)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let cookies: Record<string, string>;
  let docName: string;
  const clients: YjsClient[] = [];
  const databaseName = () => new URL(database.url).pathname.slice(1);
  const setConnections = (allow: boolean) =>
    withAdmin(async (client) => {
      await client.query(`ALTER DATABASE ${databaseName()} ALLOW_CONNECTIONS ${allow}`);
      if (!allow) await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [databaseName()]);
    });
  /** An app-like client: asks for acknowledgements and tracks them as the pages do. */
  const appClient = (cookie: string) => {
    const client = connectYjs(server.url, docName, cookie, saveAckParams);
    clients.push(client);
    const state = { saved: false, acks: 0 };
    const handler = trackSaves(client.provider, { presence: client.provider.awareness, onChange: (saved) => (state.saved = saved) });
    const original = client.provider.messageHandlers[messageSaveAck];
    client.provider.messageHandlers[messageSaveAck] = (...args) => {
      state.acks += 1;
      original(...args);
    };
    return { client, state, handler };
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    const db = openDb(database.url);
    docName = await demoItemDocument(db);
    await db.$disconnect();
    cookies = await loginDemoUsers(server.url, demo, demo.password);
  });

  afterAll(async () => {
    await setConnections(true).catch(() => undefined);
    for (const client of clients) client.destroy();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('acknowledges an edit only after it is in YDocUpdate, and shares pending meanwhile', async () => {
    const writer = appClient(cookies.chair);
    const observer = connectYjs(server.url, docName, cookies.leader);
    clients.push(observer);
    await Promise.all([whenSynced(writer.client), whenSynced(observer)]);
    // Nothing typed yet: the acknowledgement sent after sync says so.
    await waitFor(() => writer.state.saved, 5000, 'saved after sync');
    writer.client.text.insert(0, 'Lagres straks. ');
    expect(writer.state.saved).toBe(false);
    await waitFor(() => writer.state.saved, 5000, 'the first edit acknowledged');
    let db = openDb(database.url);
    expect(await storedText(db, docName)).toBe('Lagres straks. ');
    await db.$disconnect();

    await setConnections(false);
    const acksBefore = writer.state.acks;
    writer.client.text.insert(writer.client.text.length, 'Under bruddet.');
    const pendingSeen = () => (observer.provider.awareness.getStates().get(writer.client.doc.clientID) as { pending?: boolean })?.pending;
    await waitFor(() => pendingSeen() === true, 5000, 'pending shared');
    const failedWrite = 'yjs write failed; keeping edits in memory and retrying';
    await expect.poll(() => server.logs.join('').includes(failedWrite)).toBe(true);
    // A failed write, then a round trip through the server: still no acknowledgement.
    await markerSeen(writer.client, [observer]);
    expect(writer.state.acks).toBe(acksBefore);
    expect(writer.state.saved).toBe(false);

    await setConnections(true);
    await waitFor(() => writer.state.saved, 15_000, 'acknowledged once the write succeeds');
    db = openDb(database.url);
    expect(await storedText(db, docName)).toBe('Lagres straks. Under bruddet.');
    await db.$disconnect();
    await waitFor(() => pendingSeen() === false, 5000, 'pending cleared');

    // A deletion adds no clock to the state vector: the count of stored edit messages shows it.
    await setConnections(false);
    const failuresBefore = server.logs.join('').split(failedWrite).length;
    writer.client.text.delete(0, 'Lagres straks. '.length);
    expect(writer.state.saved).toBe(false);
    await expect.poll(() => server.logs.join('').split(failedWrite).length).toBeGreaterThan(failuresBefore);
    await markerSeen(writer.client, [observer]);
    expect(writer.state.saved).toBe(false);
    await setConnections(true);
    await waitFor(() => writer.state.saved, 15_000, 'the deletion acknowledged once written');
    db = openDb(database.url);
    expect(await storedText(db, docName)).toBe('Under bruddet.');
    await db.$disconnect();
    writer.handler.destroy();
  });

  it('sends the stock client no acknowledgement, and it still connects and edits', async () => {
    const stock = connectYjs(server.url, docName, cookies.caseworker);
    const other = connectYjs(server.url, docName, cookies.caseworker2);
    clients.push(stock, other);
    let unknown = 0;
    stock.provider.messageHandlers[messageSaveAck] = () => (unknown += 1);
    await Promise.all([whenSynced(stock), whenSynced(other)]);
    stock.text.insert(0, 'Fra standardklienten. ');
    await waitFor(() => other.text.toString().startsWith('Fra standardklienten. '), 5000, 'the stock edit');
    const db = openDb(database.url);
    await expect.poll(() => storedText(db, docName)).toContain('Fra standardklienten. ');
    await db.$disconnect();
    await markerSeen(other, [stock]);
    expect(unknown).toBe(0);
  });
});

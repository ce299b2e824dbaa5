import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, withAdmin, type TestDatabase } from '../support/databases';
import { demo, demoItemDocument, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';
import { storedText } from '../support/stored-document';
import { connectYjs, whenSynced } from '../support/yjs-client';

/**
 * PostgreSQL is taken away under a running server: health says 503, editing
 * goes on, and the edits are written once the database returns.
 */
describe('database outage (PostgreSQL)', () => {
  let database: TestDatabase;
  let server: TestServer;
  const databaseName = () => new URL(database.url).pathname.slice(1);
  const setConnections = (allow: boolean) =>
    withAdmin(async (client) => {
      await client.query(`ALTER DATABASE ${databaseName()} ALLOW_CONNECTIONS ${allow}`);
      if (!allow) {
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [databaseName()]);
      }
    });

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
  });

  afterAll(async () => {
    await setConnections(true).catch(() => undefined);
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('reports 503 while the database is gone, keeps edits in memory and writes them when it returns', async () => {
    let db = openDb(database.url);
    const name = await demoItemDocument(db);
    const cookie = (await login(server.url, demo.chair, demo.password))!;
    const writer = connectYjs(server.url, name, cookie);
    await whenSynced(writer);
    writer.text.insert(0, 'Før bruddet. ');
    await expect.poll(() => storedText(db, name)).toBe('Før bruddet. ');
    await db.$disconnect();

    await setConnections(false);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(503);
    writer.text.insert(writer.text.length, 'Under bruddet.');
    // The edit reached a write, and the write failed: it is held in memory for the retry.
    const failedWrite = 'yjs write failed; keeping edits in memory and retrying';
    await expect.poll(() => server.logs.join('').includes(failedWrite)).toBe(true);

    await setConnections(true);
    await expect.poll(async () => (await fetch(`${server.url}/api/health`)).status, { timeout: 10_000 }).toBe(200);
    db = openDb(database.url);
    await expect.poll(() => storedText(db, name), { timeout: 10_000 }).toBe('Før bruddet. Under bruddet.');
    await db.$disconnect();
    writer.destroy();
  });
});

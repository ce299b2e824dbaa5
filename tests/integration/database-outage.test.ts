import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, withAdmin, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';
import { connectYjs, waitFor, whenSynced } from '../support/yjs-client';

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
    const db = openDb(database.url);
    const name = `meeting:${(await demoFixtures(db)).meeting.id}`;
    await db.$disconnect();
    const cookie = (await login(server.url, demo.chair, demo.password))!;
    const writer = connectYjs(server.url, name, cookie);
    await whenSynced(writer);
    writer.text.insert(0, 'Før bruddet. ');
    await new Promise((resolve) => setTimeout(resolve, 200));

    await setConnections(false);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(503);
    writer.text.insert(writer.text.length, 'Under bruddet.');
    await new Promise((resolve) => setTimeout(resolve, 600)); // at least one failed write and a retry

    await setConnections(true);
    await waitFor(() => false, 100).catch(() => undefined);
    let healthy = false;
    for (let i = 0; i < 50 && !healthy; i++) {
      healthy = (await fetch(`${server.url}/api/health`)).status === 200;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(healthy).toBe(true);

    const check = openDb(database.url);
    await waitFor(() => false, 6000, 'retry').catch(() => undefined);
    const rows = await check.yDocUpdate.findMany({ where: { docName: name } });
    const state = await check.yDocState.findUnique({ where: { name } });
    await check.$disconnect();
    const Y = await import('yjs');
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, new Uint8Array(state.state));
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    expect(doc.getText('notes').toString()).toBe('Før bruddet. Under bruddet.');
    expect(server.logs.join('')).toContain('yjs write failed; keeping edits in memory and retrying');
    writer.destroy();
  });
});

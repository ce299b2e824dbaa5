import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { createTestDatabase, withAdmin, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { formWith, submitRenderedForm } from '../support/rendered-forms';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';
import { connectionClosed, connectYjs, whenSynced, type YjsClient } from '../support/yjs-client';

/**
 * The one error mapping at the edges of a real server (PostgreSQL, Redis):
 * the close code an open Yjs connection gets when its user's roles change
 * (4403 when no access is left, 4100 when some is, 4503 when the database
 * cannot say), and the status a page answers when the database is away.
 */
describe('error mapping at the edges', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let redis: Redis;
  let meetingName: string;
  let mainUnitId: string;
  let cookies: Record<string, string>;
  let userIds: Map<string, string>;
  const prefix = `samlet-test-${randomBytes(4).toString('hex')}:`;
  const clients: YjsClient[] = [];

  const databaseName = () => new URL(database.url).pathname.slice(1);
  const allowConnections = (allow: boolean) =>
    withAdmin(async (client) => {
      await client.query(`ALTER DATABASE ${databaseName()} ALLOW_CONNECTIONS ${allow}`);
      if (!allow) await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [databaseName()]);
    });
  const openSynced = async (cookie: string) => {
    const client = connectYjs(server.url, meetingName, cookie);
    clients.push(client);
    await whenSynced(client);
    return client;
  };
  /** What another node says over Redis when it changed this user's roles (server/cluster/cluster-control.ts). */
  const rolesChangedElsewhere = async (email: string) => {
    const userId = userIds.get(email);
    await redis.publish(`${prefix}control`, JSON.stringify({ kind: 'recheck-user', from: 'another-node', userId }));
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    server = await startTestServer({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      env: { REDIS_URL: process.env.SAMLET_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', SAMLET_REDIS_PREFIX: prefix },
    });
    db = openDb(database.url);
    redis = new Redis(process.env.SAMLET_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    const fixtures = await demoFixtures(db);
    meetingName = `meeting:${fixtures.meeting.id}`;
    mainUnitId = fixtures.mainUnit.id;
    cookies = await loginDemoUsers(server.url, demo, demo.password);
    // Read now: one test asks for them while the database is away.
    userIds = new Map((await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await allowConnections(true).catch(() => undefined);
    redis?.disconnect();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  printLogsOnFailure(() => server);

  it('closes the Yjs connection of someone removed from the unit with 4403, which the stock client takes as final', async () => {
    const client = await openSynced(cookies.caseworker2);
    const closed = connectionClosed(client, 10_000);
    const terminal = new Promise<{ code: number }>((resolve) => client.provider.once('closed', resolve));

    const unitPath = `/admin/enheter/${mainUnitId}`;
    const html = await (await fetch(`${server.url}${unitPath}`, { headers: { cookie: cookies.admin } })).text();
    const removeForm = formWith(html, `value="${userIds.get(demo.caseworker2)}"`, 'Fjern fra enheten');
    const answer = await submitRenderedForm(server.url, unitPath, removeForm, {}, { cookie: cookies.admin });
    expect(answer.body).toContain('Medlemmet er fjernet fra enheten.');

    expect((await closed)?.code).toBe(4403);
    // y-websocket's own rule: after 4400–4499 it stops and says so, instead of retrying a refused upgrade forever.
    expect((await terminal).code).toBe(4403);
  });

  it('closes with 4100 when the changed roles still give access, so the client reconnects and is checked again', async () => {
    const client = await openSynced(cookies.chair);
    const closed = connectionClosed(client, 10_000);
    await rolesChangedElsewhere(demo.chair);
    expect((await closed)?.code).toBe(4100);
    await whenSynced(client);
    expect(client.provider.wsconnected).toBe(true);
  });

  it('while the database is away: a role change closes with 4503 (try later), and a page and the API answer 503', async () => {
    const client = await openSynced(cookies.caseworker);
    const closed = connectionClosed(client, 10_000);
    await allowConnections(false);
    try {
      await rolesChangedElsewhere(demo.caseworker);
      expect((await closed)?.code).toBe(4503);
      const page = await fetch(`${server.url}/moter/${meetingName.slice('meeting:'.length)}`, {
        headers: { cookie: cookies.caseworker },
        redirect: 'manual',
      });
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('10');
      // Next's error document (app/error.tsx shows the Norwegian message once the page's script runs), never the cause.
      expect(await page.text()).not.toContain('accepting connections');
      const api = await fetch(`${server.url}/api/cases`, { headers: { cookie: cookies.caseworker } });
      expect(api.status).toBe(503);
      expect(await api.json()).toEqual({ error: 'unavailable' });
    } finally {
      await allowConnections(true);
    }
  });
});

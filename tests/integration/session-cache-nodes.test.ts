import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login, signOut } from '../support/login';
import { formWith, submitRenderedForm } from '../support/rendered-forms';
import { freePort, printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const redisUrl = process.env.SAMLET_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The session cache (lib/auth/session-cache.ts) on two real nodes sharing
 * PostgreSQL and Redis: each node keeps a checked session for a minute here
 * (SAMLET_SESSION_CACHE_MS), so only the emptying can make the other node
 * refuse — a logout, a removed membership, an added one on node A is seen by
 * the very next request on node B.
 */
describe('session cache across nodes', () => {
  let database: TestDatabase;
  let db: Db;
  let nodeA: TestServer;
  let nodeB: TestServer;
  let agenda: string;
  let unitPage: string;
  let adminCookie: string;
  const prefix = `samlet-test-${randomBytes(4).toString('hex')}:`;

  /** What a GET of the page answers with this cookie: 200, a 404 page, or the login redirect. */
  const status = async (server: TestServer, path: string, cookie: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
    await response.text();
    const location = response.headers.get('location') ?? '';
    return location.includes('/login') ? `login${location.includes('SessionEnded') ? ' (session ended)' : ''}` : response.status;
  };
  const submitOnA = async (marker: string, label: string, fields: Record<string, string>) => {
    const html = await (await fetch(`${nodeA.url}${unitPage}`, { headers: { cookie: adminCookie } })).text();
    return (await submitRenderedForm(nodeA.url, unitPage, formWith(html, marker, label), fields, { cookie: adminCookie })).body;
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    const [portA, portB] = [await freePort(), await freePort()];
    const node = (port: number) =>
      startTestServer({
        databaseUrl: database.url,
        dataDir: database.dataDir,
        port,
        env: {
          REDIS_URL: redisUrl,
          SAMLET_REDIS_PREFIX: prefix,
          NEXTAUTH_SECRET: 'session-cache-test-secret-0123456789abcdef',
          NEXTAUTH_URL: `http://127.0.0.1:${portA}`,
          SAMLET_DEMO: '1',
          // Far longer than the test: a session only leaves a node's cache because it was told to drop it.
          SAMLET_SESSION_CACHE_MS: '60000',
        },
      });
    nodeA = await node(portA); // migrates and seeds
    nodeB = await node(portB);
    db = openDb(database.url);
    const { meeting, mainUnit } = await demoFixtures(db);
    agenda = `/moter/${meeting.id}`;
    unitPage = `/admin/enheter/${mainUnit.id}`;
    adminCookie = (await login(nodeA.url, demo.admin, demo.password))!;
  });

  afterAll(async () => {
    await db?.$disconnect();
    await Promise.all([nodeA?.stop('SIGTERM'), nodeB?.stop('SIGTERM')]);
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await database?.drop();
  });

  printLogsOnFailure(
    () => nodeA,
    () => `--- node B ---\n${nodeB?.logs.join('').split('\n').slice(-150).join('\n')}`,
  );

  it('a logout on node A is refused by the very next request on node B (and on A)', async () => {
    const cookie = (await login(nodeA.url, demo.caseworker, demo.password))!;
    // Both nodes check the session once and keep it.
    expect(await status(nodeA, agenda, cookie)).toBe(200);
    expect(await status(nodeB, agenda, cookie)).toBe(200);
    expect(await signOut(nodeA.url, cookie)).toBe(200);
    expect(await status(nodeB, agenda, cookie)).toBe('login (session ended)');
    expect(await status(nodeA, agenda, cookie)).toBe('login (session ended)');
  });

  it('a membership removed on node A takes the meeting away on node B at once; one added gives it back at once', async () => {
    const person = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker2 } });
    const cookie = (await login(nodeB.url, demo.caseworker2, demo.password))!;
    expect(await status(nodeB, agenda, cookie)).toBe(200);
    expect(await submitOnA(`value="${person.id}"`, 'Fjern fra enheten', {})).toContain('Medlemmet er fjernet fra enheten.');
    // The session lives on; the unit is gone from it, so its meeting is not found.
    expect(await status(nodeB, agenda, cookie)).toBe(404);
    // Added again: B reads her session again rather than keep the one without the unit.
    expect(await submitOnA('name="email"', 'Legg til', { email: demo.caseworker2, role: 'saksbehandler' })).toContain(
      'Medlemmet er lagt til.',
    );
    expect(await status(nodeB, agenda, cookie)).toBe(200);
  });
});

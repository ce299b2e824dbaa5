import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { createTestDatabase, withAdmin, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, demoItemDocument, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { formWith, submitRenderedForm } from '../support/rendered-forms';
import { builtServerActions } from '../support/server-actions';
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
  let meetingId: string;
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
    await redis.publish(`${prefix}control`, JSON.stringify({ kind: 'recheck-user', from: 'another-node', id: randomUUID(), userId }));
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
    meetingName = await demoItemDocument(db);
    meetingId = fixtures.meeting.id;
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
      const page = await fetch(`${server.url}/moter/${meetingId}`, {
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

/**
 * Issue 16, item 6: what Next cannot serve — a path that does not decode, a
 * path too long, a form post too large — is answered by the router with 400,
 * 414, 413 (411 for a post that does not say its size) and the Norwegian
 * page, never 500; and every answer, Next's or the server's own, carries the
 * security headers.
 */
describe('requests Next cannot serve, and the headers of every answer', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookie: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    cookie = (await loginDemoUsers(server.url, { caseworker: demo.caseworker }, demo.password)).caseworker!;
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  printLogsOnFailure(() => server);

  const expectSecurityHeaders = (headers: Headers, what: string) => {
    expect(headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(headers.get('referrer-policy'), what).toBe('same-origin');
    expect(headers.get('x-frame-options'), what).toBe('DENY');
    expect(headers.get('permissions-policy'), what).toBe('camera=(), microphone=(), geolocation=()');
    expect(headers.get('content-security-policy'), what).toMatch(/frame-ancestors 'none'/);
  };

  it('a path that does not decode, holds NUL or is too long: 400/414 with the Norwegian page (JSON under /api/), never 500', async () => {
    const table: { path: string; status: number; json: boolean }[] = [
      { path: '/saker/%E0%A4%A', status: 400, json: false },
      { path: '/moter/%ZZ/referat', status: 400, json: false },
      { path: '/saker/%00', status: 400, json: false },
      { path: '/api/%ZZ', status: 400, json: true },
      { path: '/api/cases/%ZZ', status: 400, json: true },
      { path: '/api/cases/a%00b', status: 400, json: true },
      { path: `/saker/${'a'.repeat(9000)}`, status: 414, json: false },
      { path: `/api/cases/${'a'.repeat(9000)}`, status: 414, json: true },
    ];
    for (const { path, status, json } of table) {
      for (const headers of [{}, { cookie }] as Record<string, string>[]) {
        const what = `${path.slice(0, 40)} ${'cookie' in headers ? 'logged in' : 'anonymous'}`;
        const response = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
        expect(response.status, what).toBe(status);
        expectSecurityHeaders(response.headers, what);
        if (json) {
          expect(await response.json(), what).toMatchObject({ error: 'invalid_input' });
        } else {
          expect(response.headers.get('content-type'), what).toBe('text/html; charset=utf-8');
          const html = await response.text();
          expect(html, what).toContain('<html lang="nb">');
          expect(html, what).toContain(status === 400 ? 'Adressen kan ikke leses.' : 'Adressen er for lang.');
          expect(html, what).toContain('Til oversikten');
        }
      }
    }
  });

  it('headers over Node’s 16 KB limit get 431 with the same headers and page, not a bare status line', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write(`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    for (const header of ['X-Content-Type-Options: nosniff', 'X-Frame-Options: DENY', 'Referrer-Policy: same-origin'])
      expect(answer).toContain(header);
    expect(answer).toContain('Adressen er for lang.');
  });

  it('a 5 MB server-action post gets 413 with the Norwegian page, and runs nothing', async () => {
    // Ny sak's first edit (createDraftAction): its id from the build, as the page's script sends it.
    const actionId = [...builtServerActions()].find(([, action]) => action.name === 'createDraftAction')![0];
    const form = { actionId, hidden: { [`$ACTION_ID_${actionId}`]: '' } };
    const cases = await db.case.count();
    const big = () => {
      const data = new FormData();
      for (const [name, value] of Object.entries(form.hidden)) data.append(name, value);
      data.append('fyll', 'x'.repeat(5 * 1024 * 1024));
      return data;
    };
    // As a form post without JavaScript, and as the page's own fetch (Next-Action header).
    for (const extra of [{}, { 'next-action': form.actionId! }] as Record<string, string>[]) {
      const response = await fetch(`${server.url}/saker/ny`, {
        method: 'POST',
        body: big(),
        redirect: 'manual',
        headers: { cookie, origin: server.url, ...extra },
      });
      expect(response.status, JSON.stringify(extra)).toBe(413);
      expectSecurityHeaders(response.headers, '413');
      const page = await response.text();
      expect(page).toContain('Det du sendte er for stort.');
      expect(page).toContain('høyst 1 MB');
    }
    // A body that does not say how large it is (chunked) is not read into a server action either.
    const chunked = await fetch(`${server.url}/saker/ny`, {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
          controller.close();
        },
      }),
      duplex: 'half',
      redirect: 'manual',
      headers: { cookie, origin: server.url, 'content-type': 'multipart/form-data; boundary=x', 'next-action': form.actionId! },
    } as RequestInit);
    expect(chunked.status).toBe(411);
    expect(await chunked.text()).toContain('Skjemaet kunne ikke tas imot.');
    expect(await db.case.count()).toBe(cases);
    // The same form, of a sane size, still works.
    const data = new FormData();
    for (const [name, value] of Object.entries(form.hidden)) data.append(name, value);
    const small = await fetch(`${server.url}/saker/ny`, {
      method: 'POST',
      body: data,
      redirect: 'manual',
      headers: { cookie, origin: server.url },
    });
    expect(small.status).toBe(200);
    expect(await db.case.count()).toBe(cases + 1);
  });

  it('/api/health, every /api/* answer and the pages carry the security headers; pages keep their own nonce CSP', async () => {
    const answers: [string, Record<string, string>, number][] = [
      ['/api/health', {}, 200],
      ['/api/cases', {}, 401],
      ['/api/cases', { cookie }, 200],
      ['/api/finnes-ikke', { cookie }, 404],
      ['/saker', { cookie }, 200],
      ['/login', {}, 200],
    ];
    for (const [path, headers, status] of answers) {
      const response = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
      expect(response.status, path).toBe(status);
      expectSecurityHeaders(response.headers, path);
      const csp = response.headers.get('content-security-policy')!;
      if (path.startsWith('/api/'))
        expect(csp, path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      else expect(csp, path).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[^']+' 'strict-dynamic'; [^,]*$/); // one policy, not two
      await response.arrayBuffer();
    }
  });
});

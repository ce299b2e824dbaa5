import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../lib/seed/demo-seed';
import { systemClock } from '../../lib/time/clock';
import { apiClient } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoItemDocument, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { builtServerActions } from '../support/server-actions';
import { connectSocket, nextEvent } from '../support/socket-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { rawUpgrade } from '../support/yjs-client';
import type { Db } from '../../lib/db/db';

/**
 * Sessions end on the server (logout, expiry) and take their websockets with
 * them; state changes and websockets from another site are refused (CSRF,
 * cross-site websocket hijacking); HSTS behind TLS. Real server, real sockets.
 */

/** A raw Yjs websocket that resolves its close code (or the HTTP status of a refused upgrade). */
function openYjs(baseUrl: string, docName: string, cookie: string, origin?: string | Record<string, string>) {
  const extra = typeof origin === 'string' ? { origin } : (origin ?? {});
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/yjs/${docName}`, { headers: { cookie, ...extra } });
  const opened = new Promise<number>((resolve) => {
    ws.once('open', () => resolve(101));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return { ws, opened, closed };
}

/** A request through node:http, which (unlike fetch) sends the Host header it is given. */
function rawRequest(
  baseUrl: string,
  options: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${options.path}`, { method: options.method, headers: options.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Opens socket.io (one transport) with the given headers: 'connected' or 'refused'. */
async function socketOutcome(baseUrl: string, transport: 'websocket' | 'polling', headers: Record<string, string>): Promise<string> {
  const { io } = await import('socket.io-client');
  const socket = io(baseUrl, { path: '/socket.io', transports: [transport], extraHeaders: headers, reconnection: false });
  const outcome = await new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', () => resolve('refused'));
  });
  socket.close();
  return outcome;
}

/** Ny sak's first edit (createDraftAction, app/saker/actions.ts), posted as a form to /saker/ny with the given headers. */
async function postStartDraft(baseUrl: string, cookie: string, headers: Record<string, string>) {
  const id = [...builtServerActions()].find(([, action]) => action.name === 'createDraftAction')![0];
  const data = new FormData();
  data.append(`$ACTION_ID_${id}`, '');
  const response = await fetch(`${baseUrl}/saker/ny`, { method: 'POST', body: data, redirect: 'manual', headers: { cookie, ...headers } });
  await response.arrayBuffer();
  return response.status;
}

async function signOut(baseUrl: string, cookie: string): Promise<number> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${baseUrl}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${cookie}; ${csrfCookie}`, origin: baseUrl },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  return response.status;
}

describe('sessions end on the server, with their websockets', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let meetingDoc: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    // The shortest session the configuration allows, so that expiry can be watched.
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir, env: { SAMLET_SESSION_MAX_AGE: '10' } });
    db = openDb(database.url);
    meetingDoc = await demoItemDocument(db);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('logout closes that session’s Yjs and socket.io connections (4401), and its cookie stops working everywhere', async () => {
    const cookie = (await login(server.url, demo.chair, demo.password))!;
    const otherLogin = (await login(server.url, demo.chair, demo.password))!; // the same person in another browser
    expect(cookie).not.toBe(otherLogin);

    const yjs = openYjs(server.url, meetingDoc, cookie);
    const other = openYjs(server.url, meetingDoc, otherLogin);
    expect(await yjs.opened).toBe(101);
    expect(await other.opened).toBe(101);
    const socket = await connectSocket(server.url, cookie);
    const ended = nextEvent(socket, 'session:ended');
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

    expect(await signOut(server.url, cookie)).toBe(200);
    expect(await yjs.closed).toBe(4401);
    await ended;
    expect(await disconnected).toBe('io server disconnect');
    // The other session is untouched.
    expect(other.ws.readyState).toBe(WebSocket.OPEN);

    // A copy of the logged-out cookie is worthless: API, pages, upgrades, socket.io.
    expect((await apiClient(server.url, cookie).get('/api/cases')).status).toBe(401);
    const page = await fetch(`${server.url}/`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toContain('/login?error=SessionEnded');
    expect((await rawUpgrade(server.url, `/yjs/${meetingDoc}`, cookie)).status).toBe(401);
    await expect(connectSocket(server.url, cookie)).rejects.toThrow(/unauthenticated/);
    expect((await apiClient(server.url, otherLogin).get('/api/cases')).status).toBe(200);

    const row = await db.auditEvent.findFirst({ where: { action: 'auth.logout' }, orderBy: { id: 'desc' } });
    expect(row?.entityId).toBeTruthy();
    other.ws.close();
  });

  it('the login page says why when a session has ended', async () => {
    const cookie = (await login(server.url, demo.caseworker, demo.password))!;
    await signOut(server.url, cookie);
    const page = await fetch(`${server.url}/login?error=SessionEnded`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Økten din er avsluttet');
  });

  it('a session expires at its absolute end: its websockets close with 4401 and its requests are refused', async () => {
    const loggedInAt = Date.now();
    const cookie = (await login(server.url, demo.leader, demo.password))!;
    const yjs = openYjs(server.url, meetingDoc, cookie);
    expect(await yjs.opened).toBe(101);
    const socket = await connectSocket(server.url, cookie);
    const ended = nextEvent(socket, 'session:ended', 15_000);
    // Still live a few seconds in: activity does not matter, the clock does.
    expect((await apiClient(server.url, cookie).get('/api/cases')).status).toBe(200);

    expect(await yjs.closed).toBe(4401);
    await ended;
    const lasted = Date.now() - loggedInAt;
    expect(lasted).toBeGreaterThanOrEqual(9_000);
    expect(lasted).toBeLessThan(14_000);
    expect((await apiClient(server.url, cookie).get('/api/cases')).status).toBe(401);
    expect((await rawUpgrade(server.url, `/yjs/${meetingDoc}`, cookie)).status).toBe(401);
  }, 30_000);
});

describe('requests and websockets from another site are refused', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookie: string;
  let meetingDoc: string;
  const evil = 'http://evil.example';

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    meetingDoc = await demoItemDocument(db);
    cookie = (await login(server.url, demo.caseworker, demo.password))!;
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const post = (path: string, headers: Record<string, string>, body = '{}') =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body,
    });

  it('a state change with another site’s Origin, or Sec-Fetch-Site cross-site, is refused and changes nothing', async () => {
    const before = await db.case.count();
    const hostile: Record<string, string>[] = [
      { origin: evil },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
    ];
    for (const headers of hostile) {
      const response = await post('/api/cases', headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toEqual({ error: 'forbidden', message: 'cross-site request refused' });
    }
    expect(await db.case.count()).toBe(before);

    // The same request from the site itself (a browser) and from a program (no Origin) goes through.
    expect((await post('/api/cases', { origin: server.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post('/api/cases', {})).status).toBe(200);
    expect(await db.case.count()).toBe(before + 2);
  });

  it('a cross-site server action, PATCH or login post is refused before it runs', async () => {
    const caseId = (await (await post('/api/cases', {})).json()).id as string;
    const patch = await fetch(`${server.url}/api/cases/${caseId}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json', origin: evil },
      body: JSON.stringify({ question: 'Forfalsket' }),
    });
    expect(patch.status).toBe(403);
    const read = await apiClient(server.url, cookie).get(`/api/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.content.question ?? '').not.toBe('Forfalsket');

    // A server action is a POST with a Next-Action header; the form below is how a hostile page would send it.
    const form = new FormData();
    form.set('unitId', 'x');
    const action = await fetch(`${server.url}/saker`, {
      method: 'POST',
      headers: { cookie, origin: evil, 'next-action': 'a'.repeat(42) },
      body: form,
    });
    expect(action.status).toBe(403);

    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const loginPost = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: csrf.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
        origin: evil,
      },
      body: new URLSearchParams({ csrfToken, email: demo.caseworker, password: demo.password, json: 'true' }),
    });
    expect(loginPost.status).toBe(403);
    expect(loginPost.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='))).toBe(false);
  });

  it('a Yjs or socket.io handshake from another site is refused (403), from the site itself accepted', async () => {
    const hostile = openYjs(server.url, meetingDoc, cookie, evil);
    expect(await hostile.opened).toBe(403);
    const lookalike = openYjs(server.url, meetingDoc, cookie, `${server.url}.evil.example`);
    expect(await lookalike.opened).toBe(403);
    const own = openYjs(server.url, meetingDoc, cookie, server.url);
    expect(await own.opened).toBe(101);
    own.ws.close();

    const { io } = await import('socket.io-client');
    for (const transports of [['websocket'], ['polling']]) {
      const socket = io(server.url, { path: '/socket.io', transports, extraHeaders: { cookie, origin: evil }, reconnection: false });
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', () => resolve('refused'));
      });
      socket.close();
      expect(outcome, transports[0]).toBe('refused');
    }
    const friendly = io(server.url, {
      path: '/socket.io',
      transports: ['polling'],
      extraHeaders: { cookie, origin: server.url },
      reconnection: false,
    });
    const outcome = await new Promise<string>((resolve) => {
      friendly.once('connect', () => resolve('connected'));
      friendly.once('connect_error', (error) => resolve(`refused: ${error.message}`));
    });
    friendly.close();
    expect(outcome).toBe('connected');
  });

  // Issue 16, item 4: X-Forwarded-Host and Host are the sender's say-so without SAMLET_TRUST_PROXY.
  it('another site naming itself in X-Forwarded-Host or Host is refused at every door, and nothing changes', async () => {
    const forged = { origin: evil, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };
    const caseId = (await (await post('/api/cases', {})).json()).id as string;
    const cases = await db.case.count();

    expect((await post('/api/cases', forged)).status).toBe(403);
    const patch = await fetch(`${server.url}/api/cases/${caseId}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json', ...forged },
      body: JSON.stringify({ question: 'Forfalsket' }),
    });
    expect(patch.status).toBe(403);
    const hostHeader = { cookie, origin: evil, host: 'evil.example', 'content-type': 'application/json' };
    expect((await rawRequest(server.url, { method: 'POST', path: '/api/cases', headers: hostHeader, body: '{}' })).status).toBe(403);
    // The server action itself: Next's own check compares Origin with X-Forwarded-Host, so it would have run.
    expect(await postStartDraft(server.url, cookie, forged)).toBe(403);
    expect(await db.case.count()).toBe(cases);
    expect((await apiClient(server.url, cookie).get(`/api/cases/${caseId}`)).body.content.question ?? '').not.toBe('Forfalsket');

    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const loginPost = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: csrf.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
        ...forged,
      },
      body: new URLSearchParams({ csrfToken, email: demo.caseworker, password: demo.password, json: 'true' }),
    });
    expect(loginPost.status).toBe(403);
    expect(loginPost.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='))).toBe(false);

    expect(await openYjs(server.url, meetingDoc, cookie, forged).opened).toBe(403);
    expect(await openYjs(server.url, meetingDoc, cookie, { origin: evil, host: 'evil.example' }).opened).toBe(403);
    for (const transport of ['websocket', 'polling'] as const) {
      expect(await socketOutcome(server.url, transport, { cookie, ...forged }), transport).toBe('refused');
    }
  });

  it('in demo mode the loopback origins of the same port are our own too (API, server action, Yjs); another port is not', async () => {
    const cases = await db.case.count();
    for (const origin of [`http://localhost:${server.port}`, `http://[::1]:${server.port}`]) {
      expect((await post('/api/cases', { origin })).status, origin).toBe(200);
    }
    // Next's own server-action check agrees: the router tells it the origin it accepted.
    expect(await postStartDraft(server.url, cookie, { origin: `http://localhost:${server.port}` })).toBe(200);
    expect(await db.case.count()).toBe(cases + 3);
    const yjs = openYjs(server.url, meetingDoc, cookie, `http://localhost:${server.port}`);
    expect(await yjs.opened).toBe(101);
    yjs.ws.close();

    expect((await post('/api/cases', { origin: `http://localhost:${server.port + 1}` })).status).toBe(403);
    expect(await openYjs(server.url, meetingDoc, cookie, `http://localhost:${server.port + 1}`).opened).toBe(403);
    expect(await db.case.count()).toBe(cases + 3);
  });

  it('a session ended straight in the database (another node, an administrator) closes its websockets within the re-check', async () => {
    const cookie = (await login(server.url, demo.caseworker2, demo.password))!;
    const socket = await connectSocket(server.url, cookie);
    const ended = nextEvent(socket, 'session:ended', 40_000);
    const startedAt = Date.now();
    const user = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker2 } });
    await db.userSession.updateMany({ where: { userId: user.id, endedAt: null }, data: { endedAt: new Date(), endReason: 'revoked' } });
    await ended; // the periodic re-check runs every 30 s (this server's sessions last 8 hours)
    expect(Date.now() - startedAt).toBeLessThan(31_000);
  }, 45_000);
  it('sends no HSTS over plain http', async () => {
    const response = await fetch(`${server.url}/login`);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('behind a trusted proxy (SAMLET_TRUST_PROXY), outside demo mode', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookie: string;
  let meetingDoc: string;
  const site = 'https://samlet.bydel.example';
  const viaProxy = { origin: site, 'x-forwarded-host': 'samlet.bydel.example', 'x-forwarded-proto': 'https' };

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      env: { SAMLET_TRUST_PROXY: 'true', SAMLET_DEMO: 'false' },
    });
    db = openDb(database.url);
    await seedDemoData(db); // not demo mode: the server seeds nothing itself
    meetingDoc = await demoItemDocument(db);
    cookie = (await login(server.url, demo.caseworker, demo.password))!;
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const post = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/cases`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: '{}' });

  it('the origin the proxy names counts at every door: API, server action, Yjs, socket.io', async () => {
    const cases = await db.case.count();
    expect((await post(viaProxy)).status).toBe(200);
    expect(await postStartDraft(server.url, cookie, viaProxy)).toBe(200);
    expect(await db.case.count()).toBe(cases + 2);
    const yjs = openYjs(server.url, meetingDoc, cookie, viaProxy);
    expect(await yjs.opened).toBe(101);
    yjs.ws.close();
    for (const transport of ['websocket', 'polling'] as const) {
      expect(await socketOutcome(server.url, transport, { cookie, ...viaProxy }), transport).toBe('connected');
    }
  });

  it('the scheme counts too, another origin does not, and loopback origins are nobody’s outside demo mode', async () => {
    const cases = await db.case.count();
    expect((await post({ ...viaProxy, 'x-forwarded-proto': 'http' })).status).toBe(403);
    expect((await post({ ...viaProxy, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ origin: `http://localhost:${server.port}` })).status).toBe(403);
    expect(await openYjs(server.url, meetingDoc, cookie, { ...viaProxy, 'x-forwarded-proto': 'http' }).opened).toBe(403);
    expect(await db.case.count()).toBe(cases);
  });

  it('a server action from the public URL works even when the proxy names its upstream host', async () => {
    const cases = await db.case.count();
    // Next compares a server action's Origin with X-Forwarded-Host on its own; the router makes it agree.
    expect(await postStartDraft(server.url, cookie, { origin: server.url, 'x-forwarded-host': 'samlet-upstream:3000' })).toBe(200);
    expect(await db.case.count()).toBe(cases + 1);
  });
});

describe('behind TLS', () => {
  it('every answer carries Strict-Transport-Security when the public URL is https', async () => {
    const database = await createTestDatabase('sqlite');
    const server = await startTestServer({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      env: { NEXTAUTH_URL: 'https://samlet.kommune.example' },
    });
    try {
      for (const path of ['/login', '/api/health', '/api/cases']) {
        const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
        expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
      }
    } finally {
      await server.stop('SIGTERM');
      await database.drop();
    }
  });
});

// Issue 16, item 5: the session endpoint is a door like every other.
describe('GET /api/auth/session asks the server-side session', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    // The endings below are made in the database by hand, past the server: what its session cache would keep for
    // up to SAMLET_SESSION_CACHE_MS. Off here, so that each check is the database's answer; the cache's emptying
    // on every change made through Samlet is tests/integration/session-cache-nodes.test.ts.
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir, env: { SAMLET_SESSION_CACHE_MS: '0' } });
    db = openDb(database.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const session = async (cookie: string) => {
    const response = await fetch(`${server.url}/api/auth/session`, { headers: { cookie } });
    const issued = response.headers.getSetCookie().filter((c) => c.startsWith('next-auth.session-token='));
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      /** A session cookie with a value in it (a cleared one is empty). */
      reissued: issued.some((c) => !c.startsWith('next-auth.session-token=;')),
      cleared: issued.some((c) => c.startsWith('next-auth.session-token=;')),
    };
  };

  it('answers who is logged in while the session is live, as before', async () => {
    const cookie = (await login(server.url, demo.caseworker, demo.password))!;
    const user = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } });
    const live = await session(cookie);
    expect(live.status).toBe(200);
    expect(live.body.user).toEqual({ name: user.name, email: user.email, id: user.id });
    expect(live.reissued).toBe(true);
  });

  it('after logout, an end elsewhere, an expiry or a deactivation: an empty session and the cookie cleared', async () => {
    const endings: Record<string, (cookie: string, userId: string) => Promise<unknown>> = {
      logout: (cookie) => signOut(server.url, cookie),
      'ended elsewhere': (_, userId) =>
        db.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: systemClock.now(), endReason: 'revoked' } }),
      expired: (_, userId) =>
        db.userSession.updateMany({ where: { userId, endedAt: null }, data: { expiresAt: new Date(systemClock.now().getTime() - 1000) } }),
      deactivated: (_, userId) => db.user.update({ where: { id: userId }, data: { active: false } }),
    };
    const emails = [demo.leader, demo.chair, demo.caseworker2, demo.admin];
    for (const [i, [ending, end]] of Object.entries(endings).entries()) {
      const cookie = (await login(server.url, emails[i]!, demo.password))!;
      const userId = (await db.user.findUniqueOrThrow({ where: { email: emails[i] } })).id;
      expect((await session(cookie)).body.user, ending).toBeTruthy();
      await end(cookie, userId);
      const after = await session(cookie);
      expect(after.status, ending).toBe(200);
      expect(after.body, ending).toEqual({});
      expect(after.reissued, ending).toBe(false);
      expect(after.cleared, ending).toBe(true);
    }
    await db.user.update({ where: { email: demo.admin }, data: { active: true } });
  });
});

describe('old sessions', () => {
  it('are deleted a week after they ended or expired; live ones stay', async () => {
    const { pruneUserSessions } = await import('../../lib/auth/user-sessions');
    for (const kind of ['sqlite', 'postgresql'] as const) {
      const database = await createTestDatabase(kind);
      const server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
      const db = openDb(database.url);
      try {
        await login(server.url, demo.leader, demo.password);
        const userId = (await db.user.findUniqueOrThrow({ where: { email: demo.leader } })).id;
        const day = 24 * 3600_000;
        const now = Date.now();
        await db.userSession.createMany({
          data: [
            { id: `gammel-utlopt-${kind}`, userId, expiresAt: new Date(now - 8 * day) },
            {
              id: `gammel-avsluttet-${kind}`,
              userId,
              expiresAt: new Date(now + day),
              endedAt: new Date(now - 8 * day),
              endReason: 'logout',
            },
            {
              id: `nylig-avsluttet-${kind}`,
              userId,
              expiresAt: new Date(now + day),
              endedAt: new Date(now - 2 * day),
              endReason: 'logout',
            },
          ],
        });
        expect(await pruneUserSessions(db)).toBe(2);
        const left = (await db.userSession.findMany({ where: { userId } })).map((s) => s.id);
        expect(left).toContain(`nylig-avsluttet-${kind}`);
        expect(left).toHaveLength(2); // and the live login
      } finally {
        await db.$disconnect();
        await server.stop('SIGTERM');
        await database.drop();
      }
    }
  }, 60_000);
});

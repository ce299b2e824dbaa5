import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login } from '../support/login';
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
function openYjs(baseUrl: string, docName: string, cookie: string, origin?: string) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/yjs/${docName}`, { headers: { cookie, ...(origin ? { origin } : {}) } });
  const opened = new Promise<number>((resolve) => {
    ws.once('open', () => resolve(101));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return { ws, opened, closed };
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
  let meetingId: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    // The shortest session the configuration allows, so that expiry can be watched.
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir, env: { SAMLET_SESSION_MAX_AGE: '10' } });
    db = openDb(database.url);
    meetingId = (await demoFixtures(db)).meeting.id;
    meetingDoc = `meeting:${meetingId}`;
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
    meetingDoc = `meeting:${(await demoFixtures(db)).meeting.id}`;
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

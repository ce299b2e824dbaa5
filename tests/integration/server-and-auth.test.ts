import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(databaseKinds)('server, login and pages on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    expect(await server?.stop('SIGTERM')).toBe(0);
    await database?.drop();
  });

  it('answers the health check when the database answers', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it('has no metrics endpoint unless SAMLET_METRICS turns it on', async () => {
    expect((await fetch(`${server.url}/api/metrics`)).status).toBe(404);
  });

  it('applied the migrations and seeded the demo data once', async () => {
    expect(await db.unit.count()).toBe(2);
    // Six demo users in units, and the system administrator (issue 16).
    expect(await db.user.count()).toBe(7);
    expect(await db.meeting.count({ where: { status: 'planned' } })).toBeGreaterThanOrEqual(16);
  });

  it('sends a visitor without a session to the login page', async () => {
    const response = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toMatch(/\/login$/);
  });

  it('logs a demo user in through next-auth and shows the unit home page', async () => {
    const cookie = await login(server.url, demo.caseworker, demo.password);
    expect(cookie).toMatch(/^next-auth\.session-token=/);
    const page = await fetch(`${server.url}/`, { headers: { cookie: cookie! } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Demo bydel — Enhet for miljøarbeidertjenester');
    expect(html).toContain('Kommende saksmøter');
    expect(html).not.toContain('Enhet for praktisk bistand'); // the other unit stays hidden
    const user = await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } });
    expect(await db.auditEvent.count({ where: { action: 'auth.login', actorId: user.id } })).toBeGreaterThanOrEqual(1);
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    expect(await login(server.url, demo.leader, 'feil-passord')).toBeNull();
    expect(await login(server.url, 'ingen@demo.test', demo.password)).toBeNull();
    const leader = await db.user.findUniqueOrThrow({ where: { email: demo.leader } });
    expect(await db.auditEvent.count({ where: { action: 'auth.login_failed', entityId: leader.id } })).toBe(1);
  });

  it('throttles an account after five failed attempts, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect(await login(server.url, demo.chair, `feil-${i}`)).toBeNull();
    expect(await login(server.url, demo.chair, demo.password)).toBeNull();
    // Other accounts are not affected.
    expect(await login(server.url, demo.caseworker2, demo.password)).not.toBeNull();
  });

  it('refuses a session for a deactivated user on the next request', async () => {
    const cookie = await login(server.url, demo.caseworker2, demo.password);
    await db.user.update({ where: { email: demo.caseworker2 }, data: { active: false } });
    const response = await fetch(`${server.url}/`, { headers: { cookie: cookie! }, redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toContain('/login');
    await db.user.update({ where: { email: demo.caseworker2 }, data: { active: true } });
  });

  // Last in the file: it blocks this test client's address for the rest of the window.
  it('limits failed logins per client address, whatever X-Forwarded-For the client claims', async () => {
    const attempt = async (email: string, password: string, forwardedFor: string) => {
      const csrf = await fetch(`${server.url}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: csrf.headers
            .getSetCookie()
            .map((c) => c.split(';')[0])
            .join('; '),
          'x-forwarded-for': forwardedFor,
        },
        body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
      });
      return response.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='));
    };
    // 30 failures over 30 made-up accounts, each claiming another address.
    for (let i = 0; i < 30; i++) expect(await attempt(`finnes-ikke-${i}@demo.test`, 'feil', `203.0.113.${i}`)).toBe(false);
    // The address is blocked now, even for a good password and yet another claimed address.
    expect(await attempt(demo.admin, demo.password, '198.51.100.7')).toBe(false);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { formWith, submitRenderedForm } from '../support/rendered-forms';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * Server actions given bad fields, posted as a browser without JavaScript
 * posts the rendered form: a form answers with its field errors in Norwegian,
 * a tampered hidden field with a 400 — never a 500 — and nothing is stored.
 */
describe('server actions refuse bad input', () => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let unitPath: string;

  const html = async (path: string, cookie: string) => (await fetch(`${server.url}${path}`, { headers: { cookie } })).text();

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    unitPath = `/admin/enheter/${(await demoFixtures(db)).mainUnit.id}`;
    cookies = await loginDemoUsers(server.url, demo, demo.password);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  printLogsOnFailure(() => server);

  it('a form with a bad e-mail and a tampered role answers each field’s error in Norwegian and adds no one', async () => {
    const [users, memberships] = [await db.user.count(), await db.membership.count()];
    const form = formWith(await html(unitPath, cookies.admin), 'Legg til');
    const answer = await submitRenderedForm(
      server.url,
      unitPath,
      form,
      { email: 'ikke-en-adresse', name: 'Ny Person', role: 'sjef', password: '' },
      { cookie: cookies.admin },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Skriv en gyldig e-postadresse.');
    expect(answer.body).toContain('Velg et av alternativene.');
    expect([await db.user.count(), await db.membership.count()]).toEqual([users, memberships]);
  });

  it('a follow-up form with a tampered id answers 400, not 500, and ticks nothing off', async () => {
    const before = await db.followUp.findMany({ select: { id: true, doneAt: true }, orderBy: { id: 'asc' } });
    expect(before.length).toBeGreaterThan(0);
    const form = formWith(await html('/oppfolging', cookies.caseworker), 'name="followUpId"');
    const answer = await submitRenderedForm(
      server.url,
      '/oppfolging',
      form,
      { followUpId: 'ikke et id!', done: 'true' },
      {
        cookie: cookies.caseworker,
      },
    );
    expect(answer.status).toBe(400);
    expect(await db.followUp.findMany({ select: { id: true, doneAt: true }, orderBy: { id: 'asc' } })).toEqual(before);
  });
});

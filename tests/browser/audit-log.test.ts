import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const ref = 'EPJ 2025/0712';

describe('a leader reads the audit log in a browser: who read whose case, by staff member and by person reference', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let leader: Page;
  let bpaTitle: string;
  printLogsOnFailure(() => server, browserTraces);

  /** The text of every row of the log's table (header row left out). */
  const rowTexts = async () => (await leader.locator('tbody tr').allTextContents()).map((t) => t.replace(/\s+/g, ' '));

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    bpaTitle = (await db.case.findFirstOrThrow({ where: { personRef: ref }, select: { title: true } })).title;
    browser = await launchBrowser();
    // Sara looks at her queue and the past meeting's minutes; Mona at the coming agenda: reads of several people's cases.
    const sara = (await signIn(browser, server.url, demo.caseworker)).page;
    await sara.getByRole('link', { name: 'Mine saker' }).click();
    await sara.getByRole('heading', { name: 'Mine saker', level: 1 }).waitFor();
    await sara.goto(`${server.url}/moter/${(await demoFixtures(db)).pastMeeting.id}/referat`);
    await sara.getByRole('heading', { name: /Økning av BPA/ }).waitFor();
    await sara.close();
    const mona = (await signIn(browser, server.url, demo.chair)).page;
    await mona.goto(`${server.url}/moter/${(await demoFixtures(db)).meeting.id}`);
    await mona.getByRole('link', { name: 'Gå til det digitale møterommet' }).waitFor();
    await mona.close();
    leader = (await signIn(browser, server.url, demo.leader)).page;
  });

  afterAll(async () => {
    await db?.$disconnect();
    await browser?.close();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('filters by staff member: every row is what Sara did, in words, with the case and its person reference', async () => {
    await leader.getByRole('link', { name: 'Tilgangslogg' }).click();
    await leader.getByRole('heading', { name: 'Tilgangslogg', level: 1 }).waitFor();
    await leader.getByLabel('Ansatt').selectOption({ label: 'Sara Saksbehandler' });
    await leader.getByRole('button', { name: 'Vis' }).click();
    await leader.waitForURL(/actorId=/);
    await expect.poll(async () => (await rowTexts()).length).toBeGreaterThan(1);
    const rows = await rowTexts();
    expect(rows.every((r) => r.includes('Sara Saksbehandler'))).toBe(true);
    expect(rows.some((r) => r.includes('Så saken i sakskøen'))).toBe(true);
    expect(rows.some((r) => r.includes('Leste saken i referatet') && r.includes(bpaTitle) && r.includes(ref))).toBe(true);
    expect(rows.some((r) => r.includes('Mona Møteleder'))).toBe(false);
    expect(await accessibilityViolations(leader)).toEqual([]);
  });

  it('filters by person reference: every row is about that person, whoever read it, and the search is itself logged', async () => {
    const leaderId = (await db.user.findUniqueOrThrow({ where: { email: demo.leader } })).id;
    const before = await db.auditEvent.count({ where: { actorId: leaderId, detail: { contains: 'audit_log' } } });
    await leader.getByLabel('Ansatt').selectOption({ label: 'Alle ansatte' });
    await leader.getByRole('textbox', { name: /^Personreferanse/ }).fill(ref);
    await leader.getByRole('button', { name: 'Vis' }).click();
    await leader.waitForURL(/personRef=EPJ/);
    await expect.poll(async () => (await rowTexts()).length).toBeGreaterThan(1);
    const rows = await rowTexts();
    expect(rows.every((r) => r.includes(ref))).toBe(true);
    expect(rows.some((r) => r.includes('Sara Saksbehandler'))).toBe(true);
    expect(rows.some((r) => r.includes('EPJ 2025/1183'))).toBe(false);
    expect(await db.auditEvent.count({ where: { actorId: leaderId, detail: { contains: 'audit_log' } } })).toBeGreaterThan(before);
    expect(await accessibilityViolations(leader)).toEqual([]);
  });

  it('opens everything about another person from a row, and says in Norwegian when a filter is malformed', async () => {
    await leader.getByRole('link', { name: 'Nullstill filteret' }).click();
    await leader.waitForURL(`${server.url}/revisjon`);
    await leader.getByLabel('Ansatt').selectOption({ label: 'Mona Møteleder' });
    await leader.getByRole('button', { name: 'Vis' }).click();
    await leader.waitForURL(/actorId=/);
    const other = leader.getByRole('link', { name: /EPJ 2025\/1183/ }).first();
    await other.click();
    await leader.waitForURL(/personRef=EPJ\+2025%2F1183/);
    await expect.poll(async () => (await rowTexts()).length).toBeGreaterThan(0);
    expect((await rowTexts()).every((r) => r.includes('EPJ 2025/1183'))).toBe(true);
    await leader.goto(`${server.url}/revisjon?personRef=${'x'.repeat(41)}`);
    await leader.getByRole('alert').filter({ hasText: 'Feil i: Personreferanse.' }).waitFor();
    expect(await accessibilityViolations(leader)).toEqual([]);
  });
});

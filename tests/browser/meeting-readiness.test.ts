import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * Before the meeting the chair sees, per case on the agenda, what is missing
 * (empty sections, no holistic assessment, no purpose) and asks its
 * caseworker; she finds the notice in her browser.
 */
describe('readiness before the meeting, the chair and a caseworker in two browsers', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let meetingId: string;
  let caseId: string;
  let title: string;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const { meeting } = await demoFixtures(db);
    meetingId = meeting.id;
    const saraId = (await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } })).id;
    const gappy = await db.case.findFirstOrThrow({ where: { meetingId, createdById: saraId, status: 'submitted' } });
    [caseId, title] = [gappy.id, gappy.title];
    // Her submitted version holds the question only: three sections, the holistic assessment and the purpose are missing.
    await db.caseVersion.updateMany({ where: { caseId }, data: { content: JSON.stringify({ question: title }) } });
    browser = await launchBrowser();
    chair = (await signIn(browser, server.url, demo.chair)).page;
    sara = (await signIn(browser, server.url, demo.caseworker)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('shows the chair what the case lacks, and asks its caseworker', async () => {
    await chair.goto(`${server.url}/moter/${meetingId}`);
    const entry = chair.getByRole('main').getByRole('listitem').filter({ hasText: title });
    const missing = (await entry.getByText('Mangler:').locator('..').textContent()) ?? '';
    for (const part of [
      'Tjenester og vedtak',
      'Alvorlighet, nytte og ressurs',
      'Alternativer og synspunkter',
      'Samlet vurdering',
      'Hva saken trenger fra møtet',
    ])
      expect(missing).toContain(part);
    expect(missing).not.toContain('Hva gjelder saken');
    expect(await accessibilityViolations(chair)).toEqual([]);
    await entry.getByRole('button', { name: `Be saksbehandleren fylle ut: ${title}` }).click();
    await entry.getByRole('status').filter({ hasText: 'Beskjed sendt til Sara Saksbehandler.' }).waitFor();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'case.ask_missing', entityId: caseId } });
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ meetingId });
  });

  it('puts the notice in front of the caseworker, naming the case and what is missing', async () => {
    await sara.goto(`${server.url}/`);
    const notice = sara.getByText(`Møtelederen ber deg fylle ut det som mangler i «${title}»`, { exact: false });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Samlet vurdering');
    expect(await accessibilityViolations(sara)).toEqual([]);
  });

  it('shows a caseworker no readiness list on the agenda', async () => {
    await sara.goto(`${server.url}/moter/${meetingId}`);
    await sara.getByRole('main').getByRole('listitem').filter({ hasText: title }).waitFor();
    expect(await sara.getByText('Mangler:').count()).toBe(0);
  });
});

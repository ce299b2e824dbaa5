import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { formatDate } from '../../lib/i18n/format';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * After the meeting (issue 19), one story: the caseworker's concluded case stays in *Mine saker*
 * under *Behandlet*, with its outcome, conclusion and what is still to be done.
 */
describe('after the meeting, in a browser', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let sara: Page;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    browser = await launchBrowser();
    sara = (await signIn(browser, server.url, demo.caseworker)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('keeps the concluded case in Mine saker under Behandlet, with outcome, conclusion and what is left to do', async () => {
    const decided = await db.case.findFirstOrThrow({
      where: { status: 'concluded', createdBy: { email: demo.caseworker } },
      include: { meeting: true },
    });
    const item = await db.agendaItem.findFirstOrThrow({ where: { caseId: decided.id } });
    await sara.getByRole('link', { name: 'Mine saker' }).click();
    const section = sara.getByRole('region', { name: /^Behandlet/ });
    const card = section.getByRole('listitem').filter({ has: sara.getByRole('heading', { name: /Økning av BPA/ }) });
    await card.waitFor();
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe('Behandlet (1)');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('EPJ 2025/0712');
    expect(text).toContain(`Behandlet i møtet ${formatDate(decided.meeting!.startsAt)}`);
    expect(text).toContain('UtfallAvklart');
    expect(text).toContain('Midlertidig økning til 28 timer i åtte uker');
    expect(text).toContain('Skriv vedtak om midlertidig økning');
    expect(text).toContain(`Revurderes ${formatDate(item.reassessmentDate!)}`);
    // The colleague's concluded case is not Sara's: not in her view.
    expect(await section.getByText(/avlastning for familie/).count()).toBe(0);
    expect(await accessibilityViolations(sara)).toEqual([]);
    await card.getByRole('link', { name: /^Referatet for / }).click();
    await sara.waitForURL(new RegExp(`/moter/${decided.meetingId}/referat#punkt-${item.id}$`));
  });
});

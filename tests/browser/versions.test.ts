import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { systemClock } from '../../lib/time/clock';
import { apiClient, completeCase } from '../support/api';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { caseOnNewMeeting } from '../support/case-on-meeting';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { editorText } from '../support/editor-field';
import { demo, openDb } from '../support/fixtures';
import { login } from '../support/login';
import { storedText } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * The version history in the browser (issue 17): the caseworker opens a
 * case's history, compares two submitted versions word by word, restores the
 * first — and the text is back in the editor, also in the chair's, open on
 * the case all along.
 */
describe('a case’s version history in the browser', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let page: Page;
  let chairPage: Page;
  let caseId: string;
  const changedFacts = 'Har bodd i egen bolig i ett år og trenger mer hjelp.';

  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    browser = await launchBrowser();
    // A case of Sara's, submitted (version 1) to a meeting a day ahead: she still edits it.
    ({ caseId } = await caseOnNewMeeting(db, new Date(systemClock.now().getTime() + 24 * 3600_000), 'Versjoner i nettleseren'));
    ({ page } = await signIn(browser, server.url, demo.caseworker));
    ({ page: chairPage } = await signIn(browser, server.url, demo.chair));
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('shows who changed what in each version, with no accessibility violations', async () => {
    // Sara changes the facts in the editor and sends the changes in: version 2.
    await page.goto(`${server.url}/saker/${caseId}`);
    const facts = page.getByLabel('Fakta i saken');
    await expect.poll(() => editorText(facts)).toBe(completeCase.facts);
    await facts.fill(changedFacts);
    await expect.poll(() => storedText(db, `case:${caseId}`, 'form.facts')).toBe(changedFacts);
    // Her editing session is recorded when she leaves the page; then she sends the changes in.
    await page.goto(`${server.url}/saker`);
    await expect.poll(() => db.auditEvent.count({ where: { action: 'case.update', entityId: caseId } })).toBeGreaterThan(0);
    const cookie = (await login(server.url, demo.caseworker, demo.password))!;
    expect((await apiClient(server.url, cookie).post(`/api/cases/${caseId}/submit`, {})).status).toBe(200);

    await page.goto(`${server.url}/saker/${caseId}`);
    await page.getByRole('link', { name: 'Versjonshistorikk' }).click();
    await page.waitForURL(`${server.url}/saker/${caseId}/versjoner`);
    await page.getByRole('heading', { level: 1, name: /Versjonshistorikk/ }).waitFor();
    const rows = page.getByRole('table', { name: 'Versjoner' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3); // the header and two versions
    expect(await rows.nth(1).innerText()).toContain('Fakta i saken – skrevet av Sara Saksbehandler');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('compares two versions word by word, readable without colour', async () => {
    const options = page.getByLabel('Fra versjon').locator('option');
    const oldest = (await options.last().getAttribute('value'))!;
    const newest = (await options.first().getAttribute('value'))!;
    await page.getByLabel('Fra versjon').selectOption(oldest);
    await page.getByLabel('Til versjon').selectOption(newest);
    await page.getByRole('button', { name: 'Sammenlign' }).click();
    await page.waitForURL(/fra=.*til=/);
    const diff = page.locator('dd').filter({ has: page.locator('del') });
    await diff.first().waitFor();
    expect(await diff.locator('del').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('to')]));
    expect((await diff.locator('ins').allInnerTexts()).join(' ')).toContain('ett');
    // Screen readers get the change in words too.
    expect(await diff.first().textContent()).toMatch(/\[slettet: to[^\]]*\]/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('restores the first version as a new edit: the text is back in the editor, and in the chair’s open editor at once', async () => {
    await chairPage.goto(`${server.url}/saker/${caseId}`);
    const chairFacts = chairPage.getByLabel('Fakta i saken');
    await expect.poll(() => editorText(chairFacts)).toBe(changedFacts);

    // The oldest version is the last row; its button names its time.
    await page
      .getByRole('button', { name: /Gjenopprett versjonen fra/ })
      .last()
      .click();
    await page.waitForURL(/gjenopprettet=1/);
    await page.getByRole('status').filter({ hasText: 'Versjonen er gjenopprettet' }).waitFor();
    await expect.poll(() => editorText(chairFacts)).toBe(completeCase.facts);

    await page.getByRole('link', { name: 'Tilbake til saken' }).click();
    await page.waitForURL(`${server.url}/saker/${caseId}`);
    await expect.poll(() => editorText(page.getByLabel('Fakta i saken'))).toBe(completeCase.facts);
    expect(await storedText(db, `case:${caseId}`, 'form.facts')).toBe(completeCase.facts);
  });
});

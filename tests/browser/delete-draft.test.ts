import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { editorField, typeInto } from '../support/editor-field';
import { startNewCase } from '../support/new-case';
import { demo, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/** The author throws away a draft (issue 19): asked first when something is written in it, not when it is empty. */
describe('deleting a draft, in a browser', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let page: Page;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    browser = await launchBrowser();
    page = (await signIn(browser, server.url, demo.caseworker)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  /** A draft with nothing in it: a key typed into Ny sak's form (which makes it) and taken back. */
  const newDraft = async () => {
    await page.goto(`${server.url}/saker`);
    return startNewCase(page);
  };

  it('asks before deleting a draft with text in it; Avbryt keeps it, Slett utkastet removes it for good', async () => {
    const id = await newDraft();
    await typeInto(editorField(page, 'Fakta i saken'), 'Bor alene.', 20);
    await page.getByText('Alle endringer er lagret.').waitFor();
    await page.getByRole('button', { name: 'Slett utkastet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vil du slette utkastet? Det du har skrevet, blir borte for alle.' });
    await dialog.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await db.case.findUniqueOrThrow({ where: { id } })).status).toBe('draft');

    await page.getByRole('button', { name: 'Slett utkastet' }).click();
    await dialog.getByRole('button', { name: 'Slett utkastet' }).click();
    await page.waitForURL(/\/saker\?slettet=1$/);
    const deleted = page.getByRole('status').filter({ hasText: 'Utkastet er slettet.' });
    await deleted.waitFor();
    // Said in Designsystemet's Alert, as every status box is (issue 20), not a home-made bordered box.
    expect(await deleted.evaluate((el) => [el.classList.contains('ds-alert'), el.getAttribute('data-color')])).toEqual([true, 'success']);
    expect(await page.locator(`a[href="/saker/${id}"]`).count()).toBe(0);
    expect((await db.case.findUniqueOrThrow({ where: { id } })).status).toBe('deleted');
    expect((await page.goto(`${server.url}/saker/${id}`))?.status()).toBe(404);
  });

  it('deletes an empty draft without asking', async () => {
    const id = await newDraft();
    await page.getByRole('button', { name: 'Slett utkastet' }).click();
    await page.waitForURL(/\/saker\?slettet=1$/);
    expect((await db.case.findUniqueOrThrow({ where: { id } })).status).toBe('deleted');
  });
});

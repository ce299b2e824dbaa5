import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { editorField, typeInto } from '../support/editor-field';
import { recordRegionChanges, regionChanges } from '../support/live-regions';
import { startNewCase } from '../support/new-case';
import { demo, openDb } from '../support/fixtures';
import { storedText } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * "Lagret" only when the server has stored it (app/_collab/save-tracking.ts): the test holds
 * SQLite's write lock, so the server's write of what the caseworker types waits (within SQLite's
 * 5 s busy timeout, so it does not fail); meanwhile the form says "Lagrer …", and "Alle
 * endringer er lagret." only once the lock is released and the row is written.
 */
describe('the case form’s save status', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let page: Page;
  printLogsOnFailure(() => server, browserTraces);
  const status = () => page.getByRole('status').filter({ hasText: /lagret|Lagrer/ });

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

  it('says "Lagrer …" while the edit is not stored, and "Alle endringer er lagret." once it is', async () => {
    await page.getByRole('link', { name: 'Mine saker', exact: true }).click();
    const documentName = `case:${await startNewCase(page)}`;
    await recordRegionChanges(page);

    const holder = new Database(database.url.slice('file:'.length));
    holder.exec('BEGIN IMMEDIATE'); // the one writer WAL allows: the server's appends wait
    try {
      await typeInto(editorField(page, 'Fakta i saken'), 'Bor alene.', 20);
      await expect.poll(() => status().textContent()).toBe('Lagrer …');
      expect(await storedText(db, documentName, 'form.facts')).toBe('');
    } finally {
      holder.exec('COMMIT');
      holder.close();
    }
    await expect.poll(() => status().textContent()).toBe('Alle endringer er lagret.');
    expect(await storedText(db, documentName, 'form.facts')).toBe('Bor alene.');
    // Shown, but not read aloud at every pause in typing (Orca said "Lagrer …", "Alle endringer er lagret." over and over).
    const saveStatus = (await regionChanges(page)).filter((c) => /lagret|Lagrer/.test(c.text));
    expect(saveStatus.map((c) => c.text)).toContain('Lagrer …');
    expect(saveStatus.filter((c) => c.live)).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const aListName = 'A-liste – til orientering uten drøfting';
/** "Within a second" on a quiet machine; the poll allows for a loaded CI runner. */
const live = { timeout: 3000, interval: 50 };

/**
 * The saksliste page is live (app/moter/[id]/live-agenda.tsx): the chair in
 * the room moves an item on to the A-list and adds an item, and
 * Sara's saksliste page, open all along in another browser, shows each change
 * without a reload — without her being counted present in the room.
 */
describe('the saksliste page follows the chair live', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let meetingId: string;
  let discuss: string;
  printLogsOnFailure(() => server, browserTraces);

  const aListText = (page: Page) => page.getByRole('region', { name: aListName }).textContent();

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    meetingId = (await demoFixtures(db)).meeting.id;
    const items = await syncAgenda(db, meetingId);
    const cases = await db.case.findMany({ where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) } } });
    discuss = cases.find((c) => c.purpose === 'drofting')!.title;
    browser = await launchBrowser();
    chair = (await signIn(browser, server.url, demo.chair)).page;
    sara = (await signIn(browser, server.url, demo.caseworker)).page;
    await chair.goto(`${server.url}/moter/${meetingId}/rom`);
    await sara.goto(`${server.url}/moter/${meetingId}`);
    await chair.getByText(/Til stede:.*Mona Møteleder/).waitFor();
    // Sara's page is watching before the chair does anything (its socket connects after the page loads).
    await sara.locator('[data-live-agenda="watching"]').waitFor({ state: 'attached' });
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('shows an item the chair moves on to the A-list in the room, and Sara is not counted present', async () => {
    expect(await aListText(sara)).not.toContain(discuss);
    await chair.getByRole('button', { name: `Flytt til A-listen: ${discuss}` }).click();
    await expect.poll(() => aListText(sara), live).toContain(discuss);
    expect(await chair.getByText(/Til stede:/).textContent()).not.toContain('Sara');
  });

  it('follows an item the chair adds', async () => {
    await chair.getByLabel('Tittel på punktet').fill('Orientering om ferieavviklingen');
    await chair.getByRole('button', { name: 'Legg til punkt' }).click();
    await expect.poll(async () => (await sara.locator('main').textContent()) ?? '', live).toContain('Orientering om ferieavviklingen');
    expect(await accessibilityViolations(sara)).toEqual([]);
  });
});

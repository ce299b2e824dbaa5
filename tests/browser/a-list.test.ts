import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { makeCurrent } from '../support/meeting-room';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const aListName = 'A-liste – til orientering uten drøfting';

/**
 * The A-list (til orientering uten drøfting), the chair and a caseworker in
 * two browsers: the case brought for information starts on it, the chair
 * moves items on and off (in the room and on the saksliste page), and takes
 * the whole list as information in one step that reaches the other screen;
 * the minutes say the items were concluded together.
 */
describe('the A-list, the chair and a caseworker in two browsers', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let meetingId: string;
  let info: string;
  let discuss: string;
  let decide: string;
  printLogsOnFailure(() => server, browserTraces);

  /** The A-list as a page shows it: its own region (the room's inside the agenda). */
  const aList = (page: Page) => page.getByRole('region', { name: aListName });
  const aListTitles = async (page: Page) => (await aList(page).getByRole('listitem').allTextContents()).join(' | ');

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    meetingId = (await demoFixtures(db)).meeting.id;
    const items = await syncAgenda(db, meetingId);
    const cases = await db.case.findMany({ where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) } } });
    const titleOf = (purpose: string) => cases.find((c) => c.purpose === purpose)!.title;
    [info, discuss, decide] = [titleOf('orientering'), titleOf('drofting'), titleOf('avklaring')];
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

  it('starts the case brought for information on the A-list, on the saksliste page and in the room', async () => {
    await chair.goto(`${server.url}/moter/${meetingId}`);
    await aList(chair).getByRole('listitem').filter({ hasText: info }).waitFor();
    expect(await aListTitles(chair)).not.toContain(discuss);
    await sara.goto(`${server.url}/moter/${meetingId}/rom`);
    await aList(sara).getByRole('listitem').filter({ hasText: info }).waitFor();
    expect(await aListTitles(sara)).toContain('A1.');
    expect(await aListTitles(sara)).not.toContain(discuss);
  });

  it('lets the chair move an item on to the A-list in the room (the other screen follows) and off it on the saksliste page', async () => {
    await chair.goto(`${server.url}/moter/${meetingId}/rom`);
    await chair.getByRole('button', { name: `Flytt til A-listen: ${discuss}` }).click();
    await expect.poll(() => aListTitles(sara), { timeout: 5000 }).toContain(discuss);
    await chair.goto(`${server.url}/moter/${meetingId}`);
    await chair.getByRole('button', { name: `Flytt fra A-listen: ${discuss}` }).click();
    await expect.poll(() => aListTitles(chair), { timeout: 5000 }).not.toContain(discuss);
    expect(await aListTitles(chair)).toContain(info);
    // Sara's room, open all along, follows a move made on the saksliste page too (no reload).
    await expect.poll(() => aListTitles(sara), { timeout: 5000 }).not.toContain(discuss);
    expect(await aListTitles(sara)).toContain(info);
    expect(await db.auditEvent.count({ where: { action: 'agenda.a_list' } })).toBe(2);
  });

  it('concludes the A-list in one step, which reaches the caseworker’s screen', async () => {
    await chair.goto(`${server.url}/moter/${meetingId}/rom`);
    await makeCurrent(chair, decide);
    expect(await accessibilityViolations(chair)).toEqual([]);
    await sara.reload();
    await aList(sara).getByRole('listitem').filter({ hasText: info }).waitFor();
    expect(await aListTitles(sara)).not.toContain('Låst');
    await chair.getByRole('button', { name: 'Ta A-listen til orientering' }).click();
    const dialog = chair.getByRole('dialog', { name: 'Ta A-listen til orientering?' });
    await dialog.getByRole('button', { name: 'Ja, ta til orientering' }).click();
    await expect.poll(() => aListTitles(sara), { timeout: 5000 }).toContain('Låst');
    expect(await aListTitles(sara)).toContain('Konkludert');
    // The discussion items stay open; the chair's screen says the A-list is done (no button left).
    await chair.getByRole('button', { name: 'Ta A-listen til orientering' }).waitFor({ state: 'detached' });
    expect(await accessibilityViolations(sara)).toEqual([]);
  });

  it('shows the A-list items in the minutes as taken as information together', async () => {
    await chair.getByRole('button', { name: 'Avslutt møtet' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: 'Ja, avslutt møtet' }).click();
    await chair.getByRole('status').filter({ hasText: 'Møtet er avsluttet.' }).waitFor();
    await chair.goto(`${server.url}/moter/${meetingId}/referat`);
    const entry = chair.getByRole('main').getByRole('listitem').filter({ hasText: info });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Tatt til orientering samlet (A-listen)');
    expect(await entry.textContent()).toContain('Tatt til orientering');
    const other = chair.getByRole('main').getByRole('listitem').filter({ hasText: decide });
    expect(await other.textContent()).not.toContain('samlet (A-listen)');
  });
});

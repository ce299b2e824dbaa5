import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { makeCurrent } from '../support/meeting-room';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * The chair presents and every screen follows — until someone opens another
 * item to read. Their screen then stays there, says plainly that it no longer
 * follows, and one button takes it back to the chair's item and follows again.
 */
describe('following the chair, or looking elsewhere, in two browsers', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let titles: string[];
  printLogsOnFailure(() => server, browserTraces);

  const heading = (page: Page, title: string) => page.getByRole('heading', { name: title, level: 2 });
  const agendaEntry = (page: Page, title: string) =>
    page.getByRole('navigation', { name: 'Saksliste' }).getByRole('listitem').filter({ hasText: title });
  const notice = (page: Page) => page.getByRole('status').filter({ hasText: 'Du følger ikke møtelederen' });

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const { meeting } = await demoFixtures(db);
    const items = await syncAgenda(db, meeting.id);
    const cases = await db.case.findMany({ where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) } } });
    titles = items.map((item) => cases.find((c) => c.id === item.caseId)?.title ?? '');
    if (titles.length < 3) throw new Error('the demo meeting has fewer than three items');
    browser = await launchBrowser();
    chair = (await signIn(browser, server.url, demo.chair)).page;
    sara = (await signIn(browser, server.url, demo.caseworker)).page;
    const roomUrl = `${server.url}/moter/${meeting.id}/rom`;
    await chair.goto(roomUrl);
    await sara.goto(roomUrl);
    await sara.getByText(/Til stede:.*Mona Møteleder/).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('keeps a participant on the item she opened while the chair moves on, and says so', async () => {
    await makeCurrent(chair, titles[0]);
    await heading(sara, titles[0]).waitFor();
    await sara.getByText('Skjermen din følger møtelederen.').waitFor();

    await agendaEntry(sara, titles[1]).getByRole('button').first().click();
    await heading(sara, titles[1]).waitFor();
    await notice(sara).filter({ hasText: titles[0] }).waitFor();

    await makeCurrent(chair, titles[2]);
    await heading(chair, titles[2]).waitFor();
    // The move reached Sara's screen (her agenda marks the new current item), and she is still where she was.
    await agendaEntry(sara, titles[2]).getByText('Aktuell sak').waitFor();
    expect(await heading(sara, titles[1]).count()).toBe(1);
    expect(await heading(sara, titles[2]).count()).toBe(0);
    await notice(sara).filter({ hasText: titles[2] }).waitFor();
    expect(await sara.getByText('Skjermen din følger møtelederen.').count()).toBe(0);
    // The chair's screen, on the item it presents, has no such notice.
    expect(await chair.getByRole('button', { name: 'Tilbake til aktuell sak' }).count()).toBe(0);
    expect(await accessibilityViolations(sara)).toEqual([]);
  });

  it('takes her back to the current item with one click, and follows the chair’s next move', async () => {
    await sara.getByRole('button', { name: 'Følg møteleder' }).press('Enter');
    await heading(sara, titles[2]).waitFor();
    // The button went with the notice: focus is on the item she is taken to, not lost to the top of the page.
    await expect.poll(() => sara.evaluate(() => document.activeElement?.id)).toBe('item-title');
    expect(await notice(sara).count()).toBe(0);
    await sara.getByText('Skjermen din følger møtelederen.').waitFor();

    await makeCurrent(chair, titles[0]);
    await heading(sara, titles[0]).waitFor();
    expect(await notice(sara).count()).toBe(0);
  });

  it('offers the chair, reading another item, the way back to the one presented', async () => {
    await agendaEntry(chair, titles[1]).getByRole('button').first().click();
    await heading(chair, titles[1]).waitFor();
    // Sara follows the chair's presented item, not what the chair reads.
    expect(await heading(sara, titles[0]).count()).toBe(1);
    await chair.getByRole('button', { name: 'Tilbake til aktuell sak' }).click();
    await heading(chair, titles[0]).waitFor();
    expect(await accessibilityViolations(chair)).toEqual([]);
  });

  it('follows again by itself when the chair takes up the very item she was reading', async () => {
    await agendaEntry(sara, titles[1]).getByRole('button').first().click();
    await notice(sara).waitFor();
    await makeCurrent(chair, titles[1]);
    await agendaEntry(sara, titles[1]).getByText('Aktuell sak').waitFor();
    await sara.getByText('Skjermen din følger møtelederen.').waitFor();
    expect(await notice(sara).count()).toBe(0);
    // …and so moves with the chair's next move.
    await makeCurrent(chair, titles[2]);
    await heading(sara, titles[2]).waitFor();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * Søk on a phone (issue 20): the twelve filters came before the results, so
 * a leader scrolled past all of them to see the first hit. At 390 px a search
 * with results now shows the first result on the first screen, the filters in
 * a closed section that opens; at 1280 px the filters stay in view.
 */
describe('search results before the filters on a phone', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    browser = await launchBrowser();
    page = (await signIn(browser, server.url, demo.leader)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const firstResult = () => page.locator('section[aria-labelledby="treff"] ol > li').first();
  const toggle = () => page.locator('summary', { hasText: 'Avgrens søket' });

  it('at 390 px shows the first result within the first screen and the filters in a closed section', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/sok?q=avlastning`);
    await firstResult().waitFor();
    const box = await firstResult().boundingBox();
    expect(box && box.y + Math.min(box.height, 80)).toBeLessThanOrEqual(844);
    expect(await page.getByLabel('Sakstype').isVisible()).toBe(false);
    expect(await toggle().getAttribute('aria-expanded')).toBeNull(); // a native summary: its state is the details' open
    expect(await page.locator('details.ds-details.search-filters').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);

    await toggle().click();
    await page.getByLabel('Sakstype').waitFor({ state: 'visible' });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('at 390 px says how many filters are in use while closed, and keeps them open when nothing is found', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/sok?q=avlastning&from=01.01.2000`);
    await firstResult().waitFor();
    expect(await toggle().textContent()).toBe('Avgrens søket (1 valgt)');

    await page.goto(`${server.url}/sok?q=ordsomikkefinnesnoensteder`);
    await page.getByRole('heading', { name: 'Ingen treff.' }).waitFor();
    await page.getByLabel('Sakstype').waitFor({ state: 'visible' });
  });

  it('at 1280 px keeps every filter in view with no section to open, and the results under them', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/sok?q=avlastning`);
    await firstResult().waitFor();
    for (const label of ['Møtedato fra', 'Sakstype', 'Barn berørt'])
      expect(await page.getByLabel(label, { exact: true }).isVisible()).toBe(true);
    expect(await toggle().isVisible()).toBe(false);
    expect(await page.getByRole('group', { name: 'Avgrens søket' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

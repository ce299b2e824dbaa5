import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo } from '../support/fixtures';
import { walkByKeyboard } from '../support/keyboard-walk';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * History, search and follow-ups by keyboard only (issue 20): Tab from the top
 * of the page reaches every control in the page's main part, in the order it
 * reads, and goes on to the footer; Shift+Tab walks back the same way. At
 * every stop the focus is visible (an outline or a ring) and the focused
 * control lies wholly below the sticky header (WCAG 2.2 2.4.11, focus not
 * obscured) — walking back up is where a sticky header would cover it. On a
 * short window, so the pages scroll, at desktop and phone widths.
 */
const walks = [
  { name: 'historikk', path: '/historikk' },
  { name: 'sok', path: '/sok?q=avlastning' },
  { name: 'oppfolging', path: '/oppfolging' },
];
const sizes = [
  { width: 1280, height: 560 },
  { width: 390, height: 640 },
];

describe('history, search and follow-ups by keyboard only', () => {
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
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  for (const size of sizes) {
    for (const walk of walks) {
      it(`${walk.name} at ${size.width} px: Tab and Shift+Tab reach every control in order, with the focus visible and never under the header`, async () => {
        await page.setViewportSize(size);
        await page.goto(`${server.url}${walk.path}`);
        await page.locator('h1').waitFor();
        // The client components have loaded and hydrated.
        await page.waitForLoadState('networkidle');
        const walked = await walkByKeyboard(page);
        expect(walked.expected.length, 'controls in the page').toBeGreaterThan(2);
        expect(walked.reachedFooter, 'Tab goes on past the page to the footer (no trap)').toBe(true);
        // Each control once per walk, in reading order both ways.
        const all = walked.expected.map((_, i) => String(i));
        expect(walked.forward, 'forward').toEqual(all);
        expect(walked.backward, 'backward').toEqual([...all].reverse());
        expect(walked.hidden).toEqual([]);
      });
    }
  }
});

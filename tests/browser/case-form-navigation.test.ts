import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nb } from '../../lib/i18n/nb';
import { browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { chromiumNames } from '../support/accessible-name';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * The case form on a phone and by keyboard (issue 20): the section
 * navigation jumps to a section and says how far each is filled in; Tab
 * alone reaches every field and the submit button, in order, and leaves the
 * form again (no trap).
 */
describe('the case form, by section and by keyboard', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let caseUrl: string;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    browser = await launchBrowser();
    const db = openDb(database.url);
    caseUrl = `${server.url}/saker/${(await demoFixtures(db)).draftCase.id}`;
    await db.$disconnect();
    page = (await signIn(browser, server.url, demo.caseworker)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('on a phone, the section navigation jumps to a section below the header and counts what is filled in', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(caseUrl);
    const nav = page.getByRole('navigation', { name: nb.caseNav.heading });
    const alternatives = nav.getByRole('link', { name: new RegExp(nb.cases.sections.alternatives) });
    await alternatives.waitFor();
    const before = await alternatives.textContent();
    // The name Chromium gives assistive technology (Playwright's own computation adds spaces Chromium does not):
    // a pause between the section and its progress, not "synspunkterIkke påbegynt" as Orca read it.
    expect(await chromiumNames(page, 'link')).toContainEqual(expect.stringMatching(/^Alternativer og synspunkter\s*,\s+Ikke påbegynt$/));
    // A text field's label and a choice's legend are the same size (the design system's small field labels).
    const fontSize = (tag: string, text: string) =>
      page
        .locator(tag, { hasText: text })
        .first()
        .evaluate((e) => getComputedStyle(e).fontSize);
    expect(await fontSize('label', 'Referanse til tjenestemottaker')).toBe(await fontSize('legend', 'Sakstype'));

    await alternatives.click();
    await page.waitForURL(/#seksjon-alternativer$/);
    const heading = page.getByRole('heading', { name: nb.cases.sections.alternatives, level: 2 });
    const headerBottom = await page
      .locator('header')
      .first()
      .evaluate((e) => e.getBoundingClientRect().bottom);
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(headerBottom);

    await page.getByRole('textbox', { name: nb.cases.fields.personView }).click();
    await page.keyboard.type('Ønsker mer tid hjemme i helgene.');
    await expect.poll(() => alternatives.textContent()).not.toBe(before);
    expect(await alternatives.textContent()).toMatch(/felt fylt ut|Alt fylt ut/);
  });

  it('Tab alone reaches every field and the submit button in order, and goes on past the form', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(caseUrl);
    await page.getByRole('button', { name: nb.cases.submit }).waitFor();
    // The editors mount once their document has synced.
    await page.locator('#felt-samletVurdering[contenteditable="true"]').waitFor();
    // Every stop a keyboard user must reach: each editor, each select, each checkbox, one stop per radio group.
    const expected = await page.evaluate(() => {
      const form = document.querySelector('main')!;
      const keys = new Set<string>();
      for (const el of form.querySelectorAll<HTMLElement>('[id^="felt-"][contenteditable="true"], main select')) keys.add(el.id);
      // A checkbox by its label: the form's boxes have neither id nor name.
      for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
        keys.add(`check:${box.labels?.[0]?.textContent?.trim()}`);
      for (const radio of form.querySelectorAll<HTMLInputElement>('input[type="radio"]')) keys.add(`radio:${radio.name}`);
      return [...keys];
    });
    expect(expected.length).toBeGreaterThan(30);

    const reached: string[] = [];
    await page.locator('h1').click();
    for (let step = 0; step < 400; step++) {
      await page.keyboard.press('Tab');
      const key = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        if (!el || el === document.body) return 'body';
        if (el.type === 'radio') return `radio:${el.name}`;
        if (el.closest('footer')) return 'footer';
        if (el.type === 'checkbox') return `check:${el.labels?.[0]?.textContent?.trim()}`;
        return el.id || el.textContent?.trim() || el.tagName;
      });
      reached.push(key);
      if (key === 'footer') break;
    }
    expect(reached.at(-1), 'Tab leaves the form and reaches the footer (no trap)').toBe('footer');
    expect(expected.filter((key) => !reached.includes(key))).toEqual([]);
    const submitAt = reached.indexOf(nb.cases.submit);
    expect(submitAt).toBeGreaterThan(-1);
    // In order: the first field comes before the last, and the submit button after every field.
    expect(reached.indexOf('felt-personRef')).toBeLessThan(reached.indexOf('felt-samletVurdering'));
    expect(Math.max(...expected.map((key) => reached.indexOf(key)))).toBeLessThan(submitAt);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nb } from '../../lib/i18n/nb';
import { browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * The frame of every page (issue 20): the small-screen menu by keyboard, the
 * navigation a system administrator is offered, the footer's accessibility
 * statement, and the confirmation dialog that replaced window.confirm.
 */
describe('the page frame, in a browser', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      env: {
        SAMLET_ORGANISATION: 'Eksempel kommune',
        SAMLET_THEME_COLOR: '#7a1f4e',
        SAMLET_ACCESSIBILITY_CONTACT: 'uu@eksempel.kommune.no',
      },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

  it('on a phone the navigation is behind Meny: it opens, Escape closes it and focus goes back, a link navigates', async () => {
    const { page } = await signIn(browser, server.url, demo.caseworker);
    await page.setViewportSize({ width: 390, height: 844 });
    const menu = page.getByRole('button', { name: nb.shell.menu });
    expect(await page.getByRole('link', { name: nb.nav.myCases }).isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.focus();
    await page.keyboard.press('Enter');
    const toggle = page.getByRole('button', { name: nb.shell.closeMenu });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => focusedText(page)).toBe(nb.nav.myCases);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe(nb.nav.followUps);

    await page.keyboard.press('Escape');
    await expect.poll(() => focusedText(page)).toBe(nb.shell.menu);
    expect(await page.getByRole('link', { name: nb.nav.myCases }).isVisible()).toBe(false);

    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: nb.nav.history }).click();
    await page.waitForURL(`${server.url}/historikk`);
    expect(await page.getByRole('button', { name: nb.shell.menu }).getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    // The installation's colour reaches Designsystemet's accent (SAMLET_THEME_COLOR).
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ds-color-accent-base-default'))).toBe(
      '#7a1f4e',
    );
    await page.context().close();
  });

  it('a system administrator in no unit is offered administration, not case pages', async () => {
    const { page } = await signIn(browser, server.url, demo.system);
    const nav = page.getByRole('navigation', { name: nb.app.mainNavigation });
    await nav.getByRole('link', { name: nb.nav.admin }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([nb.nav.admin]);
    await page.context().close();
  });

  it('the footer leads to the accessibility statement, signed in or not', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('contentinfo').getByRole('link', { name: nb.shell.accessibilityLink }).click();
    await page.getByRole('heading', { name: nb.accessibility.title, level: 1 }).waitFor();
    expect(await page.getByText(nb.accessibility.intro('Eksempel kommune')).count()).toBe(1);
    // When it was last gone through, and where to write (the installation's address).
    expect(await page.getByText(nb.accessibility.updated).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'uu@eksempel.kommune.no' }).getAttribute('href')).toBe('mailto:uu@eksempel.kommune.no');
    // Signed out there is no header: the way back to the login page is on the page.
    await page.getByRole('link', { name: nb.accessibility.backToLogin }).click();
    await page.waitForURL(/\/login$/);
    await context.close();
  });

  it('a confirmation dialog: Avbryt and Escape keep the member, confirming removes them', async () => {
    const { page } = await signIn(browser, server.url, demo.admin);
    const db = openDb(database.url);
    const { mainUnit } = await demoFixtures(db);
    const sindre = await db.user.findFirstOrThrow({ where: { email: demo.caseworker2 } });
    const member = () => db.membership.count({ where: { unitId: mainUnit.id, userId: sindre.id } });
    await page.goto(`${server.url}/admin/enheter/${mainUnit.id}`);
    const row = page.getByRole('row').filter({ hasText: demo.caseworker2 });
    const remove = row.getByRole('button', { name: nb.admin.remove });
    // Removal sits in the member's «Flere valg», last and apart (issue 20): open it first, and again after the reload.
    const more = row.getByText(nb.admin.memberMore);
    await more.click();
    const dialog = page.getByRole('dialog', { name: nb.admin.removeConfirm('Sindre Saksbehandler') });

    await remove.click();
    await dialog.waitFor();
    await expect.poll(() => focusedText(page)).toBe(nb.shell.confirm.cancel);
    await dialog.getByRole('button', { name: nb.shell.confirm.cancel }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focusedText(page)).toBe(nb.admin.remove);

    await remove.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // A reload is a request behind anything the dialog could have sent: the member is still there.
    await page.reload();
    await row.waitFor();
    expect(await member()).toBe(1);

    await more.click();
    await remove.click();
    await dialog.getByRole('button', { name: nb.admin.remove }).click();
    // The row goes with the member (and its form's status line with it).
    await row.waitFor({ state: 'detached' });
    expect(await member()).toBe(0);
    await db.$disconnect();
    await page.context().close();
  });
});

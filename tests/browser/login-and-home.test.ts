import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nb } from '../../lib/i18n/nb';
import { accessibilityViolations, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/test-server';

describe('logging in with a browser', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('shows the login page without WCAG 2.1 A/AA violations', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
    await expect(page.getByRole('heading', { name: 'Logg inn' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('tells the user when the password is wrong, without saying which part was wrong', async () => {
    await page.getByLabel('E-postadresse').fill(demo.caseworker);
    await page.getByLabel('Passord').fill('feil');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    // (Next's route announcer is an empty role=alert too, hence the text filter.)
    const alert = page.getByRole('alert').filter({ hasText: 'Innloggingen mislyktes' });
    await alert.waitFor();
    expect(await alert.textContent()).not.toMatch(/e-postadressen finnes ikke|feil passord/i);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('logs in and lands on the unit’s home page with its coming meetings, without violations', async () => {
    await page.getByLabel('Passord').fill(demo.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { name: 'Oversikt' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Demo bydel — Enhet for miljøarbeidertjenester' }).isVisible()).toBe(true);
    expect(await page.getByText('Frist for innmelding').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Innlogget som Sara Saksbehandler' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows a meeting that does not exist, or is hidden, as the Norwegian not-found page with a 404', async () => {
    const response = await page.goto(`${server.url}/moter/finnesikke0000000000000`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: nb.errors.notFound }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The way home is a link that works (and leaves the page where the next test expects it).
    await page.getByRole('link', { name: nb.errors.backHome }).click();
    await page.getByRole('heading', { name: 'Oversikt' }).waitFor();
  });

  it('logs out and is sent back to the login page', async () => {
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
  });

  it('logging out in one tab ends the meeting room open in another: its live connections close and it goes to the login page, saying why', async () => {
    const db = openDb(database.url);
    const meetingId = (await demoFixtures(db)).meeting.id;
    await db.$disconnect();
    const { context, page: room } = await signIn(browser, server.url, demo.chair);
    await room.goto(`${server.url}/moter/${meetingId}/rom`);
    await room.getByText('Tilkoblet. Alle endringer er lagret.').first().waitFor();

    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByRole('button', { name: 'Logg ut' }).click();
    await other.waitForURL(/\/login/);

    // No reload, no click in the room: the server closed its sockets (4401 / session:ended).
    await room.waitForURL(/\/login\?error=SessionEnded/, { timeout: 10_000 });
    await room.getByText('Økten din er avsluttet').waitFor();
    expect(await accessibilityViolations(room)).toEqual([]);
    await context.close();
  });

  it('still goes to the login page when the word that the session ended is lost on the way', async () => {
    const db = openDb(database.url);
    const meetingId = (await demoFixtures(db)).meeting.id;
    await db.$disconnect();
    const { context, page: room } = await signIn(browser, server.url, demo.chair);
    // Between the room and the server, as a flaky network might: socket.io's "session:ended" is dropped, and a
    // Yjs close says only "gone" (1000), not 4401. What is left is the server's disconnect.
    let dropped = 0;
    await room.routeWebSocket(/\/socket\.io\//, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((message) => {
        if (typeof message === 'string' && message.includes('"session:ended"')) return void dropped++;
        ws.send(message);
      });
      ws.onMessage((message) => upstream.send(message));
    });
    await room.routeWebSocket(/\/yjs\//, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onClose(() => ws.close({ code: 1000, reason: 'gone' }));
    });
    await room.goto(`${server.url}/moter/${meetingId}/rom`);
    await room.getByText(nb.meetingRoom.itemConnection.saved).first().waitFor();

    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByRole('button', { name: 'Logg ut' }).click();
    await other.waitForURL(/\/login/);

    await room.waitForURL(/\/login\?error=SessionEnded/, { timeout: 10_000 });
    expect(dropped).toBe(1);
    await context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nb } from '../../lib/i18n/nb';
import { accessibilityViolations, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { makeCurrent } from '../support/meeting-room';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
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
    // One paragraph, the error first: of two, Chromium reported the second first and Orca read the hint before the error.
    expect(await alert.locator('p').count()).toBe(1);
    expect(await alert.locator('p').innerText()).toBe(`${nb.login.failed}\n${nb.login.throttledHint}`);
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
    const dropped = await dropOnTheWay(room, 'session:ended');
    await room.goto(`${server.url}/moter/${meetingId}/rom`);
    await room.getByText(nb.meetingRoom.itemConnection.saved).first().waitFor();

    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByRole('button', { name: 'Logg ut' }).click();
    await other.waitForURL(/\/login/);

    await room.waitForURL(/\/login\?error=SessionEnded/, { timeout: 10_000 });
    expect(dropped()).toBe(1);
    await context.close();
  });
  it('still goes to the login page when the server cannot answer the first questions whether the login lives', async () => {
    const db = openDb(database.url);
    const meetingId = (await demoFixtures(db)).meeting.id;
    await db.$disconnect();
    const { context, page: room } = await signIn(browser, server.url, demo.chair);
    // As above, the word that the session ended is lost; and the server is too busy to answer the room's first two
    // questions (the socket.io disconnect's and the Yjs close's): 503, as a full connection pool answers.
    await dropOnTheWay(room, 'session:ended');
    let refused = 0;
    await room.route('**/api/auth/session', (route) =>
      refused < 2 ? void (refused++, route.fulfill({ status: 503, body: '{}' })) : route.continue(),
    );
    await room.goto(`${server.url}/moter/${meetingId}/rom`);
    await room.getByText(nb.meetingRoom.itemConnection.saved).first().waitFor();

    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByRole('button', { name: 'Logg ut' }).click();
    await other.waitForURL(/\/login/);

    // Asked again a second later, not only at the Yjs connection's next throttled question (10 s on).
    await room.waitForURL(/\/login\?error=SessionEnded/, { timeout: 6_000 });
    expect(refused).toBe(2);
    await context.close();
  });
  it('loads the room again when the word that her access changed is lost on the way (a recusal hides the item)', async () => {
    const db = openDb(database.url);
    const { meeting } = await demoFixtures(db);
    const items = await syncAgenda(db, meeting.id);
    const sindresCase = await db.case.findFirstOrThrow({
      where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) }, createdBy: { email: demo.caseworker2 } },
      include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
    });
    await db.$disconnect();
    const situation = (JSON.parse(sindresCase.versions[0].content) as { situation: string }).situation;
    const { context: chairContext, page: chair } = await signIn(browser, server.url, demo.chair);
    const { context, page: sara } = await signIn(browser, server.url, demo.caseworker);
    // socket.io's "access:changed" is dropped on the way to Sara's room, and a Yjs close says only "gone" (1000),
    // not 4100: what is left is the server's disconnect.
    const dropped = await dropOnTheWay(sara, 'access:changed');
    await chair.goto(`${server.url}/moter/${meeting.id}/rom`);
    await sara.goto(`${server.url}/moter/${meeting.id}/rom`);
    await makeCurrent(chair, sindresCase.title);
    await sara.getByText(situation).first().waitFor();
    // A mark on this page: gone once the page has loaded again.
    await sara.evaluate(() => Object.assign(window, { notReloaded: true }));

    await sara.getByRole('button', { name: `Erklær deg inhabil for «${sindresCase.title}»` }).click();
    const dialog = sara.getByRole('dialog', { name: `Erklær deg inhabil: ${sindresCase.title}` });
    await dialog.getByLabel('Grunn (påkrevd)').fill('Nabo av tjenestemottakeren');
    await dialog.getByRole('button', { name: 'Erklær inhabilitet' }).click();

    await expect.poll(() => sara.evaluate(() => 'notReloaded' in window), { timeout: 8_000 }).toBe(false);
    await sara.getByText('Du har erklært deg inhabil for dette punktet.').waitFor();
    await expect.poll(() => sara.getByText(situation).count()).toBe(0);
    expect(dropped()).toBe(1);
    await context.close();
    await chairContext.close();
  });
  it('goes to the login page when the room’s socket only reaches the server after the logout (refused as it connects)', async () => {
    const db = openDb(database.url);
    const meetingId = (await demoFixtures(db)).meeting.id;
    await db.$disconnect();
    const { context, page: room } = await signIn(browser, server.url, demo.chair);
    // socket.io's connection is held on the way until the other tab has logged out; the Yjs close is made
    // to say only "gone", so what takes the page to the login is the refused socket.io connection.
    let release!: () => void;
    const loggedOut = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    await room.routeWebSocket(/\/socket\.io\//, async (ws) => {
      held++;
      await loggedOut;
      const upstream = ws.connectToServer();
      upstream.onMessage((message) => ws.send(message));
      ws.onMessage((message) => upstream.send(message));
      upstream.onClose((code, reason) => ws.close({ code, reason }));
    });
    // The Yjs connections never hear of the logout (their close is not passed on).
    await room.routeWebSocket(/\/yjs\//, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onClose(() => undefined);
    });
    await room.goto(`${server.url}/moter/${meetingId}/rom`);
    await room.getByText(nb.meetingRoom.itemConnection.saved).first().waitFor();
    await expect.poll(() => held).toBeGreaterThan(0);

    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByRole('button', { name: 'Logg ut' }).click();
    await other.waitForURL(/\/login/);
    release();

    await room.waitForURL(/\/login\?error=SessionEnded/, { timeout: 10_000 });
    await context.close();
  });
  it('leaves a case form for the login page when its reconnect is refused after a logout in another tab', async () => {
    const db = openDb(database.url);
    const caseId = (await demoFixtures(db)).draftCase.id;
    await db.$disconnect();
    const { context, page: editor } = await signIn(browser, server.url, demo.caseworker);
    // The server's 4401 arrives as a plain close (1000), as a proxy might pass it on: the form reconnects,
    // the server refuses the upgrade (the session has ended), and the form has to find out why by itself.
    let connections = 0;
    await editor.routeWebSocket(/\/yjs\//, (ws) => {
      connections++;
      const upstream = ws.connectToServer();
      upstream.onClose(() => ws.close({ code: 1000, reason: 'gone' }));
    });
    await editor.goto(`${server.url}/saker/${caseId}`);
    await editor.getByText('Alle endringer er lagret.').waitFor();

    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByRole('button', { name: 'Logg ut' }).click();
    await other.waitForURL(/\/login/);

    await editor.waitForURL(/\/login\?error=SessionEnded/, { timeout: 10_000 });
    expect(connections).toBeGreaterThan(0);
    await context.close();
  });
});

/**
 * Between a page and the server, as a flaky network might: socket.io's `event` is dropped on the way, and a Yjs
 * close says only "gone" (1000), not its code (4401, 4100). What is left is the server's disconnect. Returns how
 * many were dropped.
 */
async function dropOnTheWay(page: Page, event: string): Promise<() => number> {
  let dropped = 0;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const upstream = ws.connectToServer();
    upstream.onMessage((message) => {
      if (typeof message === 'string' && message.includes(`"${event}"`)) return void dropped++;
      ws.send(message);
    });
    ws.onMessage((message) => upstream.send(message));
  });
  await page.routeWebSocket(/\/yjs\//, (ws) => {
    const upstream = ws.connectToServer();
    upstream.onClose(() => ws.close({ code: 1000, reason: 'gone' }));
  });
  return () => dropped;
}

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { accessibilityViolations, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { storedText } from '../support/stored-document';
import { editorField, editorText } from '../support/editor-field';
import { caseAddress } from '../support/new-case';
import { caseOnNewMeeting } from '../support/case-on-meeting';
import { systemClock } from '../../lib/time/clock';
import { startTestServer, type TestServer } from '../support/test-server';

const saved = (page: Page) => page.getByText('Alle endringer er lagret.').waitFor();

describe('a caseworker submits a case in the browser', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let sara: BrowserContext;
  let page: Page;
  let caseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    browser = await launchBrowser();
    ({ context: sara, page } = await signIn(browser, server.url, demo.caseworker));
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('opens an empty form from the queue and makes the draft only when something is typed, losing no key', async () => {
    await page.getByRole('link', { name: 'Mine saker', exact: true }).click();
    await page.waitForURL(`${server.url}/saker`);
    expect(await accessibilityViolations(page)).toEqual([]);
    const saraId = (await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } })).id;
    const drafts = () => db.case.count({ where: { createdById: saraId, status: 'draft' } });
    const before = await drafts();
    await page.getByRole('link', { name: 'Ny sak', exact: true }).click();
    await page.waitForURL(/\/saker\/ny\?enhet=/);
    // The form is there and ready to type in (the marker): opening it stored nothing.
    const question = editorField(page, 'Problemstilling til møtet');
    await page.getByRole('status').filter({ hasText: 'Ikke lagret ennå. Saken lagres som utkast når du begynner å skrive.' }).waitFor();
    await expect.poll(() => question.getAttribute('contenteditable')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    // A draft made by opening would have come back by now (axe took a while) and moved the page to its address.
    expect(await drafts()).toBe(before);
    expect(new URL(page.url()).pathname).toBe('/saker/ny');
    expect(await page.getByRole('status').filter({ hasText: 'Ikke lagret ennå.' }).count()).toBe(1);
    // At a person's speed: the first key makes the draft while the next ones are typed; all of them arrive.
    const typed = 'Trenger bruker mer støtte?';
    await question.pressSequentially(typed, { delay: 150 });
    await page.waitForURL(caseAddress);
    caseUrl = page.url();
    await saved(page);
    expect(await drafts()).toBe(before + 1);
    expect(await editorText(question)).toBe(typed);
    const caseId = caseAddress.exec(new URL(caseUrl).pathname)![1];
    expect(await storedText(db, `case:${caseId}`, 'form.question')).toBe(typed);
  });

  it('keeps what was typed across a reload', async () => {
    await page.getByLabel('Problemstilling til møtet').fill('Trenger bruker mer støtte i helgene?');
    await page.getByLabel('Fakta i saken').fill('Bor alene. Søknad om økt miljøarbeidertjeneste i helgene.');
    await page.reload();
    await saved(page);
    expect(await editorText(page.getByLabel('Problemstilling til møtet'))).toBe('Trenger bruker mer støtte i helgene?');
    expect(await editorText(page.getByLabel('Fakta i saken'))).toBe('Bor alene. Søknad om økt miljøarbeidertjeneste i helgene.');
  });

  it('lets a colleague co-author the draft live and shows who is here', async () => {
    const { context: sindre, page: other } = await signIn(browser, server.url, demo.caseworker2);
    await other.goto(caseUrl);
    await saved(other);
    await page.getByText('Her nå: Sindre Saksbehandler').waitFor();
    await other.getByRole('textbox', { name: 'Situasjon', exact: true }).fill('Nabo har meldt bekymring.');
    await expect.poll(() => editorText(page.getByRole('textbox', { name: 'Situasjon', exact: true }))).toBe('Nabo har meldt bekymring.');
    await sindre.close();
  });

  it('keeps typing done offline after the tab is closed, and sends it when the network is back', async () => {
    // The connection is really lost: the server goes away (Chromium's offline
    // emulation leaves an open websocket alone).
    const port = server.port;
    expect(await server.stop('SIGTERM')).toBe(0);
    await page.getByText('Frakoblet', { exact: false }).waitFor();
    const caseId = caseUrl.split('/').pop()!;
    // y-indexeddb writes each update in a transaction of its own: wait until the typing is in the browser's store.
    const updatesKeptInBrowser = () =>
      page.evaluate(
        (name) =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open(name);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction('updates').objectStore('updates').count();
              count.onsuccess = () => (resolve(count.result), open.result.close());
              count.onerror = () => reject(count.error);
            };
          }),
        `samlet:case:${caseId}`,
      );
    const keptBefore = await updatesKeptInBrowser();
    await page.getByRole('textbox', { name: 'Forslag', exact: true }).fill('Øke med fire timer i helgene, revurdere om tre måneder.');
    await expect.poll(updatesKeptInBrowser).toBeGreaterThan(keptBefore);
    await page.close();
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir, port });
    page = await sara.newPage();
    await page.goto(caseUrl);
    await saved(page);
    expect(await editorText(page.getByRole('textbox', { name: 'Forslag', exact: true }))).toBe(
      'Øke med fire timer i helgene, revurdere om tre måneder.',
    );
    // … and it reached the server, not only this browser: the case's own document holds it.
    await expect
      .poll(() => storedText(db, `case:${caseId}`, 'form.proposal'), { timeout: 5000 })
      .toBe('Øke med fire timer i helgene, revurdere om tre måneder.');
  });

  it('shows what is missing beside the fields, without accessibility violations', async () => {
    await page.getByLabel('Referanse til tjenestemottaker').fill('01010012356');
    await page.getByRole('button', { name: 'Meld inn saken' }).click();
    const summary = page.getByRole('group', { name: 'Saken kan ikke meldes inn ennå' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Samlet vurdering');
    // A choice left open asks for a choice, and a question label takes no colon.
    expect(await summary.textContent()).toContain('Hva trenger du fra møtet? Velg ett av alternativene før saken meldes inn.');
    expect(await summary.textContent()).not.toContain('?:');
    expect(await page.locator('#felt-personRef-feil').textContent()).toContain('ikke fødselsnummer');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await db.case.findFirstOrThrow({ where: { id: caseUrl.split('/').pop() } })).toMatchObject({ status: 'draft', version: 0 });
  });

  it('submits once the form is complete, and the case is in the queue and on the agenda', async () => {
    await page.getByLabel('Referanse til tjenestemottaker').fill('EPJ 2026/0815');
    await page.getByRole('radio', { name: 'Revurdering av løpende vedtak' }).check();
    await page.getByLabel('Begrunnelse for alvorlighet').fill('Fare for tap av mestring og isolasjon i helgene.');
    await page.getByLabel('Begrunnelse for nytte').fill('Stor nytte: færre kriser, bedre mestring.');
    await page.getByLabel('Begrunnelse for ressurs').fill('Fire timer per uke; kan løses med eksisterende turnus.');
    await page.getByRole('group', { name: 'Nivå for alvorlighet (valgfritt)' }).getByRole('radio', { name: 'Høy' }).check();
    await page.getByLabel('Samlet vurdering').fill('Høy alvorlighet og god nytte veier tyngre enn en moderat ressursbruk.');
    await page.getByRole('radio', { name: /Avklaring/ }).check();
    await page.getByRole('button', { name: 'Meld inn saken' }).click();
    await page.getByRole('status').filter({ hasText: 'Saken er meldt inn' }).waitFor();
    // The confirmation is where the person is (by the button) and has focus; the advice before submitting is gone.
    await expect
      .poll(() =>
        page.evaluate(() => (document.activeElement?.getAttribute('role') === 'status' ? document.activeElement.textContent : '')),
      )
      .toContain('Saken er meldt inn');
    expect(await page.getByRole('heading', { name: 'Se over før innmelding' }).count()).toBe(0);
    const row = await db.case.findFirstOrThrow({ where: { id: caseUrl.split('/').pop() } });
    expect(row).toMatchObject({ status: 'submitted', version: 1, severityLevel: 'hoy', personRef: 'EPJ 2026/0815' });

    await page.getByRole('link', { name: 'Mine saker', exact: true }).click();
    await page.getByRole('link', { name: 'Trenger bruker mer støtte i helgene?' }).waitFor();

    await page.goto(`${server.url}/moter/${row.meetingId}`);
    const item = page.getByRole('listitem').filter({ hasText: 'Trenger bruker mer støtte i helgene?' });
    await item.waitFor();
    expect(await item.textContent()).toContain('EPJ 2026/0815');
    expect(await item.textContent()).toContain('Avklaring');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
  it('refuses a national identity number typed into Fakta, naming the field, and replaces it with the person reference in one click', async () => {
    await page.goto(`${server.url}/saker`);
    // Pasted in one go (fill): the draft is made from a single edit.
    await page.getByRole('link', { name: 'Ny sak', exact: true }).click();
    await page.waitForURL(/\/saker\/ny\?enhet=/);
    await page.getByLabel('Referanse til tjenestemottaker').fill('EPJ 2026/0816');
    await page.waitForURL(caseAddress);
    const caseId = caseAddress.exec(new URL(page.url()).pathname)![1];
    await saved(page);
    await page.getByLabel('Problemstilling til møtet').fill('Behov for avlastning i ferier?');
    await page.getByRole('radio', { name: 'Revurdering av løpende vedtak' }).check();
    // As a new user types it: at human speed, into Fakta.
    await page.getByLabel('Fakta i saken').pressSequentially('Fnr 15039212258', { delay: 60 });
    await page.getByRole('textbox', { name: 'Forslag', exact: true }).fill('Avlastning to helger i måneden.');
    await page.getByLabel('Begrunnelse for alvorlighet').fill('Fare for at pårørende slites ut.');
    await page.getByLabel('Begrunnelse for nytte').fill('Stor nytte for familien.');
    await page.getByLabel('Begrunnelse for ressurs').fill('Kan løses innen dagens turnus.');
    await page.getByLabel('Samlet vurdering').fill('Alvorlighet og nytte veier tyngre enn en liten ressursbruk.');
    await page.getByRole('radio', { name: /Avklaring/ }).check();
    await saved(page);

    await page.getByRole('button', { name: 'Meld inn saken' }).click();
    const summary = page.getByRole('group', { name: 'Saken kan ikke meldes inn ennå' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Fakta i saken inneholder det som ser ut som et fødselsnummer');
    expect(await page.locator('#felt-facts-feil').textContent()).toContain('fødselsnummer');
    // The list of numbers found is Designsystemet's danger alert, as the product's other errors are.
    expect(
      await page
        .locator('.ds-alert[data-color="danger"]')
        .filter({ has: page.locator('#fodselsnummer') })
        .count(),
    ).toBe(1);
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ status: 'draft', version: 0 });
    expect(await accessibilityViolations(page)).toEqual([]);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('#fodselsnummer').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/samlet-fnr-form-${width}.png` });
    }

    await page.getByRole('button', { name: 'Erstatt med personreferansen: Fakta i saken' }).click();
    await expect.poll(() => editorText(page.locator('#felt-facts'))).toBe('Fnr EPJ 2026/0816');
    // Through the editor: the case's own document holds it, so co-editors see the same.
    await expect.poll(() => storedText(db, `case:${caseId}`, 'form.facts'), { timeout: 5000 }).toBe('Fnr EPJ 2026/0816');
    expect(await page.locator('#fodselsnummer').count()).toBe(0);
    await page.getByRole('button', { name: 'Meld inn saken' }).click();
    await page.getByRole('status').filter({ hasText: 'Saken er meldt inn' }).waitFor();
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ status: 'submitted', version: 1 });
  });

  it('when the meeting starts, the open editor turns read-only at once and says why', async () => {
    // A case of Sara's on a meeting starting a few seconds ahead, by the clock the server (and the page) read.
    const lead = 6000;
    const startsAt = new Date(systemClock.now().getTime() + lead);
    const { caseId } = await caseOnNewMeeting(db, startsAt, 'Skal behandles straks');
    await page.goto(`${server.url}/saker/${caseId}`);
    await saved(page);
    const facts = page.locator('#felt-facts');
    expect(await facts.isEditable(), 'editable before the start').toBe(true);
    expect(systemClock.now().getTime()).toBeLessThan(startsAt.getTime());
    // At the start: the server re-checks the connection, and the page shows it can no longer be changed here.
    await page
      .getByRole('alert')
      .filter({ hasText: 'Møtet har startet' })
      .waitFor({ timeout: lead + 15_000 });
    expect(await facts.isEditable()).toBe(false);
    await page.getByText('Du kan lese saken, men ikke endre den.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

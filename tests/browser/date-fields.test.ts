import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { chromiumDescriptions } from '../support/accessible-name';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { startNewCase } from '../support/new-case';
import { storedDocument } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * Date fields take a date as a Norwegian writes it (issue 20): dd.mm.åååå
 * under its hint, d.m.åååå too; what is stored is the calendar date, what is
 * shown back is dd.mm.åååå, and what is no date is said in Norwegian.
 */
describe('date fields, typed the Norwegian way', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let page: Page;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const storedEndDate = async (caseId: string) => {
    const doc = await storedDocument(db, `case:${caseId}`);
    const value = doc.getMap('form').get('ongoingDecisionEndDate');
    doc.destroy();
    return value;
  };

  it('stores "4.3.2027" typed into the case form as 2027-03-04 and shows it as 04.03.2027 after a reload', async () => {
    page = (await signIn(browser, server.url, demo.caseworker)).page;
    await page.goto(`${server.url}/saker`);
    const caseId = await startNewCase(page);
    await page.getByLabel('Det finnes et løpende vedtak').check();
    await page.getByLabel('Tidsbegrenset vedtak').check();
    const end = page.getByLabel('Vedtaket varer til');
    await expect.poll(() => end.getAttribute('aria-describedby')).toBe('felt-ongoingDecisionEndDate-hint');
    expect(await page.locator('#felt-ongoingDecisionEndDate-hint').textContent()).toBe('dd.mm.åååå');
    await end.pressSequentially('4.3.2027', { delay: 30 });
    await expect.poll(() => storedEndDate(caseId)).toBe('2027-03-04');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.reload();
    await page.getByText('Alle endringer er lagret.').waitFor();
    await expect.poll(() => page.getByLabel('Vedtaket varer til').inputValue()).toBe('04.03.2027');

    // What is no date is kept in the field, said in Norwegian, and not stored.
    const again = page.getByLabel('Vedtaket varer til');
    await again.fill('31.02.2027');
    await again.blur();
    await page.getByText('Skriv datoen som dd.mm.åååå, for eksempel 04.03.2027.').waitFor();
    expect(await again.getAttribute('aria-invalid')).toBe('true');
    expect((await again.getAttribute('aria-describedby'))?.split(' ').sort()).toEqual([
      'felt-ongoingDecisionEndDate-feil',
      'felt-ongoingDecisionEndDate-hint',
    ]);
    expect(await storedEndDate(caseId)).toBe('2027-03-04');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('filters the audit log by a period typed as d.m.åååå and writes it back as dd.mm.åååå', async () => {
    const leader = (await signIn(browser, server.url, demo.leader)).page;
    await leader.goto(`${server.url}/revisjon`);
    await leader.getByLabel('Fra dato', { exact: true }).fill('1.1.2020');
    await leader.getByLabel('Til dato', { exact: true }).fill('2.1.2020');
    await leader.getByRole('button', { name: 'Vis', exact: true }).click();
    await leader.waitForURL(/from=1\.1\.2020/);
    // Read as a date (nothing happened in those two days), not refused as a malformed filter.
    await expect.poll(() => leader.getByLabel('Fra dato', { exact: true }).inputValue()).toBe('01.01.2020');
    expect(await leader.getByLabel('Til dato', { exact: true }).inputValue()).toBe('02.01.2020');
    expect(await leader.getByText('Filteret er ugyldig', { exact: false }).count()).toBe(0);
    expect(await accessibilityViolations(leader)).toEqual([]);
  });

  it('says each filter hint once to a screen reader on Søk and the audit log (Chromium’s accessible description)', async () => {
    const leader = (await signIn(browser, server.url, demo.leader)).page;
    const described = async (path: string) => {
      await leader.goto(`${server.url}${path}`);
      // Designsystemet ties a field's description to its input once the page's script runs: wait for it.
      await expect
        .poll(() => leader.getByLabel(path === '/sok' ? 'Møtedato fra' : 'Fra dato', { exact: true }).getAttribute('aria-describedby'))
        .toBeTruthy();
      return Object.fromEntries((await chromiumDescriptions(leader, 'textbox')).map((n) => [n.name, n.description]));
    };
    expect(await described('/sok')).toMatchObject({ 'Møtedato fra': 'dd.mm.åååå', 'Møtedato til': 'dd.mm.åååå' });
    expect(await described('/revisjon')).toMatchObject({
      'Fra dato': 'dd.mm.åååå',
      'Til dato': 'dd.mm.åååå',
      Personreferanse: 'Som på saken, f.eks. EPJ 2025/0712',
    });
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * An administrator sets up a new unit in the browser: creates it, adds a
 * member with a password; the member logs in and lands in the new unit.
 * axe-core checks every administration page in each state it is seen in.
 */
describe('an administrator sets up a unit, in a browser', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    browser = await launchBrowser();
    admin = (await signIn(browser, server.url, demo.admin)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('creates a unit from the administration page', async () => {
    await admin.getByRole('link', { name: 'Administrasjon' }).click();
    await admin.getByRole('heading', { name: 'Administrasjon', level: 1 }).waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);

    await admin.getByRole('button', { name: 'Opprett' }).click();
    await admin.getByText('For kort.').waitFor();
    expect(await admin.getByLabel('Navn på enheten').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(admin)).toEqual([]);

    await admin.getByLabel('Navn på enheten').fill('Enhet for avlastning');
    await admin.getByRole('button', { name: 'Opprett' }).click();
    await admin.getByText('Enheten er opprettet.').waitFor();
    await admin.getByRole('link', { name: 'Enhet for avlastning' }).click();
    await admin.getByRole('heading', { name: 'Administrer Enhet for avlastning' }).waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);
  });

  it('adds a member with a password, refusing a weak one first', async () => {
    const add = admin.locator('section', { has: admin.getByRole('heading', { name: 'Legg til medlem' }) });
    await add.getByLabel('E-postadresse').fill('kari.nordmann@demo.test');
    await add.getByLabel('Navn').fill('Kari Nordmann');
    await add.getByLabel('Rolle').selectOption('moteleder');
    await add.getByLabel('Passord (valgfritt)').fill('passord123');
    await add.getByRole('button', { name: 'Legg til' }).click();
    await add.getByText('Passordet er for lett å gjette.').waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);

    await add.getByLabel('Passord (valgfritt)').fill('lilla-tog-over-broen-i-mai');
    await add.getByRole('button', { name: 'Legg til' }).click();
    await add.getByText('Medlemmet er lagt til.').waitFor();
    await admin.getByRole('cell', { name: /kari.nordmann@demo.test/ }).waitFor();
    expect(await admin.getByLabel('Rolle for Kari Nordmann').inputValue()).toBe('moteleder');
    expect(await accessibilityViolations(admin)).toEqual([]);
  });

  it('sets up a meeting series for the unit, refusing a series without weekdays first', async () => {
    await admin.getByRole('link', { name: 'Møteserier, møter og kalender' }).click();
    await admin.getByRole('heading', { name: 'Møteplan for Enhet for avlastning' }).waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);
    const form = admin.locator('section', { has: admin.getByRole('heading', { name: 'Ny møteserie' }) });
    await form.getByLabel('Rom eller videolenke').fill('Møterom 2');
    await form.getByRole('button', { name: 'Opprett serien' }).click();
    await form.getByText('Velg minst én ukedag.').waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);
    await form.getByLabel('tirsdag').check();
    await form.getByLabel('torsdag').check();
    await form.getByLabel('Fast møteleder').selectOption({ label: 'Kari Nordmann' });
    await form.getByRole('button', { name: 'Opprett serien' }).click();
    await form.getByText(/Serien er opprettet, og \d+ møter er satt opp\./).waitFor();
    await admin.getByText(/tirsdag, torsdag kl\. 10:00/).waitFor();
    expect(await admin.getByRole('button', { name: 'Avlys' }).count()).toBeGreaterThan(10);
    expect(await accessibilityViolations(admin)).toEqual([]);
  });

  it('the new member logs in and lands in the new unit, with its coming meetings; their account page passes axe', async () => {
    const { page: member } = await signIn(browser, server.url, 'kari.nordmann@demo.test', 'lilla-tog-over-broen-i-mai');
    await member.getByRole('heading', { name: 'Enhet for avlastning' }).waitFor();
    expect(await member.getByText('Frist for innmelding').count()).toBeGreaterThan(0);
    expect(await member.getByText('Møterom 2').count()).toBeGreaterThan(0);
    // A møteleder has no administration.
    expect(await member.getByRole('link', { name: 'Administrasjon' }).count()).toBe(0);
    await member.getByRole('link', { name: 'Innlogget som Kari Nordmann' }).click();
    await member.getByRole('heading', { name: 'Min konto' }).waitFor();
    expect(await accessibilityViolations(member)).toEqual([]);
    await member.context().close();
  });
});

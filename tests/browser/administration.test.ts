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

  it('the new member logs in and lands in the new unit; their account page passes axe', async () => {
    const { page: member } = await signIn(browser, server.url, 'kari.nordmann@demo.test', 'lilla-tog-over-broen-i-mai');
    await member.getByRole('heading', { name: 'Enhet for avlastning' }).waitFor();
    expect(await member.getByRole('link', { name: 'Administrasjon' }).count()).toBe(0);
    await member.getByRole('link', { name: 'Innlogget som Kari Nordmann' }).click();
    await member.getByRole('heading', { name: 'Min konto' }).waitFor();
    expect(await accessibilityViolations(member)).toEqual([]);
    await member.context().close();
  });
});

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { formatDate, formatDateTime } from '../../lib/i18n/format';
import { nb } from '../../lib/i18n/nb';
import { osloZone } from '../../lib/time/oslo-zone';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
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
  const shots = path.resolve(import.meta.dirname, '../../test-results');

  async function screenshots(page: Page, name: string) {
    mkdirSync(shots, { recursive: true });
    const size = page.viewportSize();
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(shots, `issue20-${name}-${width}.png`), fullPage: true });
    }
    if (size) await page.setViewportSize(size);
  }

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
    await form.getByLabel('Møtested (rom i bygget eller videolenke)').fill('Rådhuset, rom 214');
    // Times as Samlet writes them (tt:mm), not the browser's time input (10:00 AM on an English computer).
    for (const [label, value] of [
      ['Starter kl.', '10:00'],
      ['Frist: klokkeslett', '12:00'],
    ]) {
      expect(await form.getByLabel(label).getAttribute('type')).toBe('text');
      expect(await form.getByLabel(label).inputValue()).toBe(value);
    }
    await form.getByLabel('Frist: klokkeslett').fill('kl. 9.30');
    await form.getByRole('button', { name: 'Opprett serien' }).click();
    await form.getByText('Velg minst én ukedag.').waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);
    await form.getByLabel('tirsdag').check();
    await form.getByLabel('torsdag').check();
    await form.getByLabel('Fast møteleder').selectOption({ label: 'Kari Nordmann' });
    await form.getByRole('button', { name: 'Opprett serien' }).click();
    await form.getByText(/Serien er opprettet, og \d+ møter er satt opp\./).waitFor();
    await admin.getByText(/tirsdag, torsdag kl\. 10:00/).waitFor();
    await admin.getByText(/Frist: 2 arbeidsdager før kl\. 09:30/).waitFor();
    expect(await admin.getByRole('button', { name: 'Avlys' }).count()).toBeGreaterThan(10);
    // The coming meetings are a table a screen reader can walk by column (axe's header rule is experimental).
    const meetings = admin.getByRole('table', { name: 'Kommende møter' });
    expect(await meetings.getByRole('columnheader').allTextContents()).toEqual(['Møte', 'Flytt', 'Avlys']);
    expect(await accessibilityViolations(admin)).toEqual([]);
  });

  it('marks days without meetings: the series meeting on that day is cancelled, and unmarking is one click', async () => {
    const db = openDb(database.url);
    const unit = await db.unit.findFirstOrThrow({ where: { name: 'Enhet for avlastning' } });
    const first = await db.meeting.findFirstOrThrow({
      where: { unitId: unit.id, kind: 'saksmote', status: 'planned' },
      orderBy: { startsAt: 'asc' },
    });
    await db.$disconnect();
    const day = DateTime.fromJSDate(first.startsAt, { zone: osloZone });
    const form = admin.locator('section', { has: admin.getByRole('heading', { name: 'Dager uten møter' }) });
    await form.getByText('Ingen dager uten møter er markert.').waitFor();
    await form.getByLabel('Fra og med').fill(day.toFormat('d.M.yyyy'));
    await form.getByLabel('Hva er det? (f.eks. Juleuka)').fill('Fagdag');
    await form.getByRole('button', { name: 'Marker dagene' }).click();
    await form.getByText('Dagene er markert. Ett møte på dem er avlyst, og sakene er flyttet.').waitFor();
    // The period reads as a date people write, and its meeting shows as cancelled in the list.
    await form.getByText(`Fagdag: ${formatDate(day.toISODate()!)}`).waitFor();
    await admin
      .getByRole('row', { name: new RegExp(formatDateTime(first.startsAt)) })
      .getByText('Avlyst')
      .waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);
    await screenshots(admin, 'meeting-free-days');
    // Unmarked, the period leaves the list (its form with it).
    await form.getByRole('button', { name: 'Fjern «Fagdag»' }).click();
    await form.getByText('Ingen dager uten møter er markert.').waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);
  });

  it('moves a meeting and adds one with the date typed as dd.mm.åååå and a time, stored as that Oslo instant', async () => {
    const db = openDb(database.url);
    const unit = await db.unit.findFirstOrThrow({ where: { name: 'Enhet for avlastning' } });
    const planned = () => db.meeting.findMany({ where: { unitId: unit.id, status: 'planned' }, orderBy: { startsAt: 'asc' } });
    const meeting = (await planned())[1];
    const from = DateTime.fromJSDate(meeting.startsAt, { zone: osloZone });
    const row = admin.getByRole('row', { name: new RegExp(formatDateTime(meeting.startsAt)) });
    const move = row.getByRole('group', { name: `Nytt tidspunkt for møtet ${formatDateTime(meeting.startsAt)}` });
    // The meeting's start as every date in Samlet reads, not the browser's own date input.
    expect(await move.getByLabel('Dato').getAttribute('type')).toBe('text');
    expect(await move.getByLabel('Dato').inputValue()).toBe(from.toFormat('dd.MM.yyyy'));
    expect(await move.getByLabel('Klokkeslett').inputValue()).toBe(from.toFormat('HH:mm'));
    const to = from.plus({ days: 1 }).set({ hour: 13, minute: 15 });
    await move.getByLabel('Dato').fill(to.toFormat('d.M.yyyy'));
    await move.getByLabel('Klokkeslett').fill('13.15');
    await row.getByRole('button', { name: 'Flytt' }).click();
    await admin.getByText('Møtet er flyttet, og saksbehandlerne med saker på det har fått beskjed.').waitFor();
    await expect
      .poll(async () => (await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).startsAt.toISOString())
      .toBe(to.toUTC().toISO());
    const moved = admin.getByRole('group', { name: `Nytt tidspunkt for møtet ${formatDateTime(to.toJSDate())}` });
    await moved.waitFor();
    expect(await moved.getByLabel('Dato').inputValue()).toBe(to.toFormat('dd.MM.yyyy'));

    const extra = admin.locator('section', { has: admin.getByRole('heading', { name: 'Nytt ekstramøte' }) });
    const when = extra.getByRole('group', { name: 'Tidspunkt' });
    await when.getByLabel('Dato').fill('31.02.2027');
    await when.getByLabel('Klokkeslett').fill('14:00');
    await extra.getByRole('button', { name: 'Legg til møtet' }).click();
    // No such day: refused in Norwegian, the typed date kept, nothing stored.
    await when.getByText('Skriv et gyldig tidspunkt.').waitFor();
    expect(await when.getByLabel('Dato').inputValue()).toBe('31.02.2027');
    expect(await accessibilityViolations(admin)).toEqual([]);
    const day = from.plus({ days: 2 }).set({ hour: 14, minute: 0 });
    await when.getByLabel('Dato').fill(day.toFormat('d.M.yyyy'));
    await when.getByLabel('Klokkeslett').fill('14:00');
    await extra.getByRole('button', { name: 'Legg til møtet' }).click();
    await extra.getByText('Ekstramøtet er lagt til.').waitFor();
    await expect.poll(async () => (await planned()).some((m) => m.startsAt.getTime() === day.toMillis())).toBe(true);
    await screenshots(admin, 'meeting-date-time');
    await db.$disconnect();
  });

  it('makes a calendar link and copies it with one button, saying so to everyone', async () => {
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await admin.getByRole('button', { name: 'Lag ny kalenderlenke' }).click();
    const link = admin.getByLabel('Kalenderlenke', { exact: true });
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/kalender\/[\w-]{43}$/);
    // The status line is in the page before the click, so screen readers announce the change.
    const calendar = admin.locator('section', { has: admin.getByRole('heading', { name: 'Kalender', exact: true }) });
    const status = calendar.getByRole('status').last();
    expect(await status.textContent()).toBe('');
    await admin.getByRole('button', { name: 'Kopier lenken' }).click();
    await expect.poll(() => status.textContent()).toBe('Kopiert');
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(await accessibilityViolations(admin)).toEqual([]);
    await screenshots(admin, 'calendar-link');
  });

  it('the new member logs in and lands in the new unit, with its coming meetings; their account page passes axe', async () => {
    const { page: member } = await signIn(browser, server.url, 'kari.nordmann@demo.test', 'lilla-tog-over-broen-i-mai');
    await member.getByRole('heading', { name: 'Enhet for avlastning' }).waitFor();
    expect(await member.getByText('Frist for innmelding').count()).toBeGreaterThan(0);
    expect(await member.getByText('Rådhuset, rom 214').count()).toBeGreaterThan(0);
    // A møteleder has no administration.
    expect(await member.getByRole('link', { name: 'Administrasjon' }).count()).toBe(0);
    await member.getByRole('link', { name: 'Innlogget som Kari Nordmann' }).click();
    await member.getByRole('heading', { name: 'Min konto' }).waitFor();
    expect(await accessibilityViolations(member)).toEqual([]);
    await member.context().close();
  });
});

/**
 * Issue 16 in the browser: a unit's admin adds a person who belongs to another
 * unit and is told, on the member list, why that person's password, name,
 * e-mail and deactivation are not offered; the person sees a notice; the
 * system administrator finds the account and resets its password. Screenshots
 * at 390 and 1280 px wide (test-results/), and axe on each page.
 */
describe('an account in two units: the unit admin is told why, the system administrator resets it (issue 16)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  printLogsOnFailure(() => server, browserTraces);
  const newPassword = 'blå-ferje-over-sundet-i-juni';
  const shots = path.resolve(import.meta.dirname, '../../test-results');

  async function screenshots(page: Page, name: string) {
    mkdirSync(shots, { recursive: true });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(shots, `issue16-${name}-${width}.png`), fullPage: true });
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('admin@demo.test adds annen@demo.test and sees why the account’s own controls are not there', async () => {
    const { page: admin, context } = await signIn(browser, server.url, demo.admin);
    await admin.getByRole('link', { name: 'Administrasjon' }).click();
    await admin.getByRole('link', { name: 'Demo bydel — Enhet for miljøarbeidertjenester' }).click();
    const add = admin.locator('section', { has: admin.getByRole('heading', { name: 'Legg til medlem' }) });
    await add.getByLabel('E-postadresse').fill(demo.otherUnit);
    await add.getByRole('button', { name: 'Legg til' }).click();
    await add.getByText('Medlemmet er lagt til.').waitFor();

    const row = admin.getByRole('row', { name: new RegExp(demo.otherUnit) });
    await row.getByText(nb.admin.accountElsewhere).waitFor();
    // A member's other actions are in «Flere valg» (issue 20): the row itself holds the name, the role and the status.
    expect(await row.getByRole('button', { name: 'Fjern fra enheten' }).count()).toBe(0);
    await row.getByText(nb.admin.memberMore).click();
    expect(await row.getByRole('button', { name: 'Sett passord' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Deaktiver kontoen' }).count()).toBe(0);
    expect(await row.getByText(nb.admin.accountDetails).count()).toBe(0);
    // The membership stays the admin's: role and removal are offered.
    expect(await row.getByRole('button', { name: 'Lagre rolle' }).count()).toBe(1);
    expect(await row.getByRole('button', { name: 'Fjern fra enheten' }).count()).toBe(1);
    // A member of this unit only keeps the controls.
    const own = admin.getByRole('row', { name: new RegExp(demo.caseworker) });
    // A calm row (issue 20): before «Flere valg» is opened its one button is «Lagre rolle», a secondary one, at
    // both widths; the actions that take access away come last in the opened part, apart, and ask first.
    for (const width of [390, 1280]) {
      await admin.setViewportSize({ width, height: 900 });
      expect(await own.locator('button:visible').allInnerTexts()).toEqual(['Lagre rolle']);
      // No doubled label: the column (on a phone the cell's own label) says «Rolle»; «Rolle for …» is the
      // select's name for screen readers, not a second visible label.
      // (sr-only: Playwright counts its 1 px box as visible, so the width is read.)
      expect(await own.getByText(/^Rolle for /).evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
      expect(await own.getByRole('combobox', { name: /^Rolle for / }).count()).toBe(1);
    }
    expect(await own.getByRole('button', { name: 'Lagre rolle' }).getAttribute('data-variant')).toBe('secondary');
    await own.getByText(nb.admin.memberMore).click();
    await own.getByRole('button', { name: 'Sett passord' }).waitFor();
    expect(await own.getByRole('button', { name: 'Sett passord' }).count()).toBe(1);
    expect(await own.locator('button:visible').allInnerTexts()).toEqual([
      'Lagre rolle',
      'Sett passord',
      'Lagre navnet',
      'Lagre e-postadressen',
      'Deaktiver kontoen',
      'Fjern fra enheten',
    ]);
    expect(await own.locator('button.ds-button[data-variant="primary"]').count()).toBe(0);
    expect(await accessibilityViolations(admin)).toEqual([]);
    await row.scrollIntoViewIfNeeded();
    await screenshots(admin, 'unit-admin');
    await context.close();
  });

  it('the person is told in the app', async () => {
    const { page, context } = await signIn(browser, server.url, demo.otherUnit);
    await page
      .getByText(`Du er lagt til i «Demo bydel — Enhet for miljøarbeidertjenester» med rollen saksbehandler.`, { exact: false })
      .waitFor();
    await context.close();
  });

  it('system@demo.test finds the account and resets its password; the person logs in with the new one', async () => {
    const { page: system, context } = await signIn(browser, server.url, demo.system);
    await system.getByRole('link', { name: 'Administrasjon' }).click();
    await system.getByRole('heading', { name: nb.admin.accounts.section }).waitFor();
    expect(await accessibilityViolations(system)).toEqual([]);
    await system.getByRole('link', { name: nb.admin.accounts.link, exact: true }).click();
    await system.getByRole('heading', { name: nb.admin.accounts.title, level: 1 }).waitFor();
    await system.getByLabel(nb.admin.accounts.search).fill('annen');
    await system.getByRole('button', { name: nb.admin.accounts.searchSubmit }).click();
    await system.getByText('1 konto', { exact: true }).waitFor();
    expect(await accessibilityViolations(system)).toEqual([]);
    await screenshots(system, 'system-accounts');

    await system.getByRole('link', { name: 'Ola Annenenhet' }).click();
    await system.getByRole('heading', { name: 'Konto: Ola Annenenhet' }).waitFor();
    expect(await system.getByText('Demo bydel — Enhet for praktisk bistand (Saksbehandler)', { exact: false }).count()).toBe(1);
    await system.getByLabel('Nytt passord for Ola Annenenhet').fill(newPassword);
    await system.getByRole('button', { name: 'Sett passord' }).click();
    await system.getByText('Passordet er satt.', { exact: false }).waitFor();
    expect(await accessibilityViolations(system)).toEqual([]);
    await screenshots(system, 'system-account');
    await context.close();

    const { page: person, context: theirs } = await signIn(browser, server.url, demo.otherUnit, newPassword);
    await person.getByRole('heading', { name: 'Demo bydel — Enhet for praktisk bistand' }).waitFor();
    await theirs.close();
  });
});

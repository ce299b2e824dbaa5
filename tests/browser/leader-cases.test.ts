import type { Browser, Page } from 'playwright-core';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nb } from '../../lib/i18n/nb';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const t = nb.leaderCases;

/**
 * Issue 22 in a browser: a leader opens a service-level case, fills it in
 * (warned while typing about a person reference), attaches figures from the
 * unit's history in one click and sees a small group as "under 5"; a
 * caseworker, in a browser of their own, gets "not found" for the case.
 */
describe('a leader brings a service-level case with figures from the unit’s history', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let leader: Page;
  let caseUrl: string;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    browser = await launchBrowser();
    leader = (await signIn(browser, server.url, demo.leader)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('opens the case from the menu, fills it in, is warned about person data while typing, and saves', async () => {
    await leader.getByRole('link', { name: t.nav }).click();
    await leader.getByRole('heading', { name: t.listTitle }).waitFor();
    expect(await accessibilityViolations(leader)).toEqual([]);
    await leader.getByLabel(t.level).selectOption({ label: t.levels.tjeneste });
    await leader.getByRole('button', { name: t.open }).click();
    await leader.waitForURL(/\/ledersaker\/[a-z0-9]+$/);
    caseUrl = leader.url();
    // The rule about person data is Designsystemet's info alert above the form, not a home-made box (issue 20).
    expect(await leader.locator('.ds-alert[data-color="info"]', { hasText: t.noPersonData }).count()).toBe(1);
    await leader.getByLabel(t.fields.question).fill('Starte et lavterskeltilbud ved å omdisponere to årsverk?');
    await leader.getByLabel(t.fields.situation, { exact: true }).fill('Flere søknader om avlastning, blant annet P-4821.');
    await leader.getByText(t.warnings.person_reference).waitFor();
    await leader.getByLabel(t.fields.situation, { exact: true }).fill('Søknadene om avlastning har økt gjennom året.');
    await expect.poll(() => leader.getByText(t.warnings.person_reference).count()).toBe(0);
    await leader.getByLabel(t.fields.alternatives, { exact: true }).fill('Utvide eksisterende tilbud; gruppetilbud.');
    await leader.getByLabel(t.fields.alvorlighetReasons, { exact: true }).fill('Uten tilbud øker belastningen på familiene.');
    await leader.getByLabel(t.fields.nytteReasons, { exact: true }).fill('Et lavterskeltilbud gir mestring tidlig.');
    await leader.getByLabel(t.fields.ressursReasons, { exact: true }).fill('To årsverk flyttes fra nattjenesten.');
    await leader.getByLabel(t.fields.samletVurdering, { exact: true }).fill('Ressursbruken er lav.');
    await leader.getByText(t.warnings.few_criteria).waitFor();
    await leader
      .getByLabel(t.fields.samletVurdering, { exact: true })
      .fill('Alvorligheten og nytten veier tyngre enn ressursbruken, som er forsvarlig.');
    await expect.poll(() => leader.getByText(t.warnings.few_criteria).count()).toBe(0);
    await leader.getByLabel(t.fields.proposal, { exact: true }).fill('Starte tilbudet fra 1. mars som prøveordning.');
    await leader.getByRole('button', { name: t.save }).click();
    await leader.getByRole('status').filter({ hasText: t.saved }).waitFor();
    await leader.getByRole('heading', { level: 1, name: 'Starte et lavterskeltilbud ved å omdisponere to årsverk?' }).waitFor();
  });

  it('attaches the figures in one click, sees "under 5" for a small group, and the page is accessible', async () => {
    await leader.getByLabel(t.evidence.service, { exact: true }).fill('avlastning');
    await leader.getByRole('button', { name: t.evidence.attach }).click();
    await leader.getByRole('status').filter({ hasText: t.evidence.attached }).waitFor();
    const summary = leader.getByRole('table', { name: t.evidence.summaryTitle });
    await summary.waitFor();
    const casesRow = summary.getByRole('row').filter({ has: leader.getByRole('rowheader', { name: t.evidence.cases, exact: true }) });
    await expect.poll(() => casesRow.textContent()).toContain(t.evidence.under5);
    expect(await leader.getByRole('table', { name: t.evidence.outcomeBySeverity }).textContent()).toContain(t.evidence.under5);
    // The note on «skjult» is there only when a cell says «skjult» (none does for this small group).
    expect(await leader.getByRole('table', { name: t.evidence.outcomeBySeverity }).textContent()).not.toContain(t.evidence.hidden);
    expect(await leader.getByText(t.evidence.hiddenNote).count()).toBe(0);
    expect(await accessibilityViolations(leader)).toEqual([]);
    // Stored as a snapshot: the page shows it again after a reload.
    await leader.reload();
    await leader.getByRole('table', { name: t.evidence.summaryTitle }).waitFor();
    const db = openDb(database.url);
    // This case's snapshot (the demo seed attached one to its own leader case).
    const stored = await db.leaderCaseEvidence.findMany({ where: { leaderCaseId: new URL(caseUrl).pathname.split('/').pop() } });
    await db.$disconnect();
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0].figures).cases).toBe('under_5');
  });

  it('downloads a political case as a saksframlegg in Word, read back with its sections and text', async () => {
    await leader.goto(new URL('/ledersaker', caseUrl).toString());
    await leader.getByLabel(t.level).selectOption({ label: t.levels.politisk });
    await leader.getByRole('button', { name: t.open }).click();
    await leader.waitForURL(/\/ledersaker\/[a-z0-9]+$/);
    await leader.getByLabel(t.fields.question).fill('Flere dagaktivitetsplasser for personer med demens');
    await leader.getByLabel(t.fields.proposal, { exact: true }).fill('Opprette ti nye plasser fra 1. mars.');
    await leader.getByRole('button', { name: t.save }).click();
    await leader.getByRole('status').filter({ hasText: t.saved }).waitFor();
    const link = leader.getByRole('link', { name: t.docx.download });
    const response = await leader.context().request.get(new URL((await link.getAttribute('href'))!, caseUrl).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('wordprocessingml');
    const { value } = await mammoth.extractRawText({ buffer: await response.body() });
    const paragraphs = value.split('\n\n').map((p) => p.trim());
    for (const heading of [t.docx.title, t.docx.background, t.docx.assessment, t.docx.alternatives, t.docx.recommendation])
      expect(paragraphs).toContain(heading);
    expect(paragraphs).toContain('Opprette ti nye plasser fra 1. mars.');
    // The service-level case has no link and no download.
    await leader.goto(caseUrl);
    await leader.getByRole('heading', { level: 1 }).waitFor();
    expect(await leader.getByRole('link', { name: t.docx.download }).count()).toBe(0);
    expect((await leader.context().request.get(`${caseUrl}/saksframlegg`)).status()).toBe(404);
  });

  it('is not found for a caseworker, and not in their menu', async () => {
    const caseworker = (await signIn(browser, server.url, demo.caseworker)).page;
    expect(await caseworker.getByRole('link', { name: t.nav }).count()).toBe(0);
    const response = await caseworker.goto(caseUrl);
    expect(response?.status()).toBe(404);
    expect(await caseworker.getByText('Starte et lavterskeltilbud').count()).toBe(0);
    expect((await caseworker.goto(new URL('/ledersaker', caseUrl).toString()))?.status()).toBe(404);
    await caseworker.context().close();
  });
});

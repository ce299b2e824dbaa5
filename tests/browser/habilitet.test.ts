import type { Browser, Page } from 'playwright-core';
import { seedEarlierLikeCase } from '../support/like-case';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { makeCurrent } from '../support/meeting-room';
import { pdfText } from '../support/pdf-text';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * Habilitet and "like cases alike, or why not" in three browsers — the chair,
 * Sara and Sindre (caseworkers): Sara declares herself inhabil for Sindre's
 * case in the room, and her room hides it while Sindre's and the chair's show
 * it (the chair with her reason); the chair locks an outcome that departs
 * from an earlier like case, is asked why, and the reason is in the minutes;
 * Sara's screen reader hears the lock.
 */
describe('habilitet and like cases in the meeting room', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let sindre: Page;
  let meetingId: string;
  let inhabilTitle: string;
  let inhabilText: string;
  let likeTitle: string;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const { meeting } = await demoFixtures(db);
    meetingId = meeting.id;
    const items = await syncAgenda(db, meetingId);
    const cases = await db.case.findMany({
      where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) } },
      include: { createdBy: true, versions: { orderBy: { version: 'desc' }, take: 1 } },
    });
    // Sindre's case: Sara declares herself inhabil for it. Sara's drøfting case: the chair locks it against a like case.
    const sindresCase = cases.find((c) => c.createdBy.email === demo.caseworker2)!;
    inhabilTitle = sindresCase.title;
    inhabilText = (JSON.parse(sindresCase.versions[0].content) as { situation: string }).situation;
    const likeCase = cases.find((c) => c.createdBy.email === demo.caseworker && c.purpose === 'drofting')!;
    likeTitle = likeCase.title;
    const content = JSON.parse(likeCase.versions[0].content) as Record<string, string>;
    // An earlier decision just like it (same words, levels and type), referred on: the top match of the panel.
    await seedEarlierLikeCase(db, {
      caseType: likeCase.caseType,
      level: likeCase.level,
      content,
      title: likeCase.title,
      outcome: 'henvist',
    });
    browser = await launchBrowser();
    chair = (await signIn(browser, server.url, demo.chair)).page;
    sara = (await signIn(browser, server.url, demo.caseworker)).page;
    sindre = (await signIn(browser, server.url, demo.caseworker2)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const openRoom = (page: Page) => page.goto(`${server.url}/moter/${meetingId}/rom`);

  it('hides the item from Sara once she declares herself inhabil, and shows it to Sindre and the chair', async () => {
    await Promise.all([openRoom(chair), openRoom(sara), openRoom(sindre)]);
    await makeCurrent(chair, inhabilTitle);
    await sara.getByText(inhabilText).first().waitFor();
    await sara.getByRole('button', { name: `Erklær deg inhabil for «${inhabilTitle}»` }).click();
    const dialog = sara.getByRole('dialog', { name: `Erklær deg inhabil: ${inhabilTitle}` });
    await dialog.getByLabel('Grunn (påkrevd)').fill('Søskenbarn av tjenestemottakeren');
    expect(await accessibilityViolations(sara)).toEqual([]);
    await dialog.getByRole('button', { name: 'Erklær inhabilitet' }).click();
    await sara.getByText('Du har erklært deg inhabil for dette punktet.').waitFor();
    // Designsystemet's info alert, not a home-made box (issue 20); the withdraw button inside it.
    const declared = sara.locator('.ds-alert[data-color="info"]', { hasText: 'Du har erklært deg inhabil for dette punktet.' });
    expect(await declared.getByRole('button', { name: 'Trekk tilbake inhabilitet' }).count()).toBe(1);
    await expect.poll(() => sara.getByText(inhabilText).count()).toBe(0);
    expect(await accessibilityViolations(sara)).toEqual([]);

    // The others still see the case; the chair sees who is inhabil and why, Sindre only who — their rooms
    // follow the declaration without a reload.
    await sindre.getByText(inhabilText).first().waitFor();
    await sindre.getByText('Inhabile: Sara Saksbehandler').waitFor();
    expect(await sindre.getByText('Søskenbarn av tjenestemottakeren').count()).toBe(0);
    await chair.getByText('Inhabile: Sara Saksbehandler – Søskenbarn av tjenestemottakeren').waitFor();
    expect(await accessibilityViolations(chair)).toEqual([]);
  });

  it('asks the chair why the outcome departs from the earlier like case, and puts the reason in the minutes', async () => {
    await makeCurrent(chair, likeTitle);
    await sara.reload();
    await sara.getByRole('heading', { name: likeTitle }).waitFor();
    await sara.getByText('Tilkoblet. Alle endringer er lagret.').first().waitFor();
    await chair.getByRole('radio', { name: 'Drøftet – råd gitt', exact: true }).check();
    // Sara is not in the conclusion: her screen reader hears that someone else changed it.
    await expect.poll(() => sara.getByTestId('item-announcer').textContent()).toBe('Konklusjonen er endret av en annen deltaker.');
    await chair.getByText('Tilkoblet. Alle endringer er lagret.').first().waitFor();
    await chair.getByRole('button', { name: 'Lås punktet' }).click();
    const dialog = chair.getByRole('dialog', { name: 'Like saker skal behandles likt' });
    await dialog.getByText('henvist videre').waitFor();
    expect(await accessibilityViolations(chair)).toEqual([]);
    await dialog.getByRole('button', { name: 'Lås med begrunnelse' }).click();
    await dialog.getByText('Skriv en begrunnelse (minst tre tegn).').waitFor();
    await dialog.getByLabel('Begrunnelse for avviket (påkrevd)').fill('Pårørende gir nå mer avlastning enn i den forrige saken.');
    await dialog.getByRole('button', { name: 'Lås med begrunnelse' }).click();
    await chair.getByText('Punktet er låst. Ingen kan endre det.').waitFor();
    // Sara's screen reader hears it from the status region that was there all along.
    await expect.poll(() => sara.getByTestId('item-announcer').textContent()).toBe('Punktet er låst.');
    expect(await accessibilityViolations(sara)).toEqual([]);

    await chair.goto(`${server.url}/moter/${meetingId}/referat`);
    await chair.getByText('Pårørende gir nå mer avlastning enn i den forrige saken.').waitFor();
    const pdf = await chair.request.get(`${server.url}/moter/${meetingId}/referat/pdf`);
    expect(pdfText(new Uint8Array(await pdf.body())).replace(/\s+/g, ' ')).toContain('Pårørende gir nå mer avlastning');
    // Sara's minutes and PDF leave out the item she was inhabil for.
    await sara.goto(`${server.url}/moter/${meetingId}/referat`);
    await sara.getByText('Du var inhabil for dette punktet. Innholdet vises ikke.').waitFor();
    expect(await sara.getByText(inhabilText).count()).toBe(0);
    const saraPdf = pdfText(new Uint8Array(await (await sara.request.get(`${server.url}/moter/${meetingId}/referat/pdf`)).body()));
    expect(saraPdf.replace(/\s+/g, ' ')).not.toContain(inhabilText);
    expect(await accessibilityViolations(sara)).toEqual([]);
  });
});

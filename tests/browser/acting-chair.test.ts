import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { editorText } from '../support/editor-field';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { makeCurrent } from '../support/meeting-room';
import { pdfText } from '../support/pdf-text';
import { storedText } from '../support/stored-document';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * The acting chair in two browsers: the meeting's chair (Mona) makes Sara's
 * case current, declares herself inhabil for it and names Sindre — a
 * caseworker, neither chair nor referent — to chair it in her place. Sindre's
 * room enables the conclusion for that item (the same access decision the
 * server's Yjs guard takes), and he writes the outcome and the conclusion and
 * locks the item.
 */
describe('the acting chair writes and locks the conclusion', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sindre: Page;
  let leader: Page;
  let meetingId: string;
  let itemId: string;
  let title: string;
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
      include: { createdBy: true },
    });
    // Sara's drøfting case: a lock needs an outcome only.
    const saras = cases.find((c) => c.createdBy.email === demo.caseworker && c.purpose === 'drofting')!;
    title = saras.title;
    itemId = items.find((i) => i.caseId === saras.id)!.id;
    browser = await launchBrowser();
    chair = (await signIn(browser, server.url, demo.chair)).page;
    sindre = (await signIn(browser, server.url, demo.caseworker2)).page;
    leader = (await signIn(browser, server.url, demo.leader)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('the chair, inhabil, names Sindre; Sindre writes the outcome and the conclusion and locks the item', async () => {
    await chair.goto(`${server.url}/moter/${meetingId}/rom`);
    await makeCurrent(chair, title);
    await chair.getByRole('button', { name: `Erklær deg inhabil for «${title}»` }).click();
    const dialog = chair.getByRole('dialog', { name: `Erklær deg inhabil: ${title}` });
    await dialog.getByLabel('Grunn (påkrevd)').fill('Nabo av tjenestemottakeren');
    await dialog.getByRole('button', { name: 'Erklær inhabilitet' }).click();
    await chair.getByText('Du har erklært deg inhabil for dette punktet.').waitFor();
    // Inhabil, she still names who chairs the item in her place.
    const sindreId = (await db.user.findUniqueOrThrow({ where: { email: demo.caseworker2 } })).id;
    await chair.getByLabel('Møteleder for punktet').selectOption(sindreId);
    await chair.getByRole('button', { name: 'Lagre', exact: true }).click();
    await chair.getByText('Lagret.').waitFor();
    expect(await accessibilityViolations(chair)).toEqual([]);

    await sindre.goto(`${server.url}/moter/${meetingId}/rom`);
    await sindre.getByRole('heading', { name: title }).waitFor();
    await sindre.getByText('Tilkoblet. Alle endringer er lagret.').first().waitFor();
    // Not "the conclusion is the chair's": for this item he is the chair.
    expect(await sindre.getByText('Konklusjonen skrives av møteleder og referent. Du kan skrive i notatene.').count()).toBe(0);
    expect(await accessibilityViolations(sindre)).toEqual([]);
    await sindre.getByRole('radio', { name: 'Drøftet – råd gitt', exact: true }).check();
    const conclusion = sindre.getByRole('textbox', { name: 'Konklusjon med begrunnelse' });
    await conclusion.fill('Avlastning to helger i måneden; ny vurdering om et halvt år.');
    await expect.poll(() => editorText(conclusion)).toBe('Avlastning to helger i måneden; ny vurdering om et halvt år.');
    // The server's guard took it: it is stored, not only on his screen.
    await expect
      .poll(() => storedText(db, `item:${itemId}`, 'item.conclusion'))
      .toBe('Avlastning to helger i måneden; ny vurdering om et halvt år.');
    await sindre.getByText('Tilkoblet. Alle endringer er lagret.').first().waitFor();
    await sindre.getByRole('button', { name: 'Lås punktet' }).click();
    await sindre.getByText('Punktet er låst. Ingen kan endre det.').waitFor();
    const locked = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect({ locked: locked.locked, lockedById: locked.lockedById, status: locked.status }).toEqual({
      locked: true,
      lockedById: sindreId,
      status: 'concluded',
    });
    expect(await accessibilityViolations(sindre)).toEqual([]);
  });
  it('after the close, keeps the item out of the inhabil chair’s room, minutes, PDF and search, where Lea the leader finds it', async () => {
    const words = 'Avlastning to helger i måneden';
    await chair.getByRole('button', { name: 'Avslutt møtet' }).click();
    await chair.getByRole('dialog', { name: 'Avslutte møtet?' }).getByRole('button', { name: 'Ja, avslutt møtet' }).click();
    await chair.getByText('Møtet er avsluttet.').first().waitFor();
    const hits = (page: Page) => page.locator(`li:has(a[href="/moter/${meetingId}/referat#punkt-${itemId}"])`);
    // Lea, not inhabil, finds the conclusion in search and reads it in the minutes and the PDF: there is something to hide.
    await leader.goto(`${server.url}/sok?q=${encodeURIComponent(words)}`);
    await expect.poll(() => hits(leader).count()).toBe(1);
    await leader.goto(`${server.url}/moter/${meetingId}/referat`);
    await leader.getByText(words, { exact: false }).first().waitFor();
    const leaderPdf = pdfText(new Uint8Array(await (await leader.request.get(`${server.url}/moter/${meetingId}/referat/pdf`)).body()));
    expect(leaderPdf.replace(/\s+/g, ' ')).toContain(words);
    // Mona, inhabil for it: the room after a reload, the search, the minutes and the PDF hold none of it.
    await chair.reload();
    await chair.getByText('Du har erklært deg inhabil for dette punktet.').waitFor();
    expect(await chair.getByRole('main').textContent()).not.toContain(words);
    await chair.goto(`${server.url}/sok?q=${encodeURIComponent(words)}`);
    await chair.getByRole('search').waitFor();
    expect(await hits(chair).count()).toBe(0);
    expect(await chair.getByRole('main').textContent()).not.toContain(words);
    expect(await accessibilityViolations(chair)).toEqual([]);
    await chair.goto(`${server.url}/moter/${meetingId}/referat`);
    await chair.getByText('Du var inhabil for dette punktet. Innholdet vises ikke.').waitFor();
    expect(await chair.getByRole('main').textContent()).not.toContain(words);
    const chairPdf = pdfText(new Uint8Array(await (await chair.request.get(`${server.url}/moter/${meetingId}/referat/pdf`)).body()));
    expect(chairPdf.replace(/\s+/g, ' ')).not.toContain(words);
    expect(chairPdf.replace(/\s+/g, ' ')).toContain('Mona Møteleder');
    expect(await accessibilityViolations(chair)).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Db } from '../../lib/db/db';
import { loadActor } from '../../lib/access/access-service';
import { nb } from '../../lib/i18n/nb';
import { editMinutesItem } from '../../lib/minutes/edit-minutes-item';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { makeCurrent } from '../support/meeting-room';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * Issue 19's story end to end, every step through a page: the chair concludes a case in the room with the
 * EPJ flag set, locks it and closes the meeting; its caseworker finds it under Behandlet, copies a block
 * for the record system, edits and downloads the draft letter as DOCX (read back by mammoth), marks it
 * documented — and the EPJ follow-up the close made is done, and the leader's list is one shorter.
 */
describe('from the lock in the room to the record system, in browsers', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let leader: Page;
  let meetingId: string;
  let caseId: string;
  let title: string;
  const conclusion = 'Avklart: gruppetilbud to dager i uken. Alvorlighet moderat, nytte høy, ressurs lav.';
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    meetingId = (await demoFixtures(db)).meeting.id;
    // One of Sara's cases on the demo meeting that is for discussion (not on the A-list).
    const theCase = await db.case.findFirstOrThrow({
      where: { meetingId, status: 'submitted', createdBy: { email: demo.caseworker }, purpose: { not: 'orientering' } },
      orderBy: { createdAt: 'asc' },
    });
    caseId = theCase.id;
    title = theCase.title;
    browser = await launchBrowser();
    chair = (await signIn(browser, server.url, demo.chair)).page;
    const saraSignedIn = await signIn(browser, server.url, demo.caseworker);
    sara = saraSignedIn.page;
    await saraSignedIn.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    leader = (await signIn(browser, server.url, demo.leader)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const undocumented = async () => {
    await leader.goto(`${server.url}/fagsystem`);
    const heading = leader
      .getByRole('region', { name: /^Sakene/ })
      .getByRole('heading')
      .first();
    await heading.waitFor();
    return (await heading.textContent()) ?? '';
  };

  it('the chair concludes the case with the EPJ flag, locks it and closes the meeting', async () => {
    await chair.goto(`${server.url}/moter/${meetingId}/rom`);
    await makeCurrent(chair, title);
    await chair.getByRole('status').filter({ hasText: 'Tilkoblet.' }).first().waitFor();
    await chair.getByRole('radio', { name: 'Avklart', exact: true }).check();
    await chair.getByRole('textbox', { name: 'Konklusjon med begrunnelse' }).fill(conclusion);
    await chair.getByRole('button', { name: 'Legg til oppfølging' }).click();
    await chair.getByLabel('Hva skal gjøres').fill('Skriv vedtak om gruppetilbud');
    await chair.getByLabel('Ansvarlig', { exact: true }).selectOption({ label: 'Sara Saksbehandler' });
    await chair.getByRole('checkbox', { name: nb.meetingRoom.epjDocumentation }).check();
    await chair.getByLabel(nb.meetingRoom.epjResponsible).selectOption({ label: 'Sara Saksbehandler' });
    await chair.getByRole('status').filter({ hasText: 'Alle endringer er lagret.' }).first().waitFor();
    await chair.getByRole('button', { name: 'Lås punktet' }).click();
    // Like cases alike: if the outcome departs from the top earlier match, the chair gives the reason.
    const deviation = chair.getByRole('dialog', { name: nb.recusal.deviationTitle });
    const locked = chair.getByText('Punktet er låst. Ingen kan endre det.');
    await deviation.or(locked).first().waitFor();
    if (await deviation.isVisible()) {
      await deviation.getByLabel(nb.recusal.deviationReason).fill('Bor alene, uten nettverk.');
      await deviation.getByRole('button', { name: nb.recusal.deviationSubmit }).click();
    }
    await locked.waitFor();
    await chair.getByRole('button', { name: 'Avslutt møtet' }).click();
    await chair.getByRole('dialog', { name: 'Avslutte møtet?' }).getByRole('button', { name: 'Ja, avslutt møtet' }).click();
    await chair.getByText('Møtet er avsluttet.').waitFor();
    // The close made the EPJ follow-up for the one who documents.
    await expect
      .poll(async () => {
        const followUp = await db.followUp.findFirst({ where: { caseId, kind: 'epj_documentation' } });
        return followUp ? { open: followUp.doneAt === null, owner: followUp.ownerId } : 'none';
      })
      .toEqual({ open: true, owner: (await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } })).id });
  });

  it('the caseworker copies the conclusion, edits and downloads the letter, marks it documented; the follow-up closes and the leader’s list shrinks', async () => {
    const before = await undocumented();
    expect(before).toMatch(/^Sakene \(\d+\)$/);
    const count = Number(/\d+/.exec(before)![0]);

    await sara.goto(`${server.url}/saker`);
    const card = sara
      .getByRole('region', { name: /^Behandlet/ })
      .getByRole('listitem')
      .filter({ has: sara.getByRole('heading', { name: title }) });
    await card.getByText('Dokumenter konklusjonen i fagsystemet').waitFor();
    await card.getByRole('link', { name: `Til fagsystemet: ${title}` }).click();
    await sara.waitForURL(new RegExp(`/saker/${caseId}/fagsystem$`));
    expect(await accessibilityViolations(sara)).toEqual([]);

    const block = sara.getByRole('region', { name: 'Konklusjon fra saksmøtet' });
    await block.getByRole('button', { name: 'Kopier konklusjon fra saksmøtet' }).click();
    await block.getByRole('status').filter({ hasText: 'Kopiert' }).waitFor();
    const copied = await sara.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Utfall: Avklart');
    expect(copied).toContain(`Konklusjon med begrunnelse: ${conclusion}`);

    const letter = sara.getByRole('textbox', { name: 'Teksten i utkastet' });
    expect(await letter.inputValue()).toContain(conclusion);
    await letter.fill(`${await letter.inputValue()}\n\nVedtaket gjelder fra januar.`);
    const [download] = await Promise.all([
      sara.waitForEvent('download'),
      sara.getByRole('button', { name: 'Last ned utkastet som Word-fil (DOCX)' }).click(),
    ]);
    const { value } = await mammoth.extractRawText({ buffer: await readFile((await download.path())!) });
    const paragraphs = value.split('\n').map((line) => line.trim());
    expect(paragraphs).toContain('UTKAST til fagsystemet. Dette er ikke et vedtak.');
    expect(paragraphs).toContain('Vedtaket gjelder fra januar.');

    await sara.getByRole('button', { name: 'Marker som dokumentert i fagsystemet' }).click();
    await sara.getByText(/^Dokumentert i fagsystemet .* av Sara Saksbehandler\.$/).waitFor();
    expect((await db.followUp.findFirstOrThrow({ where: { caseId, kind: 'epj_documentation' } })).doneAt).not.toBeNull();
    await sara.goto(`${server.url}/saker`);
    await card.getByText(/^Dokumentert i fagsystemet /).waitFor();
    expect(await card.getByText('Dokumenter konklusjonen i fagsystemet').count()).toBe(0);

    expect(await undocumented()).toBe(`Sakene (${count - 1})`);
  });

  it('after the chair corrects the conclusion in the minutes, the caseworker’s hand-off page warns and shows before and now', async () => {
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId, caseId } });
    const chairActor = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: demo.chair } })).id))!;
    // The correction itself is the minutes' own story (minutes-approval.test.ts); here it is the set-up.
    await editMinutesItem({
      db,
      actor: chairActor,
      input: { meetingId, itemId: item.id, notes: '', conclusion: 'Avklart: gruppetilbud tre dager i uken.' },
    });
    await sara.goto(`${server.url}/saker/${caseId}/fagsystem`);
    const changed = sara.getByRole('region', { name: /^Endret etter at saken ble dokumentert / });
    await changed.waitFor();
    // A warning in Designsystemet's Alert, not a home-made box.
    expect(await changed.locator('.ds-alert[data-color="warning"]').count()).toBe(1);
    expect(await changed.getByText(`Før: ${conclusion}`, { exact: true }).count()).toBe(1);
    expect(await changed.getByText('Nå: Avklart: gruppetilbud tre dager i uken.', { exact: true }).count()).toBe(1);
    expect(await accessibilityViolations(sara)).toEqual([]);
    for (const width of [390, 1280]) {
      await sara.setViewportSize({ width, height: 900 });
      await changed.scrollIntoViewIfNeeded();
      await sara.screenshot({ path: `/tmp/samlet-hand-off-changed-${width}.png` });
    }
  });
});

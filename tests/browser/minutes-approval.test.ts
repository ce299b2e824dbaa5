import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { formatDate } from '../../lib/i18n/format';
import { workingDaysAfter } from '../../lib/meetings/norwegian-holidays';
import { systemClock } from '../../lib/time/clock';
import { pdfText } from '../support/pdf-text';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * Minutes people approve (issue 19), in two browsers: the seed's past meeting is put in the state a
 * close leaves it in (a draft for two working days); Sara, who was there, comments; Mona, the chair,
 * sees the comment, corrects the text of Sara's item and approves; Sara's page then says
 * "Godkjent … av Mona Møteleder" and takes no more comments.
 */
describe('approving the minutes, in two browsers', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let sara: Page;
  let mona: Page;
  let meetingId: string;
  printLogsOnFailure(() => server, browserTraces);
  /** The minutes PDF as the page's link downloads it, in this person's session; the en dash read back from WinAnsi. */
  const minutesPdf = async (page: Page) => {
    const response = await page.request.get(`${server.url}/moter/${meetingId}/referat/pdf`);
    expect(response.status()).toBe(200);
    return pdfText(new Uint8Array(await response.body())).replaceAll('\x96', '–');
  };

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const { pastMeeting } = await demoFixtures(db);
    meetingId = pastMeeting.id;
    // As closeMeeting leaves it (tests/integration/minutes-approval.test.ts closes one for real).
    await db.meeting.update({
      where: { id: meetingId },
      data: { minutesStatus: 'draft', minutesDraftUntil: workingDaysAfter(systemClock.now(), 2) },
    });
    browser = await launchBrowser();
    sara = (await signIn(browser, server.url, demo.caseworker)).page;
    mona = (await signIn(browser, server.url, demo.chair)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('lets a participant comment on the draft, and refuses a national identity number in Norwegian', async () => {
    await sara.goto(`${server.url}/moter/${meetingId}/referat`);
    const head = sara.locator('p', { hasText: 'Referatet er ikke godkjent ennå.' });
    await head.waitFor();
    // The badge and the notice, the word said once (it read "Utkast · Utkast – ikke godkjent.").
    expect(await head.textContent()).toMatch(/^Utkast · Referatet er ikke godkjent ennå\. Deltakerne kan kommentere til og med /);
    expect(await accessibilityViolations(sara)).toEqual([]);
    const comments = sara.getByRole('region', { name: 'Kommentarer til utkastet' });
    await comments.getByText('Ingen kommentarer ennå.').waitFor();
    const field = comments.getByRole('textbox', { name: 'Din kommentar' });
    await field.fill('Fødselsnummeret er 15039212258');
    await comments.getByRole('button', { name: 'Send kommentar' }).click();
    await comments.getByText('Teksten ser ut til å inneholde et fødselsnummer eller D-nummer. Fjern det.').waitFor();
    expect(await db.minutesComment.count()).toBe(0);
    // What she wrote stays in the field, to be mended (a form action would have emptied it).
    expect(await field.inputValue()).toBe('Fødselsnummeret er 15039212258');
    await field.fill('Konklusjonen bør si at økningen gjelder i åtte uker.');
    await comments.getByRole('button', { name: 'Send kommentar' }).click();
    await comments.getByRole('status').filter({ hasText: 'Kommentaren er sendt.' }).waitFor();
    // Stored: an empty field for the next one.
    await expect.poll(() => comments.getByRole('textbox', { name: 'Din kommentar' }).inputValue()).toBe('');
    await comments.getByText('Konklusjonen bør si at økningen gjelder i åtte uker.').waitFor();
    expect(await comments.textContent()).toContain('Sara Saksbehandler,');
    expect(await accessibilityViolations(sara)).toEqual([]);
    const pdf = await minutesPdf(sara);
    expect(pdf).toContain('Utkast – ikke godkjent');
    expect(pdf).toMatch(/Side 1 av \d/);
    expect(pdf).not.toContain('Godkjent');
  });

  it('shows the chair the comment; the chair corrects the item’s text and approves', async () => {
    await mona.goto(`${server.url}/moter/${meetingId}/referat`);
    const comments = mona.getByRole('region', { name: 'Kommentarer til utkastet' });
    await comments.getByText('Konklusjonen bør si at økningen gjelder i åtte uker.').waitFor();
    expect(await accessibilityViolations(mona)).toEqual([]);
    const editor = mona.getByRole('form', { name: /^Rett teksten for «Økning av BPA/ });
    // Designsystemet's card, not a home-made grey box (issue 20).
    expect(await editor.evaluate((e) => e.classList.contains('ds-card'))).toBe(true);
    const conclusion = editor.getByRole('textbox', { name: 'Konklusjon' });
    const before = await conclusion.inputValue();
    expect(before).toContain('Midlertidig økning til 28 timer i åtte uker');
    await conclusion.fill(`${before} Gjelder i åtte uker fra vedtaket.`);
    await editor.getByRole('button', { name: 'Lagre teksten' }).click();
    await editor.getByRole('status').filter({ hasText: 'Teksten er lagret.' }).waitFor();
    const decided = await db.case.findFirstOrThrow({ where: { meetingId, title: { startsWith: 'Økning av BPA' } } });
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId, caseId: decided.id } });
    await expect
      .poll(async () => (await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).conclusion)
      .toContain('fra vedtaket.');

    // Search follows the edit and marks the draft; so does the list of past meetings.
    const hit = async () => {
      await mona.goto(`${server.url}/sok?q=${encodeURIComponent('fra vedtaket')}`);
      return mona.locator(`li:has(a[href="/moter/${meetingId}/referat#punkt-${item.id}"])`);
    };
    expect(await (await hit()).textContent()).toContain('Utkast');
    expect(await accessibilityViolations(mona)).toEqual([]);
    await mona.goto(`${server.url}/historikk`);
    const row = mona.locator(`tr:has(a[href="/moter/${meetingId}/referat"])`);
    expect(await row.textContent()).toContain('Utkast');
    expect(await accessibilityViolations(mona)).toEqual([]);
    await mona.goto(`${server.url}/moter/${meetingId}/referat`);

    await mona.getByRole('region', { name: 'Godkjenn referatet' }).getByRole('button', { name: 'Godkjenn referatet' }).click();
    const dialog = mona.getByRole('dialog');
    await dialog.getByText('Godkjenne referatet? Etter det kan ingen rette eller kommentere det.').waitFor();
    expect(await accessibilityViolations(mona)).toEqual([]);
    await dialog.getByRole('button', { name: 'Godkjenn referatet' }).click();
    await expect.poll(async () => (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).minutesStatus).toBe('approved');
    const stored = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    await mona.getByText(`Godkjent ${formatDate(stored.minutesApprovedAt!)} av Mona Møteleder`).waitFor();
    expect(await mona.getByRole('form', { name: /^Rett teksten for/ }).count()).toBe(0);
    expect(await accessibilityViolations(mona)).toEqual([]);
    expect(await (await hit()).textContent()).not.toContain('Utkast');
  });

  it('shows the participant the approval and the corrected text, and takes no more comments', async () => {
    const stored = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    await sara.reload();
    await sara.getByText(`Godkjent ${formatDate(stored.minutesApprovedAt!)} av Mona Møteleder`).waitFor();
    await sara.getByText(/Gjelder i åtte uker fra vedtaket\./).waitFor();
    expect(await sara.getByText('Utkast – ikke godkjent.', { exact: false }).count()).toBe(0);
    expect(await sara.getByRole('textbox', { name: 'Din kommentar' }).count()).toBe(0);
    // The comment stays in view, the form is gone.
    await sara.getByRole('region', { name: 'Kommentarer til utkastet' }).getByText('Konklusjonen bør si').waitFor();
    expect(await accessibilityViolations(sara)).toEqual([]);
    const pdf = await minutesPdf(sara);
    expect(pdf).toContain(`Godkjent ${formatDate(stored.minutesApprovedAt!)} av Mona Møteleder`);
    expect(pdf).toContain('Rådhuset, rom 312');
    // The corrected conclusion, whatever line it is wrapped on.
    expect(pdf.replaceAll('\n', ' ')).toMatch(/Gjelder i åtte uker fra\s+vedtaket\./);
    expect(pdf).not.toContain('Utkast');
  });
});

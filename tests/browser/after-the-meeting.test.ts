import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { createEpjFollowUp } from '../../lib/cases/epj-follow-up';
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { formatDate } from '../../lib/i18n/format';
import { pdfText } from '../support/pdf-text';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * After the meeting (issue 19), one story: the caseworker's concluded case stays in *Mine saker*
 * under *Behandlet*, with its outcome, conclusion and what is still to be done; from there its hand-off
 * page gives the blocks for the record system, each copied in one click.
 */
describe('after the meeting, in a browser', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let sara: Page;
  let saraContext: BrowserContext;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    browser = await launchBrowser();
    ({ page: sara, context: saraContext } = await signIn(browser, server.url, demo.caseworker));
    await saraContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('keeps the concluded case in Mine saker under Behandlet, with outcome, conclusion and what is left to do', async () => {
    const decided = await db.case.findFirstOrThrow({
      where: { status: 'concluded', createdBy: { email: demo.caseworker } },
      include: { meeting: true },
    });
    const item = await db.agendaItem.findFirstOrThrow({ where: { caseId: decided.id } });
    await sara.getByRole('link', { name: 'Mine saker' }).click();
    const section = sara.getByRole('region', { name: /^Behandlet/ });
    const card = section.getByRole('listitem').filter({ has: sara.getByRole('heading', { name: /Økning av BPA/ }) });
    await card.waitFor();
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe('Behandlet (1)');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('EPJ 2025/0712');
    expect(text).toContain(`Behandlet i møtet ${formatDate(decided.meeting!.startsAt)}`);
    expect(text).toContain('UtfallAvklart');
    expect(text).toContain('Midlertidig økning til 28 timer i åtte uker');
    expect(text).toContain('Skriv vedtak om midlertidig økning');
    expect(text).toContain(`Revurderes ${formatDate(item.reassessmentDate!)}`);
    // The colleague's concluded case is not Sara's: not in her view.
    expect(await section.getByText(/avlastning for familie/).count()).toBe(0);
    expect(await accessibilityViolations(sara)).toEqual([]);
    await card.getByRole('link', { name: /^Referatet for / }).click();
    await sara.waitForURL(new RegExp(`/moter/${decided.meetingId}/referat#punkt-${item.id}$`));
  });

  it('opens the hand-off from Behandlet and copies the meeting’s conclusion as plain text for Gerica’s sakskort', async () => {
    const decided = await db.case.findFirstOrThrow({
      where: { status: 'concluded', createdBy: { email: demo.caseworker } },
      include: { meeting: true },
    });
    const item = await db.agendaItem.findFirstOrThrow({ where: { caseId: decided.id } });
    await sara.goto(`${server.url}/saker`);
    await sara.getByRole('link', { name: /^Til fagsystemet: Økning av BPA/ }).click();
    await sara.waitForURL(new RegExp(`/saker/${decided.id}/fagsystem$`));
    await sara.getByRole('heading', { level: 1, name: /^Til fagsystemet: Økning av BPA/ }).waitFor();
    expect(await accessibilityViolations(sara)).toEqual([]);
    const block = sara.getByRole('region', { name: 'Konklusjon fra saksmøtet' });
    expect(await block.textContent()).toContain('Lim inn i: Sakskort: Begrunnelse for vedtaket');
    await block.getByRole('button', { name: 'Kopier konklusjon fra saksmøtet' }).click();
    await block.getByRole('status').filter({ hasText: 'Kopiert' }).waitFor();
    const copied = await sara.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      [`Saksmøte: ${formatDate(decided.meeting!.startsAt)}`, 'Utfall: Avklart', `Konklusjon med begrunnelse: ${item.conclusion}`].join(
        '\n',
      ),
    );
    const followUps = sara.getByRole('region', { name: 'Oppfølging' });
    await followUps.getByRole('button', { name: 'Kopier oppfølging' }).click();
    await expect
      .poll(() => sara.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^- Skriv vedtak om midlertidig økning \(ansvarlig: Sara Saksbehandler/);
    // Viewing the hand-off is logged as a read of the case.
    const reads = await db.auditEvent.findMany({ where: { action: 'case.read', entityId: decided.id } });
    expect(reads.some((r) => r.detail?.includes('"view":"hand_off"'))).toBe(true);
  });

  it('edits the draft decision letter in the page and downloads it as a PDF that says it is a draft', async () => {
    const letter = sara.getByRole('textbox', { name: 'Teksten i utkastet' });
    const draft = await letter.inputValue();
    expect(draft.split('\n')[0]).toBe('UTKAST til fagsystemet. Dette er ikke et vedtak.');
    expect(draft).toContain('Gjelder: EPJ 2025/0712');
    expect(draft.indexOf('Vedtak')).toBeLessThan(draft.indexOf('Begrunnelse'));
    expect(draft).toContain('Du kan klage på vedtaket.');
    await letter.fill(`${draft}\n\nVedtaket gjelder fra mandag.`);
    const [download] = await Promise.all([
      sara.waitForEvent('download'),
      sara.getByRole('button', { name: 'Last ned utkastet som PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('utkast-vedtaksbrev.pdf');
    const text = pdfText(new Uint8Array(await readFile((await download.path())!)));
    expect(text).toContain('UTKAST til fagsystemet. Dette er ikke et vedtak.');
    expect(text).toContain('Vedtaket gjelder fra mandag.');
    expect(text).toContain('Utkast fra Samlet. Vedtaket skrives og fattes i fagsystemet.');
  });

  it('downloads the same edited letter as a Word file (DOCX), read back by a library', async () => {
    const letter = sara.getByRole('textbox', { name: 'Teksten i utkastet' });
    await letter.fill(`${await letter.inputValue()}\n\nKopi sendes fastlegen.`);
    const [download] = await Promise.all([
      sara.waitForEvent('download'),
      sara.getByRole('button', { name: 'Last ned utkastet som Word-fil (DOCX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('utkast-vedtaksbrev.docx');
    const { value } = await mammoth.extractRawText({ buffer: await readFile((await download.path())!) });
    const paragraphs = value.split('\n').map((line) => line.trim());
    expect(paragraphs).toContain('UTKAST til fagsystemet. Dette er ikke et vedtak.');
    expect(paragraphs).toContain('Gjelder: EPJ 2025/0712');
    expect(paragraphs).toContain('Vedtaket gjelder fra mandag.');
    expect(paragraphs).toContain('Kopi sendes fastlegen.');
  });

  it('hands the colleague’s concluded case to nobody but its caseworker and the leader', async () => {
    const theirs = await db.case.findFirstOrThrow({ where: { status: 'concluded', createdBy: { email: demo.caseworker2 } } });
    const response = await sara.goto(`${server.url}/saker/${theirs.id}/fagsystem`);
    expect(response?.status()).toBe(404);
  });

  it('marks the case documented: the EPJ follow-up closes and the leader’s list of undocumented cases shrinks', async () => {
    const decided = await db.case.findFirstOrThrow({ where: { status: 'concluded', createdBy: { email: demo.caseworker } } });
    // The meeting had set the EPJ flag: the follow-up as the close makes it (lib/cases/epj-follow-up.ts).
    const item = await db.agendaItem.update({
      where: { id: (await db.agendaItem.findFirstOrThrow({ where: { caseId: decided.id } })).id },
      data: { epjDocumentation: true },
    });
    await createEpjFollowUp(db, item, (await db.meeting.findUniqueOrThrow({ where: { id: item.meetingId } })).closedAt ?? new Date(0));
    const leader = (await signIn(browser, server.url, demo.leader)).page;
    await leader.getByRole('link', { name: 'Til fagsystemet', exact: true }).click();
    await leader.getByRole('heading', { level: 1, name: 'Ikke dokumentert i fagsystemet' }).waitFor();
    expect(await accessibilityViolations(leader)).toEqual([]);
    const list = leader.getByRole('region', { name: /^Sakene/ });
    expect(await list.getByRole('heading').textContent()).toBe('Sakene (2)');
    expect(await list.getByRole('listitem').filter({ hasText: 'Økning av BPA' }).textContent()).toContain(
      'Møtet ba om dokumentasjon i EPJ',
    );
    expect(await leader.getByRole('region', { name: 'Per saksbehandler' }).textContent()).toContain('Sara Saksbehandler1 sak');

    await sara.goto(`${server.url}/saker`);
    const card = sara
      .getByRole('region', { name: /^Behandlet/ })
      .getByRole('listitem')
      .filter({ has: sara.getByRole('heading', { name: /Økning av BPA/ }) });
    await card.getByText('Dokumenter konklusjonen i fagsystemet').waitFor();
    await card.getByText('Ikke dokumentert i fagsystemet ennå.').waitFor();
    await card.getByRole('link', { name: /^Til fagsystemet: / }).click();
    await sara.getByRole('button', { name: 'Marker som dokumentert i fagsystemet' }).click();
    const marked = sara.getByText(/^Dokumentert i fagsystemet .* av Sara Saksbehandler\.$/);
    await marked.waitFor();
    const stored = await db.case.findUniqueOrThrow({ where: { id: decided.id } });
    expect(await marked.textContent()).toBe(`Dokumentert i fagsystemet ${formatDate(stored.documentedAt!)} av Sara Saksbehandler.`);
    expect(await sara.getByRole('button', { name: 'Marker som dokumentert i fagsystemet' }).count()).toBe(0);
    expect(await accessibilityViolations(sara)).toEqual([]);

    await sara.goto(`${server.url}/saker`);
    await card.getByText(`Dokumentert i fagsystemet ${formatDate(stored.documentedAt!)}`).waitFor();
    expect(await card.getByText('Dokumenter konklusjonen i fagsystemet').count()).toBe(0);
    expect((await db.followUp.findFirstOrThrow({ where: { caseId: decided.id, kind: 'epj_documentation' } })).doneAt).not.toBeNull();

    await leader.reload();
    await list.getByRole('heading', { name: 'Sakene (1)' }).waitFor();
    expect(await list.getByText(/Økning av BPA/).count()).toBe(0);
  });
});

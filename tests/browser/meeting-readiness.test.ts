import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';
import { writeStoredEdit } from '../support/stored-document';
import { formMapName, textOf } from '../../lib/cases/case-document';
import { textFields } from '../../lib/cases/case-form';

/**
 * Before the meeting the chair sees, per case on the agenda, what is missing
 * (empty sections, no holistic assessment, no purpose) — on the saksliste
 * page and in the room, from the case as its caseworker has it now — and
 * asks its caseworker; she finds the notice in her browser. The page
 * remembers the ask; a second one needs the chair's confirmation.
 */
describe('readiness before the meeting, the chair and a caseworker in two browsers', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let meetingId: string;
  let caseId: string;
  let title: string;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const { meeting } = await demoFixtures(db);
    meetingId = meeting.id;
    const saraId = (await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } })).id;
    const gappy = await db.case.findFirstOrThrow({ where: { meetingId, createdById: saraId, status: 'submitted' } });
    [caseId, title] = [gappy.id, gappy.title];
    // Her case as she has it now (its live document) holds the question only: three sections, the holistic
    // assessment and the purpose are missing. Written before anyone opens it (the server loads it from the store).
    await writeStoredEdit(db, `case:${caseId}`, (doc) => {
      for (const field of textFields) if (field !== 'question') textOf(doc, field).delete(0, textOf(doc, field).length);
      const form = doc.getMap(formMapName);
      for (const key of [...form.keys()]) if (key !== 'question' && !textFields.includes(key as never)) form.delete(key);
    });
    browser = await launchBrowser();
    chair = (await signIn(browser, server.url, demo.chair)).page;
    sara = (await signIn(browser, server.url, demo.caseworker)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('shows the chair what the case lacks, and asks its caseworker', async () => {
    await chair.goto(`${server.url}/moter/${meetingId}`);
    const entry = chair.getByRole('main').getByRole('listitem').filter({ hasText: title });
    const missing = (await entry.getByText('Mangler:').locator('..').textContent()) ?? '';
    for (const part of [
      'Tjenester og vedtak',
      'Alvorlighet, nytte og ressurs',
      'Alternativer og synspunkter',
      'Samlet vurdering',
      'Hva saken trenger fra møtet',
    ])
      expect(missing).toContain(part);
    expect(missing).not.toContain('Hva gjelder saken');
    // What is missing and the ask are one of the design system's warnings, not a home-made box.
    const box = entry.locator('.ds-alert[data-color="warning"]').filter({ hasText: 'Mangler:' });
    expect(await box.getByRole('button', { name: `Be saksbehandleren fylle ut: ${title}` }).count()).toBe(1);
    expect(await accessibilityViolations(chair)).toEqual([]);
    await entry.getByRole('button', { name: `Be saksbehandleren fylle ut: ${title}` }).click();
    await entry.getByRole('status').filter({ hasText: 'Beskjed sendt til Sara Saksbehandler.' }).waitFor();
    await entry.getByText(/^Spurt .* av Mona Møteleder$/).waitFor();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'case.ask_missing', entityId: caseId } });
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ meetingId });
  });

  it('puts the notice in front of the caseworker, naming the case and what is missing', async () => {
    await sara.goto(`${server.url}/`);
    const notice = sara.getByText(`Møtelederen ber deg fylle ut det som mangler i «${title}»`, { exact: false });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Samlet vurdering');
    expect(await accessibilityViolations(sara)).toEqual([]);
  });

  it('shows a caseworker no readiness list on the agenda', async () => {
    await sara.goto(`${server.url}/moter/${meetingId}`);
    await sara.getByRole('main').getByRole('listitem').filter({ hasText: title }).waitFor();
    expect(await sara.getByText('Mangler:').count()).toBe(0);
  });

  it('remembers the ask: a second click sends no notice unless the chair confirms', async () => {
    const notices = () => db.notification.count({ where: { link: `/saker/${caseId}` } });
    expect(await notices()).toBe(1);
    await chair.reload();
    const entry = chair.getByRole('main').getByRole('listitem').filter({ hasText: title });
    await entry.getByText(/^Spurt .* av Mona Møteleder$/).waitFor();
    await entry.getByRole('button', { name: `Be saksbehandleren fylle ut: ${title}` }).click();
    const dialog = chair.getByRole('dialog', { name: 'Spørre igjen?' });
    await dialog.waitFor();
    expect(await accessibilityViolations(chair)).toEqual([]);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await notices()).toBe(1);
    await entry.getByRole('button', { name: `Be saksbehandleren fylle ut: ${title}` }).click();
    await dialog.getByRole('button', { name: 'Ja, send ny beskjed' }).click();
    await expect.poll(notices, { timeout: 5000 }).toBe(2);
    expect(await db.missingAsk.count({ where: { caseId, meetingId } })).toBe(2);
  });

  it('shows the chair in the room what is missing, from the draft the caseworker is typing', async () => {
    await chair.goto(`${server.url}/moter/${meetingId}/rom`);
    const item = chair.getByRole('navigation', { name: 'Saksliste' }).getByRole('listitem').filter({ hasText: title });
    await expect.poll(async () => (await item.textContent()) ?? '', { timeout: 5000 }).toContain('Samlet vurdering');
    expect(await item.locator('.ds-alert[data-color="warning"]').filter({ hasText: 'Mangler:' }).count()).toBe(1);
    await sara.goto(`${server.url}/saker/${caseId}`);
    await sara.getByLabel('Samlet vurdering').fill('Alvorlighet og nytte veier sammen tyngre enn ressursbruken.');
    // Not submitted again: the chair's room, open all along, follows what she has typed (no reload).
    await expect.poll(async () => (await item.textContent()) ?? '', { timeout: 15_000 }).not.toContain('Samlet vurdering');
    expect(await item.textContent()).toContain('Alternativer og synspunkter');
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } })).toEqual({ status: 'submitted' });
  });

  it('lists a case sent after the deadline in one warning, and the chair takes it onto this meeting', async () => {
    // Arranged as submit-case leaves a late case: on the next meeting, asking for this one.
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const later = await db.meeting.findFirstOrThrow({
      where: { unitId: meeting.unitId, status: 'planned', startsAt: { gt: meeting.startsAt } },
      orderBy: { startsAt: 'asc' },
    });
    const saraId = (await db.user.findUniqueOrThrow({ where: { email: demo.caseworker } })).id;
    const draft = await db.case.findFirstOrThrow({ where: { unitId: meeting.unitId, createdById: saraId, status: 'draft' } });
    await db.case.update({
      where: { id: draft.id },
      data: {
        status: 'submitted',
        version: 1,
        meetingId: later.id,
        lateRequestMeetingId: meetingId,
        submittedAt: meeting.submissionDeadline,
      },
    });
    await chair.goto(`${server.url}/moter/${meetingId}`);
    const late = chair.getByRole('region', { name: 'Meldt inn etter fristen' });
    const warning = late.locator('.ds-alert[data-color="warning"]');
    expect(await warning.getByRole('heading', { name: 'Meldt inn etter fristen' }).count()).toBe(1);
    const row = warning.getByRole('listitem').filter({ hasText: draft.title });
    expect(await row.textContent()).toContain('Saksbehandler: Sara Saksbehandler');
    expect(await accessibilityViolations(chair)).toEqual([]);
    await row.getByRole('button', { name: 'Godta på dette møtet' }).click();
    await late.waitFor({ state: 'detached' });
    await chair.getByRole('main').locator('[data-agenda-item]').filter({ hasText: draft.title }).waitFor();
    expect(await db.case.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      meetingId,
      acceptedLate: true,
      lateRequestMeetingId: null,
    });
  });
});

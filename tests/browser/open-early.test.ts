import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { systemClock } from '../../lib/time/clock';
import { accessibilityViolations, browserTraces } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demoFixtures, openDb } from '../support/fixtures';
import { chairAndSaraInRoom } from '../support/meeting-room';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const hour = 3_600_000;
const earlyDialog = 'Fristen for innmelding er ikke ute';

/**
 * Time rule of issue 18: a meeting cannot be opened before its submission
 * deadline has passed unless the chair confirms (audited). The chair and Sara
 * in two browsers; the deadline is put ahead of the server's clock (and then
 * behind it, on a second meeting) in the database, so the dialog is certain to
 * come — or not to — whatever the hour the suite runs at.
 */
describe('opening a meeting before its submission deadline, the chair and a caseworker in two browsers', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let meetingId: string;
  let title: string;
  printLogsOnFailure(() => server, browserTraces);

  const setCurrentEvents = () => db.auditEvent.findMany({ where: { action: 'meeting.set_current', entityId: meetingId } });

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    meetingId = (await demoFixtures(db)).meeting.id;
    const items = await syncAgenda(db, meetingId);
    const first = await db.case.findUniqueOrThrow({ where: { id: items.find((i) => i.caseId)!.caseId! } });
    title = first.title;
    // The deadline two hours ahead of the server's clock, the meeting a day after it.
    const now = systemClock.now().getTime();
    await db.meeting.update({
      where: { id: meetingId },
      data: { submissionDeadline: new Date(now + 2 * hour), startsAt: new Date(now + 26 * hour), endsAt: new Date(now + 28 * hour) },
    });
    ({ browser, chair, sara } = await chairAndSaraInRoom(server.url, meetingId));
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('asks the chair in the design system’s dialog; Avbryt leaves the meeting unopened on both screens', async () => {
    await chair.getByRole('button', { name: `Gjør til aktuelt punkt: ${title}` }).click();
    const dialog = chair.getByRole('dialog', { name: earlyDialog });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Det blir logget.');
    expect(await accessibilityViolations(chair)).toEqual([]);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect({ status: meeting.status, currentItemId: meeting.currentItemId }).toEqual({ status: 'planned', currentItemId: null });
    expect(await setCurrentEvents()).toEqual([]);
    for (const page of [chair, sara]) expect(await page.getByRole('timer').count()).toBe(0);
  });

  it('opens it once the chair confirms, audited as before the deadline, and Sara’s screen follows', async () => {
    await chair.getByRole('button', { name: `Gjør til aktuelt punkt: ${title}` }).click();
    await chair.getByRole('dialog', { name: earlyDialog }).getByRole('button', { name: 'Åpne møtet likevel' }).click();
    await sara.getByRole('heading', { name: title, level: 2 }).waitFor();
    await sara.getByRole('timer').waitFor();
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('open');
    const events = await setCurrentEvents();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].detail ?? '{}')).toMatchObject({ opened: true, beforeDeadline: true });
  });

  it('does not ask once the deadline has passed', async () => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const next = await db.meeting.findFirstOrThrow({
      where: { unitId: meeting.unitId, status: 'planned', id: { not: meetingId } },
      orderBy: { startsAt: 'asc' },
    });
    const now = systemClock.now().getTime();
    await db.meeting.update({ where: { id: next.id }, data: { submissionDeadline: new Date(now - hour) } });
    const added = await db.agendaItem.create({
      data: {
        meetingId: next.id,
        title: 'Eventuelt: ny rutine for oppfølging',
        position: 0,
        plannedMinutes: 5,
        purpose: 'orientering',
        reason: 'added',
      },
    });
    await chair.goto(`${server.url}/moter/${next.id}/rom`);
    await chair.getByRole('button', { name: `Gjør til aktuelt punkt: ${added.title}` }).click();
    await chair.getByRole('timer').waitFor();
    expect(await chair.getByRole('dialog', { name: earlyDialog }).count()).toBe(0);
    const events = await db.auditEvent.findMany({ where: { action: 'meeting.set_current', entityId: next.id } });
    expect(JSON.parse(events[0].detail ?? '{}')).toEqual({ itemId: added.id, opened: true });
  });
});

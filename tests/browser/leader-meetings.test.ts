import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { nb } from '../../lib/i18n/nb';
import { demoUnitNames } from '../../lib/seed/demo-seed';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const t = nb.admin.meetings;
/** Not the demo's own leader series ('Ledermøte'): this test makes one of its own. */
const seriesName = 'Ledermøte for tjenestene';
const osloDay = (at: Date) => DateTime.fromJSDate(at, { zone: 'Europe/Oslo' });

/**
 * Issue 22, leader meetings: the unit's leader sets up a series of leader
 * meetings in the meeting plan (Chromium, the plan's own form); its meetings
 * are on the leader's front page marked as leader meetings. A caseworker, in
 * a browser of their own, finds none of them on the front page and gets "not
 * found" for the meeting's pages; the admin plans them but gets no link.
 */
describe('a leader meeting is the leader group’s', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let leader: Page;
  let planUrl: string;
  let meetingId: string;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    browser = await launchBrowser();
    leader = (await signIn(browser, server.url, demo.leader)).page;
    const unit = await db.unit.findFirstOrThrow({ where: { name: demoUnitNames.main } });
    planUrl = `${server.url}/admin/enheter/${unit.id}/moter`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await db?.$disconnect();
    await database?.drop();
  });

  it('the leader creates a series of leader meetings; its meetings are leader meetings, on the leader’s front page', async () => {
    await leader.goto(planUrl);
    const form = leader.locator('form').filter({ has: leader.getByRole('button', { name: t.create }) });
    await form.getByLabel(t.name).fill(seriesName);
    await form.getByLabel(t.kind).selectOption({ label: t.kinds.ledermote });
    await form.getByLabel(t.frequency).selectOption({ label: t.frequencies.monthly });
    await form.getByLabel(t.weekdayNames[3], { exact: true }).check();
    await form.getByRole('button', { name: t.create }).click();
    const series = leader.getByRole('listitem').filter({ hasText: `${seriesName} · ${t.kindTag.ledermote}` });
    await series.waitFor();
    await expect.poll(() => db.meeting.count({ where: { kind: 'ledermote', series: { name: seriesName } } })).toBeGreaterThan(0);
    expect(await db.meeting.count({ where: { kind: 'saksmote', series: { name: seriesName } } })).toBe(0);
    // Monthly: the first Wednesday of each month only (the plan's eight weeks hold one or two of them).
    const made = await db.meeting.findMany({ where: { series: { name: seriesName, monthly: true } }, select: { startsAt: true } });
    expect(made.length).toBeGreaterThan(0);
    expect(made.map((m) => osloDay(m.startsAt)).filter((d) => d.weekday !== 3 || d.day > 7)).toEqual([]);
    expect(await series.textContent()).toContain(t.monthlyTag);
    meetingId = (
      await db.meeting.findFirstOrThrow({ where: { kind: 'ledermote', series: { name: seriesName } }, orderBy: { startsAt: 'asc' } })
    ).id;
    expect(await accessibilityViolations(leader)).toEqual([]);

    await leader.goto(`${server.url}/`);
    const link = leader.locator(`a[href="/moter/${meetingId}"]`);
    await link.waitFor();
    expect(await leader.getByRole('listitem').filter({ has: link }).textContent()).toContain(`${nb.home.leaderMeeting} ·`);
    expect((await leader.goto(`${server.url}/moter/${meetingId}/rom`))?.status()).toBe(200);
  });

  it('is not on a caseworker’s front page, and its pages are not found for them', async () => {
    expect(meetingId).toBeTruthy();
    const caseworker = (await signIn(browser, server.url, demo.caseworker)).page;
    await caseworker.goto(`${server.url}/`);
    await caseworker.getByRole('heading', { level: 1 }).waitFor();
    // The unit's case meetings are listed; the leader meeting is not.
    await expect.poll(() => caseworker.locator('a[href^="/moter/"]').count()).toBeGreaterThan(0);
    expect(await caseworker.locator(`a[href="/moter/${meetingId}"]`).count()).toBe(0);
    expect(await caseworker.getByText(nb.home.leaderMeeting).count()).toBe(0);
    for (const path of ['', '/rom', '/referat']) {
      expect((await caseworker.goto(`${server.url}/moter/${meetingId}${path}`))?.status(), path).toBe(404);
    }
    await caseworker.context().close();
  });

  it('the admin plans it, marked as a leader meeting, with no link to pages they may not see', async () => {
    expect(meetingId).toBeTruthy();
    const admin = (await signIn(browser, server.url, demo.admin)).page;
    await admin.goto(planUrl);
    const row = admin.getByRole('row').filter({ hasText: t.kindTag.ledermote }).first();
    await row.waitFor();
    expect(await admin.locator(`a[href="/moter/${meetingId}"]`).count()).toBe(0);
    // The case meetings of the plan keep their links.
    expect(await admin.locator('table a[href^="/moter/"]').count()).toBeGreaterThan(0);
    expect((await admin.goto(`${server.url}/moter/${meetingId}`))?.status()).toBe(404);
    await admin.context().close();
  });
});

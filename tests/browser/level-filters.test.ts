import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { indexMeeting } from '../../lib/history/search-index';
import { nb } from '../../lib/i18n/nb';
import { demoUnitNames } from '../../lib/seed/demo-seed';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, openDb } from '../support/fixtures';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const levels = ['individ', 'tjeneste', 'politisk'] as const;
type Level = (typeof levels)[number];
const day = 24 * 60 * 60 * 1000;
const shots = '/tmp/shots-A';

/**
 * Issue 22, "history, search and statistics show the level and can filter by
 * it": besides the demo's closed case meeting (individual cases), a closed
 * leader meeting took up the demo's service-level case and a political one.
 * The leader filters each page by each level in Chromium (the pages' own
 * forms) and sees the rows and figures the database holds for that level;
 * the admin, who sees the unit's case meetings but never its leader
 * meetings, finds nothing at the leader levels.
 */
describe('history, search and statistics by level', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let leader: Page;
  let unitId: string;
  let leaderMeetingId: string;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    browser = await launchBrowser();
    unitId = (await db.unit.findFirstOrThrow({ where: { name: demoUnitNames.main } })).id;
    // The leader meeting is dated by the demo's own closed meeting (the seed's clock), a day after it.
    const past = await db.meeting.findFirstOrThrow({ where: { unitId, status: 'closed', kind: 'saksmote' } });
    const leaderId = (await db.user.findUniqueOrThrow({ where: { email: demo.leader } })).id;
    const service = await db.leaderCase.findFirstOrThrow({ where: { unitId, level: 'tjeneste' } });
    const political = await db.leaderCase.create({
      data: { unitId, createdById: leaderId, level: 'politisk', title: 'Flere dagaktivitetsplasser for personer med demens' },
    });
    const startsAt = new Date(past.startsAt.getTime() + day);
    const meeting = await db.meeting.create({
      data: {
        unitId,
        kind: 'ledermote',
        status: 'closed',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 60 * 60 * 1000),
        submissionDeadline: new Date(startsAt.getTime() - 2 * day),
        closedAt: new Date(startsAt.getTime() + 60 * 60 * 1000),
        agendaItems: {
          create: [service, political].map((c, i) => ({
            leaderCaseId: c.id,
            title: c.title,
            purpose: 'drofting',
            plannedMinutes: 15,
            reason: 'submitted',
            position: i + 1,
            status: 'concluded',
            outcome: 'droftet',
            conclusion: 'Ledergruppen drøftet saken.',
          })),
        },
      },
    });
    leaderMeetingId = meeting.id;
    await indexMeeting(db, meeting.id);
    leader = (await signIn(browser, server.url, demo.leader)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await db?.$disconnect();
    await database?.drop();
  });

  /** The unit's closed items at a level, by the database: a case's level, or a leader case's. */
  async function itemsAt(level: Level, options: { leaderMeetings: boolean }) {
    const caseIds = (await db.case.findMany({ where: { unitId, level }, select: { id: true } })).map((c) => c.id);
    return db.agendaItem.findMany({
      where: {
        meeting: { unitId, status: 'closed', ...(options.leaderMeetings ? {} : { kind: 'saksmote' }) },
        OR: [{ caseId: { in: caseIds } }, { leaderCase: { level } }],
      },
      select: { id: true, meetingId: true },
    });
  }

  async function choose(page: Page, path: string, label: string, level: Level, submit: string) {
    await page.goto(`${server.url}${path}`);
    await page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: nb.cases.levels[level] });
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get(path === '/sok' ? 'level' : 'niva') === level),
      page.getByRole('button', { name: submit, exact: true }).click(),
    ]);
  }

  it('the history lists the meetings with items at the chosen level, and each row shows its levels', async () => {
    const expected = new Map<Level, number>();
    for (const level of levels) {
      const items = await itemsAt(level, { leaderMeetings: true });
      const meetings = new Set(items.map((i) => i.meetingId));
      expected.set(level, meetings.size);
      await choose(leader, '/historikk', nb.history.levelFilter.label, level, nb.history.levelFilter.show);
      const rows = leader.locator('table tbody tr');
      await expect.poll(() => rows.count(), { message: level }).toBe(meetings.size);
      for (const text of await rows.locator(`td[data-label="${nb.history.columns.levels}"]`).allTextContents()) {
        expect(text).toMatch(new RegExp(`^${nb.cases.levels[level]} \\d+$`));
      }
      // Each meeting's item count is its items at the level.
      const counted = (await rows.locator(`td[data-label="${nb.history.columns.items}"]`).allTextContents()).map(Number);
      expect(
        counted.reduce((a, b) => a + b, 0),
        level,
      ).toBe(items.length);
    }
    expect(expected.get('tjeneste')).toBe(1);
    expect(expected.get('politisk')).toBe(1);
    expect(expected.get('individ')).toBeGreaterThan(0);
    expect(await leader.locator(`a[href="/moter/${leaderMeetingId}/referat"]`).count()).toBe(1);
    expect(await accessibilityViolations(leader)).toEqual([]);
    // Every level again: both kinds of meeting, each row with its levels.
    await leader.goto(`${server.url}/historikk?niva=`);
    const leaderRow = leader.locator('table tbody tr').filter({ has: leader.locator(`a[href="/moter/${leaderMeetingId}/referat"]`) });
    expect(await leaderRow.locator(`td[data-label="${nb.history.columns.levels}"]`).textContent()).toBe(
      `${nb.cases.levels.tjeneste} 1, ${nb.cases.levels.politisk} 1`,
    );
    // A level the page does not know shows every level and says so.
    await leader.goto(`${server.url}/historikk?niva=kommune`);
    await leader.getByText(nb.history.levelFilter.invalid).waitFor();
    expect(await leader.locator('table tbody tr').count()).toBe(await db.meeting.count({ where: { unitId, status: 'closed' } }));
  });

  it('the statistics count the items at the chosen level, and the admin sees no leader-meeting items', async () => {
    const st = nb.history.statistics;
    for (const level of levels) {
      const items = await itemsAt(level, { leaderMeetings: true });
      await choose(leader, '/historikk/statistikk', nb.history.levelFilter.label, level, st.showPeriod);
      const overviewItems = leader
        .locator('dl div')
        .filter({ has: leader.getByText(st.overviewItems, { exact: true }) })
        .locator('dd');
      if (items.length === 0) await leader.getByText(st.none).waitFor();
      else expect(await overviewItems.textContent(), level).toBe(String(items.length));
      if (items.length === 0) continue;
      const levelTable = leader.getByRole('table', { name: st.levelMix });
      const cells = levelTable
        .getByRole('row')
        .filter({ has: leader.getByRole('rowheader', { name: nb.cases.levels[level], exact: true }) });
      expect(await cells.getByRole('cell').textContent(), level).toBe(String(items.length));
      expect(await leader.getByRole('link', { name: st.exportCsv }).getAttribute('href')).toContain(`niva=${level}`);
    }
    expect(await accessibilityViolations(leader)).toEqual([]);

    const admin = (await signIn(browser, server.url, demo.admin)).page;
    await choose(admin, '/historikk/statistikk', nb.history.levelFilter.label, 'tjeneste', st.showPeriod);
    await admin.getByText(st.none).waitFor();
    await choose(admin, '/historikk/statistikk', nb.history.levelFilter.label, 'individ', st.showPeriod);
    const individual = await itemsAt('individ', { leaderMeetings: false });
    expect(
      await admin
        .locator('dl div')
        .filter({ has: admin.getByText(st.overviewItems, { exact: true }) })
        .locator('dd')
        .textContent(),
    ).toBe(String(individual.length));
    await admin.context().close();
  });

  it('both pages, filtered, fit a phone and a desktop without sideways scrolling', async () => {
    for (const path of ['/historikk?niva=tjeneste', '/historikk/statistikk?niva=individ']) {
      await leader.goto(`${server.url}${path}`);
      for (const [width, height] of [
        [390, 844],
        [1280, 900],
      ] as const) {
        await leader.setViewportSize({ width, height });
        expect(
          await leader.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
          `${path} at ${width}`,
        ).toBeLessThanOrEqual(0);
        await leader.screenshot({ path: `${shots}/${path.split('?')[0].replaceAll('/', '-').slice(1)}-${width}.png`, fullPage: true });
      }
    }
  });

  it('search filters by level and shows each hit’s level; the admin finds no leader-meeting item', async () => {
    const s = nb.history.search;
    for (const level of levels) {
      const entries = await db.searchEntry.count({ where: { unitId, level } });
      await choose(leader, '/sok', s.level, level, s.submit);
      await leader.getByRole('heading', { name: s.results(entries, entries === 50) }).waitFor();
      const hits = leader.locator('ol > li');
      expect(await hits.count(), level).toBe(entries);
      for (let i = 0; i < entries; i++) expect(await hits.nth(i).locator('p').first().textContent()).toContain(nb.cases.levels[level]);
    }
    const admin = (await signIn(browser, server.url, demo.admin)).page;
    await choose(admin, '/sok', s.level, 'tjeneste', s.submit);
    await admin.getByRole('heading', { name: s.results(0, false) }).waitFor();
    await admin.context().close();
  });
});

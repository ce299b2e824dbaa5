import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTraces, launchBrowser, signIn, wcagViolations } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loadActor } from '../../lib/access/access-service';
import { attachEvidence } from '../../lib/leader-cases/attach-evidence';
import { createLeaderCase } from '../../lib/leader-cases/create-leader-case';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * Every page (app/**\/page.tsx), as a role that may see it, at 360, 390, 768,
 * 1280 and 1920 px: axe with the WCAG 2.0, 2.1 and 2.2 A/AA rules finds
 * nothing, and the page is never wider than the window (no sideways
 * scrolling). Each page is loaded once and the window resized around it.
 * Screenshots of the main pages at 390 and 1280 px go to
 * test-artifacts/screenshots/ (git-ignored; CI keeps the folder).
 */
const widths = [360, 390, 768, 1280, 1920];
const screenshotWidths = new Set([390, 1280]);
const screenshotDir = path.resolve('test-artifacts/screenshots');

type Role = keyof typeof demo | 'anonymous';
type Visit = { name: string; role: Role; path: string; screenshot?: boolean };

describe('every page at every width', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  const pages = new Map<Role, Page>();
  let visits: Visit[] = [];
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    browser = await launchBrowser();
    const db = openDb(database.url);
    const { mainUnit, meeting, pastMeeting, submittedCase, draftCase } = await demoFixtures(db);
    const pastItem = await db.agendaItem.findFirstOrThrow({ where: { meetingId: pastMeeting.id, caseId: { not: null } } });
    const pastCase = await db.case.findUniqueOrThrow({ where: { id: pastItem.caseId ?? '' } });
    const someAccount = await db.user.findFirstOrThrow({ where: { email: demo.caseworker } });
    // A service-level case with figures attached (issue 22): its charts and tables at every width.
    const leader = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: demo.leader } })).id))!;
    const leaderCase = await createLeaderCase({ db, actor: leader, input: { unitId: mainUnit.id, level: 'politisk' } });
    await attachEvidence({ db, actor: leader, id: leaderCase.id, input: { periode: '12m' } });
    await db.$disconnect();
    const person = encodeURIComponent(pastCase.personRef ?? '');
    visits = [
      { name: 'login', role: 'anonymous', path: '/login', screenshot: true },
      { name: 'tilgjengelighet', role: 'anonymous', path: '/tilgjengelighet', screenshot: true },
      { name: 'home', role: 'caseworker', path: '/', screenshot: true },
      { name: 'saker', role: 'caseworker', path: '/saker', screenshot: true },
      { name: 'case-form', role: 'caseworker', path: `/saker/${draftCase.id}`, screenshot: true },
      { name: 'new-case', role: 'caseworker', path: '/saker/ny' },
      { name: 'case-submitted', role: 'caseworker', path: `/saker/${submittedCase.id}` },
      { name: 'case-versions', role: 'caseworker', path: `/saker/${submittedCase.id}/versjoner` },
      { name: 'konto', role: 'caseworker', path: '/konto' },
      { name: 'hand-off', role: 'leader', path: `/saker/${pastCase.id}/fagsystem`, screenshot: true },
      { name: 'undocumented', role: 'leader', path: '/fagsystem' },
      { name: 'meeting', role: 'chair', path: `/moter/${meeting.id}`, screenshot: true },
      { name: 'meeting-room', role: 'chair', path: `/moter/${meeting.id}/rom`, screenshot: true },
      { name: 'minutes', role: 'chair', path: `/moter/${pastMeeting.id}/referat` },
      { name: 'item-versions', role: 'chair', path: `/moter/${pastMeeting.id}/punkter/${pastItem.id}/versjoner` },
      { name: 'oppfolging', role: 'leader', path: '/oppfolging', screenshot: true },
      { name: 'historikk', role: 'leader', path: '/historikk', screenshot: true },
      { name: 'statistikk', role: 'leader', path: '/historikk/statistikk', screenshot: true },
      { name: 'likebehandling', role: 'leader', path: '/historikk/likebehandling' },
      { name: 'person', role: 'leader', path: `/historikk/person?unit=${mainUnit.id}&ref=${person}` },
      { name: 'sok', role: 'leader', path: '/sok?q=avlastning', screenshot: true },
      { name: 'revisjon', role: 'leader', path: '/revisjon', screenshot: true },
      { name: 'ledersaker', role: 'leader', path: '/ledersaker' },
      { name: 'ledersak', role: 'leader', path: `/ledersaker/${leaderCase.id}`, screenshot: true },
      { name: 'admin', role: 'admin', path: '/admin', screenshot: true },
      { name: 'admin-unit', role: 'admin', path: `/admin/enheter/${mainUnit.id}`, screenshot: true },
      { name: 'admin-meetings', role: 'admin', path: `/admin/enheter/${mainUnit.id}/moter` },
      { name: 'accounts', role: 'system', path: '/admin/kontoer', screenshot: true },
      { name: 'account', role: 'system', path: `/admin/kontoer/${someAccount.id}` },
    ];
    for (const role of new Set(visits.map((v) => v.role))) {
      if (role === 'anonymous') pages.set(role, await (await browser.newContext()).newPage());
      else pages.set(role, (await signIn(browser, server.url, demo[role])).page);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('lists every page of the app', async () => {
    const pageFiles = readdirSync('app', { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file) === 'page.tsx').length;
    expect(new Set(visits.map((v) => v.path.split('?')[0].replace(/[a-z0-9]{20,}/g, '[id]'))).size).toBe(pageFiles);
  });

  it('has no axe violations and no sideways scrolling at any width', async () => {
    const problems: string[] = [];
    // One page per role at a time, the roles side by side: about half the time of one after another.
    await Promise.all(
      [...pages.entries()].map(async ([role, page]) => {
        for (const visit of visits.filter((v) => v.role === role)) {
          await page.setViewportSize({ width: 1280, height: 900 });
          const response = await page.goto(`${server.url}${visit.path}`);
          if (response?.status() !== 200) problems.push(`${visit.name}: HTTP ${response?.status()}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          for (const width of widths) {
            await page.setViewportSize({ width, height: 900 });
            const { overflow, widest } = await overflowNow(page);
            if (overflow > 0) problems.push(`${visit.name} @${width}: ${overflow} px wider than the window (${widest})`);
            for (const v of await wcagViolations(page))
              problems.push(`${visit.name} @${width}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
            if (visit.screenshot && screenshotWidths.has(width))
              await page.screenshot({ path: path.join(screenshotDir, `${visit.name}-${width}.png`), fullPage: true });
          }
        }
      }),
    );
    expect(problems).toEqual([]);
  }, 300_000);
});

/**
 * How far the page reaches past the window, and for the failure message the
 * deepest elements that do, read in one go: read later, a transient overflow
 * (a chart catching up with a resize) names the wrong elements.
 */
function overflowNow(page: Page): Promise<{ overflow: number; widest: string }> {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    const past = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1);
    const deepest = past.filter((e) => !past.some((other) => other !== e && e.contains(other)));
    const widest = deepest
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 3).join('.')}`)
      .join(', ');
    return { overflow, widest };
  });
}

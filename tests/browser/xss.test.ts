import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { indexMeeting } from '../../lib/history/search-index';
import { browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { pdfText } from '../support/pdf-text';
import { textFields } from '../../lib/cases/case-form';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const payloads = {
  title: 'Støtte <img src=x onerror="window.__xss=(window.__xss||0)+1"> etter fall',
  notes: 'Notat <script>window.__xss=(window.__xss||0)+1</script> slutt',
  conclusion: 'Konklusjon <svg onload="window.__xss=(window.__xss||0)+1"></svg> med "anførsel" & ampersand',
};

/**
 * Script and HTML typed into a case, its notes and its conclusion are shown as
 * text wherever they appear — minutes, search results, timeline, case page,
 * PDF — and never run.
 */
describe('HTML and script in free text, in a browser', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let leader: Page;
  let pastMeetingId: string;
  let caseId: string;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const { pastMeeting } = await demoFixtures(db);
    pastMeetingId = pastMeeting.id;
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: pastMeetingId, purpose: 'avklaring' } });
    caseId = item.caseId!;
    await db.case.update({ where: { id: caseId }, data: { title: payloads.title } });
    await db.agendaItem.update({ where: { id: item.id }, data: { notes: payloads.notes, conclusion: payloads.conclusion } });
    await indexMeeting(db, pastMeetingId);
    browser = await launchBrowser();
    const signedIn = await signIn(browser, server.url, demo.leader);
    // Every CSP violation on any page is recorded: the app's own scripts and styles must cause none.
    await signedIn.context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`),
      );
    });
    leader = signedIn.page;
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const ran = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0);

  it('shows the payloads as text in the minutes, and runs none of them', async () => {
    await leader.goto(`${server.url}/moter/${pastMeetingId}/referat`);
    await leader.getByText(payloads.notes).waitFor();
    await leader.getByText(payloads.conclusion, { exact: false }).waitFor();
    await leader.getByRole('heading', { name: /Støtte <img src=x/ }).waitFor();
    expect(await leader.locator('main img, main script, main svg[onload]').count()).toBe(0);
    expect(await ran(leader)).toBe(0);
  });

  it('shows them as text in search results (with the match marked) and in the timeline', async () => {
    await leader.goto(`${server.url}/sok?q=konklusjon+anførsel`);
    await leader.getByRole('heading', { name: '1 treff.' }).waitFor();
    await leader.getByRole('link', { name: /Støtte <img src=x/ }).waitFor();
    expect(await leader.locator('main img').count()).toBe(0);
    expect(await ran(leader)).toBe(0);
    await leader.goto(
      `${server.url}/historikk/person?unit=${(await demoFixtures(db)).mainUnit.id}&ref=${encodeURIComponent('EPJ 2025/0712')}`,
    );
    await leader.getByText(payloads.conclusion, { exact: false }).waitFor();
    expect(await leader.locator('main img, main svg[onload]').count()).toBe(0);
    expect(await ran(leader)).toBe(0);
  });

  it('keeps them as text on the case page and in the PDF', async () => {
    await leader.goto(`${server.url}/saker/${caseId}`);
    await leader.getByRole('heading', { name: /Støtte <img src=x/ }).waitFor();
    expect(await ran(leader)).toBe(0);
    const response = await leader.request.get(`${server.url}/moter/${pastMeetingId}/referat/pdf`);
    expect(response.status()).toBe(200);
    const text = pdfText(new Uint8Array(await response.body())).replace(/\s+/g, ' ');
    expect(text).toContain('<script>window.__xss');
  });

  it('keeps a payload in every free-text field of the submitted form as text where the minutes repeat it', async () => {
    // Every submitted version, so whichever one a page shows carries the payloads.
    for (const version of await db.caseVersion.findMany({ where: { caseId } })) {
      const content = JSON.parse(version.content) as Record<string, unknown>;
      for (const field of textFields)
        content[field] = `${field} <img src=x onerror="window.__xss=(window.__xss||0)+1"> <script>window.__xss=1</script>`;
      content.personRef = 'EPJ <b>1</b>'; // at most 40 characters
      await db.caseVersion.update({ where: { id: version.id }, data: { content: JSON.stringify(content) } });
    }
    // (The case page shows the form in inputs and text areas, whose values are never markup.)
    for (const path of [`/moter/${pastMeetingId}/referat`]) {
      await leader.goto(`${server.url}${path}`);
      await leader
        .getByText('samletVurdering <img src=x', { exact: false })
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(() => {
          throw new Error(`no payload shown as text on ${path}`);
        });
      expect(await leader.locator('main img, main script').count(), path).toBe(0);
      expect(await ran(leader), path).toBe(0);
    }
  });

  it('causes no Content-Security-Policy violation on the pages with charts, search, the meeting room and the case editor', async () => {
    const { meeting } = await demoFixtures(db);
    for (const path of [
      '/historikk/statistikk',
      '/sok?q=avlastning',
      `/moter/${meeting.id}/rom`,
      '/oppfolging',
      `/saker/${(await demoFixtures(db)).draftCase.id}`,
    ]) {
      await leader.goto(`${server.url}${path}`);
      await leader.waitForLoadState('networkidle');
      expect({ path, violations: await leader.evaluate(() => (window as unknown as { __csp: string[] }).__csp) }).toEqual({
        path,
        violations: [],
      });
    }
  });
});

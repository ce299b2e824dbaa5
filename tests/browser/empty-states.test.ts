import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { systemClock } from '../../lib/time/clock';
import { browserTraces, wcagViolations } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { chairAndSaraInRoom } from '../support/meeting-room';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * A meeting no case was submitted to (issue 20): its saksliste page and its
 * room, where no item can be chosen, say so in Designsystemet's info alert —
 * in the room in words for the one reading it (the chair is not told to wait
 * for the chair, nor a participant to choose an item that is not there) — and
 * pass axe at 390 and 1280 px.
 */
describe('a meeting with no cases says so', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let meetingId: string;
  let emptyMeetingId: string;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const { mainUnit, meeting } = await demoFixtures(db);
    meetingId = meeting.id;
    // A saksmøte in a week, by the clock the server reads too, that nobody has submitted a case to.
    const startsAt = new Date(systemClock.now().getTime() + 7 * 86_400_000);
    emptyMeetingId = (
      await db.meeting.create({
        data: {
          unitId: mainUnit.id,
          chairId: (await db.user.findUniqueOrThrow({ where: { email: demo.chair } })).id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 90 * 60_000),
          submissionDeadline: new Date(startsAt.getTime() - 86_400_000),
        },
      })
    ).id;
    ({ browser, chair, sara } = await chairAndSaraInRoom(server.url, meetingId));
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  /** The info alert with exactly this text, and axe clean around it at a phone's width and a desktop's. */
  async function saysInInfoAlert(page: Page, text: string) {
    const alert = page.locator('.ds-alert[data-color="info"]', { hasText: text });
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe(text);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await alert.isVisible()).toBe(true);
      expect({ width, violations: await wcagViolations(page) }).toEqual({ width, violations: [] });
    }
  }

  it('says on the saksliste page that no case has been submitted', async () => {
    await chair.goto(`${server.url}/moter/${emptyMeetingId}`);
    await saysInInfoAlert(chair, 'Ingen saker er meldt inn til dette møtet ennå.');
  });

  it('says in the room that no item can be chosen yet, and tells the chair what to do about it', async () => {
    await Promise.all([chair, sara].map((page) => page.goto(`${server.url}/moter/${emptyMeetingId}/rom`)));
    await saysInInfoAlert(sara, 'Ingen saker er meldt inn til dette møtet ennå.');
    await saysInInfoAlert(chair, 'Ingen saker er meldt inn til dette møtet ennå. Du kan legge til et punkt i sakslisten.');
    // Not the words for an agenda with items and none chosen.
    for (const page of [chair, sara])
      expect(await page.getByText('Møtelederen har ikke valgt et punkt ennå.', { exact: false }).count()).toBe(0);
  });
});

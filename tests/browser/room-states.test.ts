import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { browserTraces, wcagViolations } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demoFixtures, openDb } from '../support/fixtures';
import { chairAndSaraInRoom, makeCurrent } from '../support/meeting-room';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const widths = [1280, 390];

/**
 * axe on the meeting room in every state it goes through, on the chair's screen
 * and a caseworker's (two browsers), at a wide and a phone width: before the
 * meeting is open, open with an item up, an item locked, the A-list concluded,
 * and closed (then loaded again). WCAG 2.0–2.2 A and AA, as every-page runs it.
 * Each state is first checked to be what it says (the screens show it), so
 * an axe pass means that state.
 */
describe('the meeting room passes axe in every state, on the chair’s screen and a caseworker’s', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let meetingId: string;
  let info: string;
  let discuss: string;
  printLogsOnFailure(() => server, browserTraces);

  /** No violation on either screen at either width (the window back at 1280 px afterwards). */
  async function bothPassAxe() {
    for (const page of [chair, sara]) {
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        expect({ width, violations: await wcagViolations(page) }).toEqual({ width, violations: [] });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    meetingId = (await demoFixtures(db)).meeting.id;
    const items = await syncAgenda(db, meetingId);
    const cases = await db.case.findMany({ where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) } } });
    const titleOf = (purpose: string) => cases.find((c) => c.purpose === purpose)!.title;
    [info, discuss] = [titleOf('orientering'), titleOf('drofting')];
    ({ browser, chair, sara } = await chairAndSaraInRoom(server.url, meetingId));
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('before the meeting is open', async () => {
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).not.toBe('open');
    for (const page of [chair, sara]) expect(await page.getByRole('timer').count()).toBe(0);
    await bothPassAxe();
  });

  it('open, with an item up on both screens', async () => {
    await makeCurrent(chair, discuss);
    await sara.getByRole('heading', { name: discuss }).waitFor();
    await sara.getByRole('timer').waitFor();
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('open');
    await bothPassAxe();
  });

  it('with the item locked', async () => {
    await chair.getByRole('radio', { name: 'Drøftet – råd gitt', exact: true }).check();
    await chair.getByText('Tilkoblet. Alle endringer er lagret.').first().waitFor();
    await chair.getByRole('button', { name: 'Lås punktet' }).click();
    // An earlier like case that ended otherwise asks for the reason first (lib/history/like-case-deviation.ts).
    const deviation = chair.getByRole('dialog', { name: 'Like saker skal behandles likt' });
    const locked = chair.getByText('Punktet er låst. Ingen kan endre det.');
    await deviation.or(locked).first().waitFor();
    if (await deviation.isVisible()) {
      await deviation.getByLabel('Begrunnelse for avviket (påkrevd)').fill('Situasjonen er en annen enn i den forrige saken.');
      await deviation.getByRole('button', { name: 'Lås med begrunnelse' }).click();
    }
    await locked.waitFor();
    await sara.getByText('Punktet er låst. Ingen kan endre det.').waitFor();
    // The lock is the design system's information box on both screens (no grey-on-grey home-made box).
    for (const page of [chair, sara]) {
      expect(await page.locator('.ds-alert[data-color="info"]').filter({ hasText: 'Punktet er låst. Ingen kan endre det.' }).count()).toBe(
        1,
      );
    }
    await bothPassAxe();
  });

  it('with the A-list concluded', async () => {
    await chair.getByRole('button', { name: 'Ta A-listen til orientering' }).click();
    await chair
      .getByRole('dialog', { name: 'Ta A-listen til orientering?' })
      .getByRole('button', { name: 'Ja, ta til orientering' })
      .click();
    const aList = (page: Page) => page.getByRole('region', { name: 'A-liste – til orientering uten drøfting' });
    for (const page of [chair, sara]) {
      await expect
        .poll(async () => (await aList(page).getByRole('listitem').filter({ hasText: info }).textContent()) ?? '')
        .toContain('Konkludert');
    }
    await bothPassAxe();
  });

  it('closed, live and loaded again', async () => {
    await chair.getByRole('button', { name: 'Avslutt møtet' }).click();
    await chair.getByRole('dialog', { name: 'Avslutte møtet?' }).getByRole('button', { name: 'Ja, avslutt møtet' }).click();
    for (const page of [chair, sara]) await page.getByText('Møtet er avsluttet.').first().waitFor();
    // Said as a status, in the design system's success box, with the way to the minutes.
    for (const page of [chair, sara]) {
      const notice = page.locator('.ds-alert[data-color="success"][role="status"]').filter({ hasText: 'Møtet er avsluttet.' });
      expect(await notice.getByRole('link', { name: 'Se referatet' }).count()).toBe(1);
    }
    await bothPassAxe();
    for (const page of [chair, sara]) {
      await page.reload();
      await page.getByText(/^Avsluttet \d/).waitFor();
    }
    // Sara's screen lists a colleague's item withheld (lib/meetings/agenda-items.ts); open it too.
    const withheld = sara.locator('[data-agenda-item]').filter({ hasText: 'Punkt du ikke har innsyn i' }).first();
    await withheld.getByRole('button').click();
    await sara.getByText('Etter møtet ser du bare punktene om dine egne saker.', { exact: false }).waitFor();
    await bothPassAxe();
  });
});

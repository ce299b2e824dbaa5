import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { nb } from '../../lib/i18n/nb';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { editorText } from '../support/editor-field';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { walkByKeyboard } from '../support/keyboard-walk';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

/**
 * The meeting room by keyboard only (issue 20): a chair who does not use a
 * mouse walks the whole room — agenda, the submitted case, notes, the
 * conclusion — and runs an item from taking it up to locking it, while a
 * participant in another browser sees each step. At a desktop and a tablet
 * width; the page scrolls, so the sticky header is in play.
 */
const title = 'Økt behov for miljøarbeidertjeneste etter flytting til egen bolig — hvor mange timer er forsvarlig?';
const sizes = [
  { width: 1280, height: 720 },
  { width: 768, height: 1024 },
];

describe('the meeting room by keyboard only', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let roomUrl: string;
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    browser = await launchBrowser();
    roomUrl = `${server.url}/moter/${(await demoFixtures(db)).meeting.id}/rom`;
    chair = (await signIn(browser, server.url, demo.chair)).page;
    sara = (await signIn(browser, server.url, demo.caseworker)).page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  /** Tab (or Shift+Tab) until the focus is in `target`; fails when it never gets there. */
  async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    for (let i = 0; i < 300; i++) {
      if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
      await page.keyboard.press(key);
    }
    throw new Error(`the keyboard never reached ${target.toString()}`);
  }

  const connected = (page: Page) => page.getByRole('status').filter({ hasText: 'Tilkoblet.' }).waitFor();

  it('takes up an item, writes notes and a conclusion, and locks it, all by keyboard; the participant sees each step', async () => {
    await chair.setViewportSize(sizes[0]);
    await chair.goto(roomUrl);
    await sara.goto(roomUrl);
    await connected(chair);
    await connected(sara);

    // Take the item up from the agenda; the meeting opens before its deadline only when the chair confirms.
    await tabTo(chair, chair.getByRole('button', { name: `Gjør til aktuelt punkt: ${title}` }));
    await chair.keyboard.press('Enter');
    const early = chair.getByRole('dialog', { name: 'Fristen for innmelding er ikke ute' });
    const timer = chair.getByRole('timer');
    await early.or(timer).first().waitFor();
    if (await early.isVisible()) {
      await tabTo(chair, early.getByRole('button', { name: 'Åpne møtet likevel' }));
      await chair.keyboard.press('Enter');
    }
    await sara.getByRole('heading', { name: title, level: 2 }).waitFor();

    const notes = chair.getByRole('textbox', { name: 'Notater fra møtet' });
    await tabTo(chair, notes);
    await chair.keyboard.type('Timene trappes ned etter tre måneder.');
    await expect
      .poll(() => editorText(sara.getByRole('textbox', { name: 'Notater fra møtet' })))
      .toBe('Timene trappes ned etter tre måneder.');

    // The outcome is a radio group: Tab enters it, the arrows choose, Space takes the one in focus.
    await tabTo(chair, chair.getByRole('group', { name: 'Utfall' }));
    for (
      let i = 0;
      i < 5 && !(await chair.getByRole('radio', { name: 'Drøftet – råd gitt' }).evaluate((el) => el === document.activeElement));
      i++
    )
      await chair.keyboard.press('ArrowDown');
    await chair.keyboard.press('Space');
    await expect.poll(() => sara.getByRole('radio', { name: 'Drøftet – råd gitt' }).isChecked()).toBe(true);

    await tabTo(chair, chair.getByRole('textbox', { name: 'Konklusjon med begrunnelse' }));
    await chair.keyboard.type('Fem timer mer per uke i tre måneder.');
    await expect
      .poll(() => editorText(sara.getByRole('textbox', { name: 'Konklusjon med begrunnelse' })))
      .toBe('Fem timer mer per uke i tre måneder.');

    await tabTo(chair, chair.getByRole('button', { name: 'Lås punktet' }));
    await chair.keyboard.press('Enter');
    await sara.getByText('Punktet er låst. Ingen kan endre det.').waitFor();
    // The focus is not lost to the page when the button it was on turns into 'Lås opp'.
    await expect.poll(() => chair.evaluate(() => document.activeElement !== document.body)).toBe(true);
  });

  it('asks before closing in a dialog that the keyboard can leave: Escape closes it and the focus goes back', async () => {
    const close = chair.getByRole('button', { name: 'Avslutt møtet' });
    await tabTo(chair, close);
    await chair.keyboard.press('Enter');
    const dialog = chair.getByRole('dialog', { name: 'Avslutte møtet?' });
    await dialog.waitFor();
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await chair.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => close.evaluate((el) => el === document.activeElement)).toBe(true);
    // Nothing closed: the participant's room is still running.
    expect(await sara.getByText('Møtet er avsluttet.').count()).toBe(0);
  });

  for (const size of sizes)
    it(`at ${size.width} px: Tab and Shift+Tab reach every control of the room in order, the focus visible and never under the header`, async () => {
      await chair.setViewportSize(size);
      await chair.goto(roomUrl);
      await connected(chair);
      await chair.getByRole('heading', { name: title, level: 2 }).waitFor();
      // Open, not locked: the walk covers the conclusion's controls too.
      const unlock = chair.getByRole('button', { name: 'Lås opp' });
      if (await unlock.isVisible()) {
        await unlock.focus();
        await chair.keyboard.press('Enter');
        await chair.getByRole('button', { name: 'Lås punktet' }).waitFor();
      }
      await chair.locator('header a').first().focus();
      const walked = await walkByKeyboard(chair);
      expect(walked.expected.length, 'controls in the room').toBeGreaterThan(10);
      expect(walked.reachedFooter, 'Tab goes on past the room to the footer (no trap in an editor)').toBe(true);
      const all = walked.expected.map((_, i) => String(i));
      expect(
        walked.forward.map((w) => walked.expected[Number(w)]),
        'forward',
      ).toEqual(walked.expected);
      expect(walked.backward, 'backward').toEqual([...all].reverse());
      expect(walked.hidden).toEqual([]);
    });
  it('on a phone, a link at the top goes past the agenda to the item being read; on a wide screen there is none', async () => {
    await sara.setViewportSize({ width: 390, height: 844 });
    await sara.goto(roomUrl);
    await connected(sara);
    const heading = sara.getByRole('heading', { name: title, level: 2 });
    await heading.waitFor();
    const skip = sara.getByRole('link', { name: nb.meetingRoom.skipAgenda });
    // Below the whole agenda at first …
    expect((await heading.boundingBox())!.y).toBeGreaterThan(844);
    await skip.focus();
    await sara.keyboard.press('Enter');
    // … and in view, below the sticky header, once the link is followed.
    const headerBottom = await sara
      .locator('header')
      .first()
      .evaluate((e) => e.getBoundingClientRect().bottom);
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(headerBottom);
    expect((await heading.boundingBox())!.y).toBeLessThan(844);
    expect(await accessibilityViolations(sara)).toEqual([]);
    await sara.setViewportSize({ width: 1280, height: 720 });
    expect(await skip.isVisible()).toBe(false);
  });
});

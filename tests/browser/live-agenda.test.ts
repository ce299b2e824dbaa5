import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { splitAList } from '../../lib/meetings/agenda-rules';
import { itemStates } from '../../lib/meetings/item-state';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { makeCurrent } from '../support/meeting-room';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const aListName = 'A-liste – til orientering uten drøfting';
/** "Within a second" on a quiet machine; the poll allows for a loaded CI runner. */
const live = { timeout: 3000, interval: 50 };

/**
 * The saksliste page is live (app/moter/[id]/live-agenda.tsx): the chair in
 * the room moves an item on to the A-list, adds one, reorders, takes one up,
 * locks it and closes the meeting, and Sara's saksliste page and Lea the
 * leader's room, open all along in other browsers, show each change without a
 * reload — without Sara being counted present in the room. After each, the
 * three screens list the same items in the same order with the same states
 * (lib/meetings/item-state.ts), which are the stored ones.
 */
describe('the saksliste page follows the chair live', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let leader: Page;
  let meetingId: string;
  let discuss: string;
  printLogsOnFailure(() => server, browserTraces);

  const aListText = (page: Page) => page.getByRole('region', { name: aListName }).textContent();

  /** One screen's agenda as it reads: each item's id, its number and title, and its states, in order. */
  const screenAgenda = (page: Page) =>
    page.locator('[data-agenda-item]').evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-agenda-item'),
        label: (row.querySelector(':scope > button, :scope > div > p')?.textContent ?? '').trim(),
        states: row.querySelector('[data-item-states]')?.getAttribute('data-item-states') ?? null,
      })),
    );
  /** The stored agenda: the items to discuss, then the A-list, each with its stored states. */
  async function storedAgenda() {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const items = await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
    const { rest, aList } = splitAList(items);
    return [...rest, ...aList].map((item) => ({
      id: item.id,
      caseId: item.caseId,
      states: itemStates(item, meeting.currentItemId).join(' '),
    }));
  }
  /**
   * Every screen shows the stored agenda, and the screens read alike (numbers and titles included). Once the
   * meeting is closed it is history, and Sara (a caseworker) sees the items of her own cases only
   * (lib/meetings/agenda-items.ts): those, with the same states as everyone's.
   */
  async function everyScreenShowsTheStoredAgenda(options: { closed?: boolean; stored?: () => Promise<boolean> } = {}) {
    // First what the chair did is stored (the screens may still show the agenda from before it, which is stored too).
    if (options.stored) await expect.poll(options.stored, live).toBe(true);
    const stored = await storedAgenda();
    const want = stored.map(({ id, states }) => ({ id, states }));
    const sarasCases = new Set(
      (await db.case.findMany({ where: { createdBy: { email: demo.caseworker } }, select: { id: true } })).map((c) => c.id),
    );
    const wantSara = options.closed
      ? stored.filter((i) => i.caseId && sarasCases.has(i.caseId)).map(({ id, states }) => ({ id, states }))
      : want;
    const ids = async (page: Page) => (await screenAgenda(page)).map(({ id, states }) => ({ id, states }));
    await expect.poll(() => ids(chair), live).toEqual(want);
    await expect.poll(() => ids(leader), live).toEqual(want);
    await expect.poll(() => ids(sara), live).toEqual(wantSara);
    const [first, other, saras] = await Promise.all([chair, leader, sara].map(screenAgenda));
    expect(other).toEqual(first);
    // Her items keep the numbers they have on the whole agenda (no renumbering of what she is shown).
    expect(saras).toEqual(first.filter((row) => saras.some((own) => own.id === row.id)));
    return first;
  }

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    meetingId = (await demoFixtures(db)).meeting.id;
    const items = await syncAgenda(db, meetingId);
    const cases = await db.case.findMany({ where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) } } });
    discuss = cases.find((c) => c.purpose === 'drofting')!.title;
    browser = await launchBrowser();
    chair = (await signIn(browser, server.url, demo.chair)).page;
    sara = (await signIn(browser, server.url, demo.caseworker)).page;
    leader = (await signIn(browser, server.url, demo.leader)).page;
    await chair.goto(`${server.url}/moter/${meetingId}/rom`);
    await leader.goto(`${server.url}/moter/${meetingId}/rom`);
    await sara.goto(`${server.url}/moter/${meetingId}`);
    await chair.getByText(/Til stede:.*Mona Møteleder/).waitFor();
    await leader.getByText(/Til stede:.*Mona Møteleder/).waitFor();
    // Sara's page is watching before the chair does anything (its socket connects after the page loads).
    await sara.locator('[data-live-agenda="watching"]').waitFor({ state: 'attached' });
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('shows an item the chair moves on to the A-list in the room, and Sara is not counted present', async () => {
    expect(await aListText(sara)).not.toContain(discuss);
    await chair.getByRole('button', { name: `Flytt til A-listen: ${discuss}` }).click();
    await expect.poll(() => aListText(sara), live).toContain(discuss);
    expect(await chair.getByText(/Til stede:/).textContent()).not.toContain('Sara');
  });

  it('follows an item the chair adds', async () => {
    await chair.getByLabel('Tittel på punktet').fill('Orientering om ferieavviklingen');
    await chair.getByRole('button', { name: 'Legg til punkt' }).click();
    await expect.poll(async () => (await sara.locator('main').textContent()) ?? '', live).toContain('Orientering om ferieavviklingen');
    expect(await accessibilityViolations(sara)).toEqual([]);
  });

  it('shows a reorder in the same order on every screen', async () => {
    const before = await everyScreenShowsTheStoredAgenda();
    // The first item the chair can move down (within its list: the items to discuss, or the A-list).
    const down = chair.getByRole('button', { name: /^Flytt ned: /, disabled: false }).first();
    const title = ((await down.getAttribute('aria-label')) ?? '').replace(/^Flytt ned: /, '');
    const from = before.findIndex((row) => row.label.endsWith(`. ${title}`));
    await down.click();
    // The item and the one after it changed places; everything else stayed.
    const swapped = before.map((row) => row.id);
    [swapped[from], swapped[from + 1]] = [swapped[from + 1], swapped[from]];
    const order = async () => (await storedAgenda()).map((row) => row.id).join() === swapped.join();
    const after = await everyScreenShowsTheStoredAgenda({ stored: order });
    expect(after.map((row) => row.id)).toEqual(swapped);
  });

  it('shows the item the chair takes up and then locks, with the same states on every screen', async () => {
    await makeCurrent(chair, 'Orientering om ferieavviklingen');
    const added = await db.agendaItem.findFirstOrThrow({ where: { meetingId, title: 'Orientering om ferieavviklingen' } });
    const current = await everyScreenShowsTheStoredAgenda({
      stored: async () => (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).currentItemId === added.id,
    });
    expect(current.filter((row) => row.states === 'current').map((row) => row.label)).toEqual([
      expect.stringContaining('Orientering om ferieavviklingen'),
    ]);
    await chair.getByRole('radio', { name: 'Tatt til orientering', exact: true }).check();
    await chair.getByRole('button', { name: 'Lås punktet' }).click();
    const locked = await everyScreenShowsTheStoredAgenda({
      stored: async () => (await db.agendaItem.findUniqueOrThrow({ where: { id: added.id } })).locked,
    });
    expect(locked.find((row) => row.label.includes('Orientering om ferieavviklingen'))?.states).toBe('current locked concluded');
    expect(await accessibilityViolations(sara)).toEqual([]);
  });

  it('shows the close and the items carried over on every screen, and the carried items on the saksliste of the next meeting', async () => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const next = await db.meeting.findFirstOrThrow({
      where: { unitId: meeting.unitId, status: 'planned', startsAt: { gt: meeting.startsAt } },
      orderBy: { startsAt: 'asc' },
    });
    // Lea also has the next meeting's saksliste open, from before the close.
    const nextPage = await leader.context().newPage();
    await nextPage.goto(`${server.url}/moter/${next.id}`);
    await nextPage.locator('[data-live-agenda="watching"]').waitFor({ state: 'attached' });
    expect(await nextPage.getByRole('main').textContent()).not.toContain(discuss);

    await chair.getByRole('button', { name: 'Avslutt møtet' }).click();
    await chair.getByRole('dialog', { name: 'Avslutte møtet?' }).getByRole('button', { name: 'Ja, avslutt møtet' }).click();
    const closed = await everyScreenShowsTheStoredAgenda({
      closed: true,
      stored: async () => (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status === 'closed',
    });
    // Nothing is current any more; what was not dealt with is locked and carried over, the one dealt with concluded.
    expect(closed.some((row) => row.states?.includes('current'))).toBe(false);
    expect(closed.filter((row) => row.states === 'locked carried_over').map((row) => row.label)).toContainEqual(
      expect.stringContaining(discuss),
    );
    expect(closed.find((row) => row.label.includes('Orientering om ferieavviklingen'))?.states).toBe('locked concluded');
    await sara.getByRole('link', { name: 'Se referatet' }).waitFor();
    // The minutes list the items as the agenda did, with the same numbers, for the chair and for Sara (her own).
    const minutesHeadings = async (page: Page) => {
      const minutes = await page.context().newPage();
      await minutes.goto(`${server.url}/moter/${meetingId}/referat`);
      const headings = (await minutes.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).filter((h) =>
        /^A?\d+\. /.test(h),
      );
      await minutes.close();
      return headings.map((h) => h.trim());
    };
    expect(await minutesHeadings(chair)).toEqual(closed.map((row) => row.label));
    const sarasHeadings = await minutesHeadings(sara);
    expect(sarasHeadings.length).toBeGreaterThan(0);
    expect(closed.map((row) => row.label)).toEqual(expect.arrayContaining(sarasHeadings));
    // The case carried on reaches the next meeting's open saksliste, marked as carried over.
    const carried = nextPage.locator('[data-agenda-item]').filter({ hasText: discuss });
    await expect.poll(() => carried.count(), live).toBe(1);
    expect(await carried.textContent()).toContain('Overført fra forrige møte');
    expect(await accessibilityViolations(nextPage)).toEqual([]);
    await nextPage.close();
  });
});

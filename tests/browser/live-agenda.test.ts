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
   * meeting is closed it is history: Sara (a caseworker) sees what her own cases' items were about only
   * (lib/meetings/agenda-items.ts), but the list is the same — every item, its number and its states — and the
   * others are listed as "Punkt du ikke har innsyn i".
   */
  async function everyScreenShowsTheStoredAgenda(options: { closed?: boolean; stored?: () => Promise<boolean>; also?: Page[] } = {}) {
    // First what the chair did is stored (the screens may still show the agenda from before it, which is stored too).
    if (options.stored) await expect.poll(options.stored, live).toBe(true);
    const stored = await storedAgenda();
    const want = stored.map(({ id, states }) => ({ id, states }));
    const sarasCases = new Set(
      (await db.case.findMany({ where: { createdBy: { email: demo.caseworker } }, select: { id: true } })).map((c) => c.id),
    );
    const ids = async (page: Page) => (await screenAgenda(page)).map(({ id, states }) => ({ id, states }));
    const saras = [sara, ...(options.also ?? [])];
    for (const page of [chair, leader, ...saras]) await expect.poll(() => ids(page), live).toEqual(want);
    const first = await screenAgenda(chair);
    expect(await screenAgenda(leader)).toEqual(first);
    const wantSara = first.map((row, i) => {
      const own = !options.closed || (stored[i].caseId !== null && sarasCases.has(stored[i].caseId!));
      return own ? row : { ...row, label: `${row.label.split('. ')[0]}. Punkt du ikke har innsyn i` };
    });
    for (const page of saras) await expect.poll(() => screenAgenda(page), live).toEqual(wantSara);
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

    // Sara has the room open too (her saksliste page beside it).
    const saraRoom = await sara.context().newPage();
    await saraRoom.goto(`${server.url}/moter/${meetingId}/rom`);
    await saraRoom.getByText(/Til stede:.*Sara/).waitFor();
    await everyScreenShowsTheStoredAgenda({ also: [saraRoom] });

    await chair.getByRole('button', { name: 'Avslutt møtet' }).click();
    await chair.getByRole('dialog', { name: 'Avslutte møtet?' }).getByRole('button', { name: 'Ja, avslutt møtet' }).click();
    const closed = await everyScreenShowsTheStoredAgenda({
      closed: true,
      also: [saraRoom],
      stored: async () => (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status === 'closed',
    });
    // Loaded again, every screen lists the same: the whole agenda, numbered as in the meeting, with the same states.
    for (const page of [chair, leader, sara, saraRoom]) await page.reload();
    expect(await everyScreenShowsTheStoredAgenda({ closed: true, also: [saraRoom] })).toEqual(closed);
    // A colleague's item says only that it is not hers: nothing of the case, and no document is opened for it.
    const withheld = saraRoom.locator('[data-agenda-item]').filter({ hasText: 'Punkt du ikke har innsyn i' }).first();
    const sockets: string[] = [];
    saraRoom.on('websocket', (ws) => sockets.push(ws.url()));
    await withheld.getByRole('button').click();
    await saraRoom.getByText('Etter møtet ser du bare punktene om dine egne saker.', { exact: false }).waitFor();
    const items = await db.agendaItem.findMany({ where: { meetingId }, select: { caseId: true } });
    const colleagues = await db.case.findMany({
      where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) }, createdBy: { email: { not: demo.caseworker } } },
      select: { title: true, personRef: true },
    });
    expect(colleagues.length).toBeGreaterThan(0);
    for (const page of [saraRoom, sara]) {
      const text = await page.getByRole('main').textContent();
      for (const c of colleagues) expect(text).not.toContain(c.title);
      for (const c of colleagues) expect(text).not.toContain(c.personRef);
    }
    expect(sockets.filter((url) => url.includes('/yjs/'))).toEqual([]);
    expect(await accessibilityViolations(saraRoom)).toEqual([]);
    await saraRoom.close();
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

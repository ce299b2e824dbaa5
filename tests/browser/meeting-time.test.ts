import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { formatTime } from '../../lib/i18n/format';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { accessibilityViolations, browserTraces, launchBrowser, signIn } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { makeCurrent } from '../support/meeting-room';
import { systemClock } from '../../lib/time/clock';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const minute = 60_000;
const fakeTime = ['x86_64', 'aarch64'].map((arch) => `/usr/lib/${arch}-linux-gnu/faketime/libfaketime.so.1`).find((f) => existsSync(f));

/**
 * The meeting's time from one source: every screen computes the current
 * item's time left and the planned end from the server's item starts, time
 * boxes and the server's own time — never the device's clock. The server's
 * clock is injected and stands still (libfaketime, at the second this file
 * starts), so what the screens must say is exact. The two browsers' clocks
 * are pinned WRONG (Playwright's clock): the chair's 7 minutes fast, Sara's 3
 * minutes slow. Each room measures its offset from the server's `now` in the
 * join answer (lib/time/clock-offset.ts); both must then say exactly what the
 * server's time gives, and after the close neither runs a timer.
 */
describe('time in the meeting room, the same on two screens whatever their clocks say', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let sara: Page;
  let meetingId: string;
  let titles: string[];
  /** The server's time: this file's start, to the second (near the real time, or Chromium's cookies would have expired). */
  const serverNow = new Date(Math.floor(systemClock.now().getTime() / 1000) * 1000);
  printLogsOnFailure(() => server, browserTraces);

  const plannedEndText = (page: Page) => page.getByText(/^Planlagt slutt \d/).textContent();
  const timerText = (page: Page) => page.getByRole('timer').textContent();

  beforeAll(async () => {
    if (!fakeTime) throw new Error("Debian's faketime is missing (apt-get install faketime; scripts/ensure-chromium.sh does it)");
    database = await createTestDatabase('sqlite');
    server = await startTestServer({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      // An absolute FAKETIME stands still (timers run on the real monotonic clock).
      env: {
        LD_PRELOAD: fakeTime!,
        FAKETIME: serverNow.toISOString().slice(0, 19).replace('T', ' '),
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
        TZ: 'UTC',
      },
    });
    db = openDb(database.url);
    const { meeting } = await demoFixtures(db);
    meetingId = meeting.id;
    const items = await syncAgenda(db, meeting.id);
    const cases = await db.case.findMany({ where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) } } });
    titles = items.map((item) => cases.find((c) => c.id === item.caseId)?.title ?? '');
    browser = await launchBrowser();
    chair = (await signIn(browser, server.url, demo.chair)).page;
    sara = (await signIn(browser, server.url, demo.caseworker)).page;
    // Both devices' clocks wrong, in opposite directions, from the first page of the room on.
    await chair.context().clock.setFixedTime(new Date(serverNow.getTime() + 7 * minute));
    await sara.context().clock.setFixedTime(new Date(serverNow.getTime() - 3 * minute));
    const roomUrl = `${server.url}/moter/${meeting.id}/rom`;
    await chair.goto(roomUrl);
    await sara.goto(roomUrl);
    await sara.getByText(/Til stede:.*Mona Møteleder/).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  /** What the screens must say, worked out here from the stored meeting (not by the function under test). */
  async function expected(at: Date) {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const items = await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
    const current = items.find((i) => i.id === meeting.currentItemId)!;
    const currentEnds = current.startedAt!.getTime() + current.plannedMinutes * minute;
    const rest = items.filter((i) => i.id !== current.id).reduce((sum, i) => sum + i.plannedMinutes * minute, 0);
    const left = Math.round((currentEnds - at.getTime()) / 1000);
    // Opened before its scheduled start (only the current item has started here): it counts from that start.
    const from = Math.min(meeting.startsAt.getTime(), current.startedAt!.getTime());
    return {
      timer: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} igjen`,
      plannedEnd: `Planlagt slutt ${formatTime(new Date(Math.max(from, currentEnds) + rest))}`,
    };
  }

  /** Minutes of every item but the first (the scheduled start plus these was the old, odd planned end). */
  async function restMinutes() {
    const items = await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
    return items.slice(1).reduce((sum, i) => sum + i.plannedMinutes, 0);
  }

  it('shows both people the same time left and the same planned end', async () => {
    await makeCurrent(chair, titles[0]);
    await sara.getByRole('timer').waitFor();
    const first = await db.agendaItem.findFirstOrThrow({ where: { meetingId }, orderBy: { position: 'asc' } });
    // The server's clock stands still: the item started at its now. Moved 3 min 30 s back, and the meeting half an
    // hour before that (its slot long enough, so the planned end follows the item's start).
    expect(first.startedAt?.toISOString()).toBe(serverNow.toISOString());
    // The demo meeting is the next one open for submissions: opened now, it opened before its scheduled start
    // (days before, often). Its planned end counts from now, the item's start, not from the scheduled start.
    const scheduled = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(scheduled.startsAt.getTime()).toBeGreaterThan(serverNow.getTime());
    const early = await expected(serverNow);
    expect(early.plannedEnd).not.toBe(
      `Planlagt slutt ${formatTime(new Date(scheduled.startsAt.getTime() + (await restMinutes()) * minute))}`,
    );
    for (const page of [chair, sara]) await expect.poll(() => plannedEndText(page)).toBe(early.plannedEnd);
    const started = new Date(serverNow.getTime() - 3.5 * minute);
    await db.agendaItem.update({ where: { id: first.id }, data: { startedAt: started } });
    await db.meeting.update({
      where: { id: meetingId },
      data: { startsAt: new Date(started.getTime() - 30 * minute), endsAt: new Date(started.getTime() + 240 * minute) },
    });
    for (const page of [chair, sara]) {
      await page.reload();
      await page.getByRole('timer').waitFor();
    }
    const want = await expected(serverNow);
    // What a screen would say on its own clock is not that (the check would prove nothing otherwise).
    expect((await expected(new Date(serverNow.getTime() + 7 * minute))).timer).not.toBe(want.timer);
    for (const page of [chair, sara]) {
      await expect.poll(() => timerText(page)).toBe(want.timer);
      await expect.poll(() => plannedEndText(page)).toBe(want.plannedEnd);
    }
    expect(await accessibilityViolations(sara)).toEqual([]);
  });

  it('moves the planned end on both screens when the chair gives an item more time', async () => {
    const field = chair.getByLabel(`Minutter for ${titles[1]}`);
    const before = Number(await field.inputValue());
    await field.fill(String(before + 20));
    await field.blur();
    await expect
      .poll(async () => (await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } }))[1].plannedMinutes)
      .toBe(before + 20);
    const want = await expected(serverNow);
    for (const page of [chair, sara]) await expect.poll(() => plannedEndText(page)).toBe(want.plannedEnd);
    expect(await timerText(sara)).toBe(want.timer);
  });

  it('keeps "min over avsatt tid" and the planned end when a meeting opened early on its day reaches its slot', async () => {
    // Scheduled ten minutes ago; the first item was taken up twenty minutes before that and is running over. The
    // slot counts from that start (as long as the scheduled one), so the meeting runs ten minutes past it.
    const items = await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
    const rest = items.slice(1).reduce((sum, i) => sum + i.plannedMinutes, 0);
    const startsAt = new Date(serverNow.getTime() - 10 * minute);
    await db.agendaItem.update({
      where: { id: items[0].id },
      data: { startedAt: new Date(serverNow.getTime() - 30 * minute), plannedMinutes: 10 },
    });
    await db.meeting.update({ where: { id: meetingId }, data: { startsAt, endsAt: new Date(startsAt.getTime() + (rest + 20) * minute) } });
    for (const page of [chair, sara]) await page.reload();
    const plannedEnd = `Planlagt slutt ${formatTime(new Date(serverNow.getTime() + rest * minute))}`;
    for (const page of [chair, sara]) {
      await expect.poll(() => plannedEndText(page)).toBe(`${plannedEnd}10 min over avsatt tid`);
      await expect.poll(() => timerText(page)).toBe('20:00 over tiden');
    }
    // The chair takes up the next item now, inside the scheduled slot: nothing jumps, on either screen.
    await makeCurrent(chair, titles[1]);
    await expect.poll(async () => (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).currentItemId).toBe(items[1].id);
    const timer = `${items[1].plannedMinutes}:00 igjen`;
    for (const page of [chair, sara]) {
      await expect.poll(() => timerText(page)).toBe(timer);
      expect(await plannedEndText(page)).toBe(`${plannedEnd}10 min over avsatt tid`);
    }
    // Loaded again, the same.
    await sara.reload();
    await expect.poll(() => timerText(sara)).toBe(timer);
    expect(await plannedEndText(sara)).toBe(`${plannedEnd}10 min over avsatt tid`);
  });

  it('stops the time at close: no timer, no planned end, the same close time and an honest connection line on both', async () => {
    await chair.getByRole('button', { name: 'Avslutt møtet' }).click();
    await chair.getByRole('dialog', { name: 'Avslutte møtet?' }).getByRole('button', { name: 'Ja, avslutt møtet' }).click();
    await sara.getByText('Møtet er avsluttet.').waitFor();
    const { closedAt } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(closedAt?.toISOString()).toBe(serverNow.toISOString());
    for (const page of [chair, sara]) {
      await page.getByText(`Avsluttet ${formatTime(closedAt!)}`, { exact: true }).waitFor();
      expect(await page.getByRole('timer').count()).toBe(0);
      expect(await page.getByText(/Planlagt slutt/).count()).toBe(0);
      expect(await page.getByText(/igjen|over tiden/).count()).toBe(0);
      expect(await page.getByText(/^Tilkoblet/).count()).toBe(0);
    }
    // The item each was looking at: the chair's ended with the meeting; Sara's room loads itself again at the close,
    // and shows a colleague's item withheld (lib/meetings/agenda-items.ts), as after a reload.
    await chair.getByText('Punktet er avsluttet med møtet.', { exact: false }).waitFor();
    // The item up at the close: the second, taken up in the test before.
    const last = (await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } }))[1];
    expect(last.endedAt?.toISOString()).toBe(closedAt!.toISOString());
    const owner = last.caseId
      ? await db.case.findUniqueOrThrow({ where: { id: last.caseId }, select: { createdBy: { select: { email: true } } } })
      : null;
    const saras = owner?.createdBy.email === demo.caseworker;
    await sara
      .getByText(saras ? 'Punktet er avsluttet med møtet.' : 'Etter møtet ser du bare punktene om dine egne saker.', { exact: false })
      .waitFor();
    for (const page of [chair, sara]) {
      expect(await page.getByRole('timer').count()).toBe(0);
      expect(await page.getByText(/^Tilkoblet/).count()).toBe(0);
    }
    // Loaded again, the chair's room says the same.
    await chair.reload();
    await chair.getByText(`Avsluttet ${formatTime(closedAt!)}`, { exact: true }).waitFor();
    expect(await chair.getByRole('timer').count()).toBe(0);
    expect(await accessibilityViolations(sara)).toEqual([]);
  });
});

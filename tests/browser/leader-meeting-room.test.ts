import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../lib/access/access-service';
import type { Db } from '../../lib/db/db';
import { nb } from '../../lib/i18n/nb';
import { attachEvidence } from '../../lib/leader-cases/attach-evidence';
import { createLeaderCase } from '../../lib/leader-cases/create-leader-case';
import { upcomingLeaderMeetings } from '../../lib/leader-cases/put-on-meeting';
import { saveLeaderCase } from '../../lib/leader-cases/save-leader-case';
import { systemClock } from '../../lib/time/clock';
import { browserTraces, launchBrowser, signIn, wcagViolations } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { caretAt, editorField, editorText, typeInto } from '../support/editor-field';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { makeCurrent } from '../support/meeting-room';
import { connectSocket, emitAck } from '../support/socket-client';
import { printLogsOnFailure, startTestServer, type TestServer } from '../support/test-server';

const t = nb.leaderCases;
const room = nb.meetingRoom;
const shots = '/tmp/shots-C';

/**
 * Issue 22 in two browsers: Lea the leader puts a service-level case on the
 * unit's leader meeting from the case's page (only leader meetings are
 * offered) while Mona has its room open, and the item appears there without a
 * reload; Mona, who chairs, and Lea run it in the room — the case with its
 * figures beside the notes, both typing the notes, Mona concluding and locking
 * while Lea watches it happen; after the close the minutes and the case's page
 * hold the conclusion, and a second case the meeting did not reach is on the
 * next leader meeting, carried over as a case meeting's cases are. A
 * caseworker gets neither the room nor its socket.
 */
describe('a leader case through a leader meeting, in two browsers', () => {
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let db: Db;
  let chair: Page;
  let leader: Page;
  let meetingId: string;
  let leaderCaseId: string;
  let unreachedCaseId: string;
  let unreachedItemId: string;
  const question = 'Starte et lavterskel aktivitetstilbud ved å omdisponere to årsverk?';
  const situation = 'Flere søknader om støttekontakt det siste året, og lengre ventetid.';
  const conclusion = 'Drøftet: tilbudet prøves ut i seks måneder. Alvorlighet moderat, nytte høy, ressurs lav ved omdisponering.';
  printLogsOnFailure(() => server, browserTraces);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    const { mainUnit } = await demoFixtures(db);
    // A leader meeting in an hour, by the clock the server reads too.
    const startsAt = new Date(systemClock.now().getTime() + 3600_000);
    meetingId = (
      await db.meeting.create({
        data: {
          unitId: mainUnit.id,
          kind: 'ledermote',
          chairId: (await db.user.findUniqueOrThrow({ where: { email: demo.chair } })).id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 60 * 60_000),
          submissionDeadline: new Date(startsAt.getTime() - 86_400_000),
        },
      })
    ).id;
    // Lea's case, written and with figures from the unit's history attached (the demo's two past cases: "under 5").
    const lea = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: demo.leader } })).id))!;
    leaderCaseId = (await createLeaderCase({ db, actor: lea, input: { unitId: mainUnit.id, level: 'tjeneste' } })).id;
    await saveLeaderCase({
      db,
      actor: lea,
      id: leaderCaseId,
      input: {
        question,
        situation,
        alternatives: 'Flere timer støttekontakt; gruppetilbud i eksisterende dagsenter.',
        alvorlighetReasons: 'Ensomhet og passivitet over tid.',
        alvorlighetLevel: 'moderat',
        nytteReasons: 'Et fast tilbud gir mange nytte samtidig.',
        ressursReasons: 'To årsverk omdisponeres, ingen nye.',
        samletVurdering: 'Alvorlighet, nytte og ressurs samlet taler for å prøve tilbudet.',
        proposal: 'Prøve ut tilbudet i seks måneder.',
      },
    });
    await attachEvidence({ db, actor: lea, id: leaderCaseId, input: { periode: '12m' } });
    // A second, political case already on the meeting that the meeting does not reach: it goes on to the next leader meeting.
    unreachedCaseId = (await createLeaderCase({ db, actor: lea, input: { unitId: mainUnit.id, level: 'politisk' } })).id;
    unreachedItemId = (
      await db.agendaItem.create({
        data: {
          meetingId,
          leaderCaseId: unreachedCaseId,
          title: 'Flere dagaktivitetsplasser for personer med demens?',
          purpose: 'drofting',
          plannedMinutes: 15,
          reason: 'submitted',
          position: 1,
        },
      })
    ).id;
    browser = await launchBrowser();
    chair = (await signIn(browser, server.url, demo.chair)).page;
    leader = (await signIn(browser, server.url, demo.leader)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  it('the leader puts the case on the leader meeting from its page; only leader meetings are offered; the open room shows it', async () => {
    // Mona has the meeting's room open already: the item must arrive there without a reload.
    await chair.goto(`${server.url}/moter/${meetingId}/rom`);
    // Her presence comes back over the room's socket: it is connected.
    await chair.getByText(/Til stede:.*Mona Møteleder/).waitFor();
    expect(await chair.getByText(question).count()).toBe(0);
    await chair.evaluate(() => Object.assign(window, { roomNotReloaded: true }));
    await leader.goto(`${server.url}/ledersaker/${leaderCaseId}`);
    const section = leader.getByRole('region', { name: t.meetings.title });
    await section.getByText(t.meetings.notYet).waitFor();
    const choice = section.getByLabel(t.meetings.meeting);
    const offered = await choice.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const { meeting: caseMeeting } = await demoFixtures(db);
    expect(offered).toEqual((await upcomingLeaderMeetings(db, caseMeeting.unitId, systemClock.now())).map((m) => m.id));
    expect(offered).toContain(meetingId);
    expect(offered).not.toContain(caseMeeting.id);
    await choice.selectOption(meetingId);
    await section.getByRole('button', { name: t.meetings.putOn }).click();
    await section.getByTestId('leader-case-meeting').getByRole('link', { name: t.meetings.toRoom }).waitFor();
    expect(await db.agendaItem.findMany({ where: { leaderCaseId }, select: { meetingId: true, title: true } })).toEqual([
      { meetingId, title: question },
    ]);
    // Once on a meeting, it is not offered again.
    expect(await section.getByRole('button', { name: t.meetings.putOn }).count()).toBe(0);
    // The socket's agenda-changed refreshed Mona's room in place.
    await chair.getByText(question).first().waitFor({ timeout: 10_000 });
    expect(await chair.evaluate(() => (window as unknown as { roomNotReloaded?: boolean }).roomNotReloaded)).toBe(true);
  });

  it('both see the case with its figures in the room; both type the notes; the chair concludes and locks, the leader sees it live', async () => {
    for (const page of [chair, leader]) await page.goto(`${server.url}/moter/${meetingId}/rom`);
    await leader.getByText(/Til stede:.*Mona Møteleder/).waitFor();
    // The room says it is the leader meeting's.
    for (const page of [chair, leader])
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(new RegExp(`^${room.leaderTitle}: `));
    await makeCurrent(chair, question);
    for (const page of [chair, leader]) {
      const panel = page.getByRole('region', { name: t.room.heading, exact: true });
      await panel.getByText(situation).waitFor();
      await panel.getByText(t.room.level(t.levels.tjeneste)).waitFor();
      expect(await panel.getByRole('term').allTextContents()).toEqual(
        expect.arrayContaining([t.fields.situation, t.fields.alternatives, t.fields.samletVurdering, t.fields.proposal]),
      );
      // The figures, charts with the numbers beside them: the demo history's two cases show as "under 5".
      const figures = page.getByRole('region', { name: t.evidence.title, exact: true });
      expect(await figures.getByRole('cell', { name: t.evidence.under5 }).count()).toBeGreaterThan(0);
      expect(await figures.getByRole('table').count()).toBe(3);
      // Their widest table fits in the panel (it did not in one of its two columns).
      expect(await figures.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      await page.getByRole('status').filter({ hasText: 'Tilkoblet.' }).first().waitFor();
    }

    const chairNotes = editorField(chair, room.notes);
    const leaderNotes = editorField(leader, room.notes);
    await typeInto(chairNotes, 'Mona: ventelisten er lang.', 20);
    await expect.poll(() => editorText(leaderNotes)).toBe('Mona: ventelisten er lang.');
    await caretAt(leaderNotes, 'end');
    await typeInto(leaderNotes, '\nLea: to årsverk kan flyttes.', 20);
    const both = 'Mona: ventelisten er lang.\nLea: to årsverk kan flyttes.';
    await expect.poll(() => editorText(chairNotes)).toBe(both);
    await expect.poll(() => editorText(leaderNotes)).toBe(both);

    await chair.getByRole('radio', { name: room.outcomes.droftet, exact: true }).check();
    await chair.getByRole('textbox', { name: room.conclusion }).fill(conclusion);
    await expect.poll(() => editorText(editorField(leader, room.conclusion))).toBe(conclusion);
    await chair.getByRole('status').filter({ hasText: 'Alle endringer er lagret.' }).first().waitFor();
    await chair.getByRole('button', { name: 'Lås punktet' }).click();
    await chair.getByText(room.lockedNotice).waitFor();
    await leader.getByText(room.lockedNotice).waitFor();

    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      for (const [who, page] of [
        ['chair', chair],
        ['leader', leader],
      ] as const) {
        await page.setViewportSize({ width, height });
        expect(await wcagViolations(page), `${who} at ${width}`).toEqual([]);
        // Nothing wider than the window (the figures' tables across the panel's two columns).
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
          `${who} at ${width}`,
        ).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${shots}/room-${who}-${width}.png`, fullPage: true });
      }
    }
    await chair.setViewportSize({ width: 1280, height: 900 });
    await leader.setViewportSize({ width: 1280, height: 900 });
  });

  it('after the close, the minutes and the case’s page show the conclusion; the case not reached is on the next leader meeting', async () => {
    const closing = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const next = await db.meeting.findFirstOrThrow({
      where: { unitId: closing.unitId, kind: 'ledermote', status: 'planned', startsAt: { gt: closing.startsAt } },
      orderBy: { startsAt: 'asc' },
    });
    await chair.getByRole('button', { name: room.closeMeeting }).click();
    await chair.getByRole('dialog', { name: 'Avslutte møtet?' }).getByRole('button', { name: 'Ja, avslutt møtet' }).click();
    await chair.getByText('Møtet er avsluttet.').waitFor();
    await chair.getByText(nb.meetingRoom.closedCarried(1)).waitFor();
    await expect.poll(async () => (await db.agendaItem.findFirstOrThrow({ where: { leaderCaseId } })).conclusion).toBe(conclusion);
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: unreachedItemId }, select: { status: true } })).toEqual({
      status: 'carried_over',
    });
    expect(
      await db.agendaItem.findMany({
        where: { leaderCaseId: unreachedCaseId, id: { not: unreachedItemId } },
        select: { meetingId: true, reason: true, carriedFromItemId: true },
      }),
    ).toEqual([{ meetingId: next.id, reason: 'carried_over', carriedFromItemId: unreachedItemId }]);

    await leader.goto(`${server.url}/moter/${meetingId}/referat`);
    await leader.getByText(question).first().waitFor();
    await leader.getByText(conclusion).first().waitFor();

    await leader.goto(`${server.url}/ledersaker/${leaderCaseId}`);
    const taken = leader.getByTestId('leader-case-meeting');
    expect(await taken.getByTestId('leader-case-conclusion').textContent()).toBe(conclusion);
    expect(await taken.getByRole('link', { name: t.meetings.toMinutes }).getAttribute('href')).toBe(`/moter/${meetingId}/referat`);
    expect(await wcagViolations(leader)).toEqual([]);
    await leader.screenshot({ path: `${shots}/leader-case-after.png`, fullPage: true });
  });

  it('a caseworker gets neither the leader meeting’s pages nor its socket room', async () => {
    const signedIn = await signIn(browser, server.url, demo.caseworker);
    for (const path of ['/rom', '/referat']) {
      expect((await signedIn.page.goto(`${server.url}/moter/${meetingId}${path}`))?.status(), path).toBe(404);
    }
    expect((await signedIn.page.goto(`${server.url}/ledersaker/${leaderCaseId}`))?.status()).toBe(404);
    const cookie = (await signedIn.context.cookies(server.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const socket = await connectSocket(server.url, cookie);
    try {
      expect(await emitAck(socket, 'meeting:join', { meetingId })).toMatchObject({ ok: false, error: 'forbidden' });
      // The same session joins a case meeting of the unit: the refusal is about the leader meeting, not the socket.
      const { meeting } = await demoFixtures(db);
      expect(await emitAck(socket, 'meeting:join', { meetingId: meeting.id })).toMatchObject({ ok: true });
    } finally {
      socket.disconnect();
      await signedIn.context.close();
    }
  });
});

import ical, { type VEvent } from 'node-ical';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../lib/access/access-service';
import type { Db } from '../../lib/db/db';
import { nb } from '../../lib/i18n/nb';
import { osloZone } from '../../lib/time/oslo-zone';
import { holidayName } from '../../lib/meetings/norwegian-holidays';
import { cancelMeeting } from '../../lib/meetings/cancel-meeting';
import { generateMeetings } from '../../lib/meetings/generate-series-meetings';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { createTestDatabase, databaseKinds, type DatabaseKind, type TestDatabase } from '../support/databases';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { loginDemoUsers } from '../support/login';
import { formWith, submitRenderedForm } from '../support/rendered-forms';
import { startTestServer, type TestServer } from '../support/test-server';
import { systemClock } from '../../lib/time/clock';

const oslo = (d: Date) => DateTime.fromJSDate(d, { zone: osloZone });

/** A real failure late in the cancelling transaction: the database refuses its audit event. */
const refuseCancelAudit: Record<DatabaseKind, { create: string[]; drop: string[] }> = {
  sqlite: {
    create: [
      `CREATE TRIGGER test_refuse_cancel BEFORE INSERT ON "AuditEvent" WHEN NEW.action = 'meeting.cancel'
       BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    ],
    drop: ['DROP TRIGGER test_refuse_cancel'],
  },
  postgresql: {
    create: [
      `CREATE FUNCTION test_refuse_cancel() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.action = 'meeting.cancel' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`,
      `CREATE TRIGGER test_refuse_cancel BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION test_refuse_cancel()`,
    ],
    drop: ['DROP TRIGGER test_refuse_cancel ON "AuditEvent"', 'DROP FUNCTION test_refuse_cancel()'],
  },
};

/**
 * Meeting series and the calendar through the real forms, on both databases:
 * a series generates its meetings (idempotently, never on a holiday), a
 * meeting moves or is cancelled (its cases move on and their caseworkers are
 * told), the ICS feed parses back with the right Oslo times, and a rotated
 * link ends the old one. Only the unit's admins and leaders may do any of it.
 */
describe.each(databaseKinds)('meeting series and calendar on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let db: Db;
  let cookies: Record<string, string>;
  let unitId: string;
  const path = () => `/admin/enheter/${unitId}/moter`;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    unitId = (await demoFixtures(db)).mainUnit.id;
    cookies = await loginDemoUsers(server.url, demo, demo.password);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  const page = async (cookie: string) => (await fetch(`${server.url}${path()}`, { headers: { cookie }, redirect: 'manual' })).text();
  const submit = async (markers: string[], fields: Record<string, string>, cookie = cookies.leader) =>
    (await submitRenderedForm(server.url, path(), formWith(await page(cookies.leader), ...markers), fields, { cookie })).body;
  const series = (fields: Record<string, string> = {}) => ({
    name: 'Fredagsmøte',
    startTime: '09:30',
    durationMinutes: '60',
    location: 'Teams',
    deadlineDaysBefore: '2',
    deadlineTime: '12:00',
    defaultChairId: '',
    minutesOrientering: '5',
    minutesDrofting: '20',
    minutesAvklaring: '10',
    ...fields,
  });

  it('the demo seed’s meetings are the series’ own: generating again makes none', async () => {
    for (const s of await db.meetingSeries.findMany()) expect(await generateMeetings(db, s.id)).toBe(0);
  });

  it('a leader creates a series; its meetings are generated 8 weeks ahead on working days, once', async () => {
    expect(await submit(['Opprett serien'], series())).toContain('Velg minst én ukedag.');
    expect(await submit(['Opprett serien'], series({ startTime: '25:00', weekdays: '5' }))).toContain('Skriv et gyldig tidspunkt.');
    expect(await db.meetingSeries.count({ where: { name: 'Fredagsmøte' } })).toBe(0);

    const body = await submit(['Opprett serien'], series({ weekdays: '5' }));
    expect(body).toMatch(/Serien er opprettet, og \d+ møter er satt opp\./);
    const created = await db.meetingSeries.findFirstOrThrow({ where: { name: 'Fredagsmøte' } });
    const meetings = await db.meeting.findMany({ where: { seriesId: created.id }, orderBy: { startsAt: 'asc' } });
    // Eight Fridays ahead, less any holiday (25 December and 1 January 2027 are Fridays).
    expect(meetings.length).toBeGreaterThanOrEqual(6);
    for (const m of meetings) {
      expect(holidayName(oslo(m.startsAt))).toBeNull();
      expect(oslo(m.startsAt).weekday).toBe(5);
      expect(oslo(m.startsAt).toFormat('HH:mm')).toBe('09:30');
      expect(oslo(m.submissionDeadline).toFormat('HH:mm')).toBe('12:00');
    }
    expect(await generateMeetings(db, created.id)).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'series.create', unitId } })).toBe(1);

    // A case on one of its meetings gets the series' minutes for its purpose (20 for drøfting here).
    const { draftCase } = await demoFixtures(db);
    const onFriday = await db.case.create({
      data: {
        unitId,
        createdById: draftCase.createdById,
        personRef: 'FRE-1',
        title: 'Fredagssak',
        caseType: 'endring',
        purpose: 'drofting',
        status: 'submitted',
        meetingId: meetings[0].id,
        submittedAt: systemClock.now(),
      },
    });
    const agenda = await syncAgenda(db, meetings[0].id);
    expect(agenda.find((i) => i.caseId === onFriday.id)?.plannedMinutes).toBe(20);
    await db.case.update({ where: { id: onFriday.id }, data: { status: 'withdrawn' } });
  });

  it('moving a meeting keeps its slot (no duplicate) and tells the caseworkers; cancelling moves its cases on', async () => {
    const { submittedCase } = await demoFixtures(db);
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: submittedCase.meetingId! } });
    const when = oslo(meeting.startsAt).plus({ hours: 2 });
    // The form's date and time fields, as a Norwegian types them (app/admin/admin-form.tsx `datetime`).
    const moved = await submit([`value="${meeting.id}"`, 'Flytt'], {
      startsAtDate: when.toFormat('d.M.yyyy'),
      startsAtTime: when.toFormat('H.mm'),
    });
    expect(moved).toContain('Møtet er flyttet');
    const after = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(after.startsAt.getTime()).toBe(when.toMillis());
    expect(after.seriesSlot?.getTime()).toBe(meeting.seriesSlot?.getTime());
    if (after.seriesId) expect(await generateMeetings(db, after.seriesId)).toBe(0);
    const movedNotices = await db.notification.findMany({
      where: { userId: submittedCase.createdById, text: { contains: 'er flyttet fra' } },
    });
    expect(movedNotices.map((n) => n.link)).toContain(`/saker/${submittedCase.id}`);

    const next = await db.meeting.findFirstOrThrow({
      where: { unitId, status: 'planned', startsAt: { gt: after.startsAt } },
      orderBy: { startsAt: 'asc' },
    });
    expect(await submit([`value="${meeting.id}"`, 'Avlys'], {})).toContain('Møtet er avlyst.');
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe('cancelled');
    expect((await db.case.findUniqueOrThrow({ where: { id: submittedCase.id } })).meetingId).toBe(next.id);
    const notice = await db.notification.findFirstOrThrow({
      where: { userId: submittedCase.createdById, text: { contains: 'er avlyst' }, link: `/saker/${submittedCase.id}` },
    });
    expect(notice.link).toBe(`/saker/${submittedCase.id}`);

    // The caseworker sees it on the home page and marks it read.
    const home = await (await fetch(`${server.url}/`, { headers: { cookie: cookies.caseworker } })).text();
    expect(home).toContain('Beskjeder til deg');
    const read = formWith(home, `value="${notice.id}"`);
    await submitRenderedForm(server.url, '/', read, {}, { cookie: cookies.caseworker });
    expect((await db.notification.findUniqueOrThrow({ where: { id: notice.id } })).readAt).not.toBeNull();
    // Another user cannot mark it (it is not theirs).
    expect(await db.auditEvent.count({ where: { action: 'meeting.cancel', entityId: meeting.id } })).toBe(1);
  });

  it('a cancel that fails tells nobody; the one that succeeds tells the caseworker once', async () => {
    // A unit of its own, with fixed instants: nothing here depends on the other tests or on the clock.
    const unit = await db.unit.create({ data: { name: `Avlysningsenhet ${kind}` } });
    const caseworker = await db.user.create({ data: { email: `avlys-${kind}@samlet.test`, name: 'Avlys Saksbehandler' } });
    const meeting = await db.meeting.create({
      data: {
        unitId: unit.id,
        startsAt: new Date('2031-03-04T09:00:00Z'),
        endsAt: new Date('2031-03-04T10:00:00Z'),
        submissionDeadline: new Date('2031-03-03T11:00:00Z'),
      },
    });
    const onIt = await db.case.create({
      data: {
        unitId: unit.id,
        createdById: caseworker.id,
        personRef: 'AVL-1',
        title: 'Sak på et møte som avlyses',
        caseType: 'endring',
        purpose: 'drofting',
        status: 'submitted',
        meetingId: meeting.id,
        submittedAt: new Date('2031-03-01T08:00:00Z'),
      },
    });
    const cancel = () =>
      cancelMeeting({
        db,
        actor: actorOf(caseworker.id, [{ unitId: unit.id, role: 'leder' }]),
        input: { unitId: unit.id, meetingId: meeting.id },
        now: new Date('2031-03-02T12:00:00Z'),
      });
    const notices = () => db.notification.findMany({ where: { link: `/saker/${onIt.id}` } });

    for (const sql of refuseCancelAudit[kind].create) await db.$executeRawUnsafe(sql);
    try {
      // (Prisma's SQLite adapter reports a trigger's ABORT as a constraint violation, without its message.)
      await expect(cancel()).rejects.toThrow(kind === 'sqlite' ? /constraint violated/ : /refused by the test/);
    } finally {
      for (const sql of refuseCancelAudit[kind].drop) await db.$executeRawUnsafe(sql);
    }
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe('planned');
    expect((await db.case.findUniqueOrThrow({ where: { id: onIt.id } })).meetingId).toBe(meeting.id);
    expect(await notices()).toEqual([]);

    expect(await cancel()).toEqual({ movedTo: null });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe('cancelled');
    expect((await db.case.findUniqueOrThrow({ where: { id: onIt.id } })).meetingId).toBeNull();
    expect((await notices()).map((n) => [n.userId, n.text])).toEqual([
      [caseworker.id, expect.stringContaining('er avlyst, og det er ikke satt opp noe nytt møte ennå')],
    ]);
    // A second cancel finds the meeting no longer planned and tells nobody again.
    await expect(cancel()).rejects.toThrow();
    expect(await notices()).toHaveLength(1);
  });

  it('adds an extra meeting', async () => {
    const at = DateTime.fromJSDate(systemClock.now(), { zone: osloZone }).plus({ days: 10 }).set({ hour: 13, minute: 0 });
    expect(
      await submit(['Legg til møtet'], {
        startsAtDate: at.toFormat('dd.MM.yyyy'),
        startsAtTime: at.toFormat('HH:mm'),
        durationMinutes: '45',
        location: 'Rom 4',
      }),
    ).toContain('Ekstramøtet er lagt til.');
    const extra = await db.meeting.findFirstOrThrow({ where: { unitId, seriesId: null, location: 'Rom 4' } });
    expect(extra.startsAt.getTime()).toBe(at.set({ second: 0, millisecond: 0 }).toMillis());
    expect(
      await submit(['Legg til møtet'], { startsAtDate: '01.01.2020', startsAtTime: '10:00', durationMinutes: '45', location: '' }),
    ).toContain('Tidspunktet har allerede vært.');
  });

  it('serves the calendar at a secret URL that parses back with the right Oslo times; a rotated link ends the old one', async () => {
    const first = (await submit(['Lag ny kalenderlenke'], {})).match(/\/kalender\/([\w-]{43})/)?.[1];
    expect(first).toBeTruthy();
    const response = await fetch(`${server.url}/kalender/${first}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const text = await response.text();
    const events = Object.values(ical.sync.parseICS(text)).filter((e) => e?.type === 'VEVENT') as VEvent[];
    // The feed holds the unit's case meetings (not the demo's monthly leader meeting: lib/meetings/load-calendar-feed.ts).
    const meetings = await db.meeting.findMany({
      where: { unitId, kind: 'saksmote', startsAt: { gte: new Date(systemClock.now().getTime() - 30 * 24 * 3600_000) } },
    });
    expect(events).toHaveLength(meetings.length);
    for (const m of meetings) {
      const event = events.find((e) => e.uid === `${m.id}@samlet`)!;
      // (iCalendar times are whole seconds.)
      expect(new Date(event.start).getTime()).toBe(Math.floor(m.startsAt.getTime() / 1000) * 1000);
      expect(event.status).toBe(m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
      expect(JSON.stringify(event.url)).toContain(`/moter/${m.id}/rom`);
    }
    expect(text).not.toMatch(/EPJ|Økning av BPA/);

    const second = (await submit(['Lag ny kalenderlenke'], {})).match(/\/kalender\/([\w-]{43})/)?.[1];
    expect(second).not.toBe(first);
    const old = await fetch(`${server.url}/kalender/${first}`);
    expect(old.status).toBe(404);
    expect(await old.text()).toBe(nb.calendar.linkNotFound);
    expect((await fetch(`${server.url}/kalender/${second}`)).status).toBe(200);
    expect((await fetch(`${server.url}/kalender/ikke-en-nokkel`)).status).toBe(404);
  });

  it('a caseworker, a chair and another unit’s member get nothing and change nothing', async () => {
    for (const who of ['caseworker', 'chair', 'otherUnit']) {
      expect((await fetch(`${server.url}${path()}`, { headers: { cookie: cookies[who] }, redirect: 'manual' })).status, who).toBe(404);
      expect(await submit(['Opprett serien'], series({ name: `Kapret ${who}`, weekdays: '1' }), cookies[who])).toContain(
        'Finnes ikke, eller du har ikke tilgang.',
      );
    }
    expect(await db.meetingSeries.count({ where: { name: { startsWith: 'Kapret' } } })).toBe(0);
  });
});

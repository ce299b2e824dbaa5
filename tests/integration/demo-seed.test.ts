import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { demoUnitNames, seedDemoData } from '../../lib/seed/demo-seed';
import { fixedClock } from '../../lib/time/clock';
import { applyMigrations } from '../../server/db/apply-migrations';
import { resolveDatabaseTarget } from '../../server/db/database-url';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { demoFixtures, demoLeaderFixtures, openDb } from '../support/fixtures';

/**
 * The demo seed at the instants where "the next meeting" is ambiguous: between a
 * submission deadline (Mon/Wed 15:00) and its meeting (Tue/Thu 10:00), in a
 * holiday week, across a daylight-saving night. The fixtures the other tests
 * use must name the meeting the seed filled, whatever the instant.
 */
const oslo = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Oslo' }).toJSDate();

const instants = [
  // After Monday's deadline: Tuesday's meeting is closed for submissions, so the cases go to Thursday's.
  { at: '2026-12-07T16:00', casesOn: '2026-12-10T10:00', leaderOn: '2027-01-06T13:00' },
  // Before Tuesday's meeting, still after Monday's deadline: Thursday's again.
  { at: '2026-12-08T09:30', casesOn: '2026-12-10T10:00', leaderOn: '2027-01-06T13:00' },
  // A minute before Monday's deadline: Tuesday's.
  { at: '2026-12-07T14:59', casesOn: '2026-12-08T10:00', leaderOn: '2027-01-06T13:00' },
  // Maundy Thursday and Easter Monday are holidays: after Tuesday's meeting, the next is Tuesday 30 March.
  { at: '2027-03-23T12:00', casesOn: '2027-03-30T10:00', leaderOn: '2027-04-07T13:00' },
  // The night the clocks go forward (Easter Sunday): Tuesday's deadline was Wednesday before Easter, so
  // Thursday 1 April, still at 10:00 wall-clock time (now CEST).
  { at: '2027-03-28T01:55', casesOn: '2027-04-01T10:00', leaderOn: '2027-04-07T13:00' },
  // New Year's Eve, late: 1 January is a holiday (a Friday), so Tuesday 5 January.
  { at: '2026-12-31T23:50', casesOn: '2027-01-05T10:00', leaderOn: '2027-01-06T13:00' },
];

describe.each(databaseKinds)('the demo seed at any instant, on %s', (kind) => {
  let database: TestDatabase | undefined;
  let db: Db | undefined;

  afterEach(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it.each(instants)(
    'seeded at $at Oslo time, the cases go on the meeting of $casesOn, the leader case on $leaderOn, and the fixtures name them',
    async ({ at, casesOn, leaderOn }) => {
      database = await createTestDatabase(kind);
      await applyMigrations(resolveDatabaseTarget(database.url));
      db = openDb(database.url);
      const now = oslo(at);
      await seedDemoData(db, { clock: fixedClock(now) });

      const fixtures = await demoFixtures(db);
      expect(fixtures.meeting.startsAt.toISOString()).toBe(oslo(casesOn).toISOString());
      expect(fixtures.meeting.submissionDeadline.getTime()).toBeGreaterThan(now.getTime());
      const mainUnit = await db.unit.findFirstOrThrow({ where: { name: demoUnitNames.main } });
      const submitted = await db.case.findMany({ where: { unitId: mainUnit.id, status: 'submitted' } });
      expect(submitted).toHaveLength(3);
      expect(new Set(submitted.map((c) => c.meetingId))).toEqual(new Set([fixtures.meeting.id]));
      expect(submitted.every((c) => c.submittedAt?.getTime() === now.getTime())).toBe(true);

      // The monthly leader meeting (issue 22): the first Wednesday of each month at 13:00, a leader meeting; the
      // seed's leader case, with the unit's figures attached (its two past cases: "under 5"), is on the next one.
      const leader = await demoLeaderFixtures(db);
      expect(leader.leaderMeeting?.startsAt.toISOString()).toBe(oslo(leaderOn).toISOString());
      const leaderMeetings = await db.meeting.findMany({ where: { seriesId: leader.series.id } });
      expect(leaderMeetings.length).toBeGreaterThan(0);
      for (const m of leaderMeetings) {
        const day = DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Oslo' });
        expect([m.kind, day.weekday, day.day <= 7, day.toFormat('HH:mm')]).toEqual(['ledermote', 3, true, '13:00']);
      }
      const evidence = await db.leaderCaseEvidence.findFirstOrThrow({ where: { leaderCaseId: leader.leaderCase.id } });
      expect([JSON.parse(evidence.figures).cases, evidence.createdAt.getTime()]).toEqual(['under_5', now.getTime()]);
      // No case of a person is on a leader meeting.
      expect(await db.case.count({ where: { meeting: { kind: 'ledermote' } } })).toBe(0);

      // The past meeting sits on a real slot of the series: a Tuesday or Thursday at 10:00, two weeks back or more.
      const past = DateTime.fromJSDate(fixtures.pastMeeting.startsAt, { zone: 'Europe/Oslo' });
      expect([2, 4]).toContain(past.weekday);
      expect(past.toFormat('HH:mm')).toBe('10:00');
      expect(now.getTime() - fixtures.pastMeeting.startsAt.getTime()).toBeGreaterThanOrEqual(14 * 24 * 3600_000);
      expect(fixtures.pastMeeting.submissionDeadline.getTime()).toBeLessThan(fixtures.pastMeeting.startsAt.getTime());
      // Its minutes are approved (by the chair, at the close), not in no state at all (review of issue 19, #6).
      const pastMinutes = await db.meeting.findUniqueOrThrow({
        where: { id: fixtures.pastMeeting.id },
        include: { minutesApprovedBy: true },
      });
      expect([pastMinutes.minutesStatus, pastMinutes.minutesApprovedAt?.getTime(), pastMinutes.minutesApprovedBy?.email]).toEqual([
        'approved',
        pastMinutes.closedAt?.getTime(),
        'moteleder@demo.test',
      ]);
    },
  );

  it('has a system administrator of its own, in no unit, beside an admin of one unit only (issue 16)', async () => {
    database = await createTestDatabase(kind);
    await applyMigrations(resolveDatabaseTarget(database.url));
    db = openDb(database.url);
    await seedDemoData(db, { clock: fixedClock(oslo(instants[0].at)) });
    const account = (email: string) =>
      db!.user.findUniqueOrThrow({
        where: { email },
        select: {
          systemAdmin: true,
          active: true,
          passwordHash: true,
          memberships: { select: { role: true, unit: { select: { name: true } } } },
        },
      });
    const system = await account('system@demo.test');
    expect(system).toMatchObject({ systemAdmin: true, active: true, memberships: [] });
    expect(system.passwordHash).not.toBeNull();
    const admin = await account('admin@demo.test');
    expect(admin).toMatchObject({ systemAdmin: false, memberships: [{ role: 'admin', unit: { name: demoUnitNames.main } }] });
    // The system administrator is the only one.
    expect(await db.user.count({ where: { systemAdmin: true } })).toBe(1);
  });
});

import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, type Actor } from '../../lib/access/access-service';
import type { Db } from '../../lib/db/db';
import { createSeries } from '../../lib/meetings/create-series';
import { addMeetingFreePeriod, removeMeetingFreePeriod } from '../../lib/meetings/meeting-free-periods';
import { osloZone } from '../../lib/time/oslo-zone';
import { applyMigrations } from '../../server/db/apply-migrations';
import { resolveDatabaseTarget } from '../../server/db/database-url';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { openDb } from '../support/fixtures';

/** Tuesday 1 December 2026, 09:00 in Oslo: the clock every command here is given (no wall clock). */
const now = new Date('2026-12-01T08:00:00Z');
const day = (d: Date) => DateTime.fromJSDate(d, { zone: osloZone }).toISODate();

/**
 * Days without meetings (issue 20): a unit marks Christmas week; the Thursday
 * series' meetings on 24 and 31 December are cancelled, a case on one moves
 * past the period (once), a series created afterwards skips those days, and
 * unmarking lets the series meet on them again. On both databases, its own unit.
 */
describe.each(databaseKinds)('days without meetings on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let unitId: string;
  let leader: Actor;
  let caseworker: Actor;
  const thursdays = (fields: Record<string, string>) => ({
    unitId,
    name: 'Torsdagsmøte',
    weekdays: '4',
    startTime: '10:00',
    durationMinutes: '90',
    location: '',
    deadlineDaysBefore: '2',
    deadlineTime: '12:00',
    defaultChairId: '',
    minutesOrientering: '5',
    minutesDrofting: '15',
    minutesAvklaring: '10',
    ...fields,
  });
  const meetingDays = async (seriesId: string, status = 'planned') =>
    (await db.meeting.findMany({ where: { seriesId, status }, orderBy: { startsAt: 'asc' } })).map((m) => day(m.startsAt));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await applyMigrations(resolveDatabaseTarget(database.url));
    db = openDb(database.url);
    const unit = await db.unit.create({ data: { name: 'Enhet uten julemøter' } });
    unitId = unit.id;
    const person = async (email: string, role: string) => {
      const user = await db.user.create({ data: { email, name: email.split('@')[0] } });
      await db.membership.create({ data: { userId: user.id, unitId, role } });
      return actorOf(user.id, [{ unitId, role: role as 'leder' }]);
    };
    leader = await person('leder.jul@test.example', 'leder');
    caseworker = await person('sb.jul@test.example', 'saksbehandler');
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('cancels the series meetings on marked days, moves their cases past the period, and later series skip them', async () => {
    const { seriesId } = await createSeries({ db, actor: leader, now, input: thursdays({}) });
    const before = await meetingDays(seriesId);
    expect(before).toEqual(expect.arrayContaining(['2026-12-17', '2026-12-24', '2026-12-31', '2027-01-07']));
    const christmasEve = await db.meeting.findFirstOrThrow({ where: { seriesId, startsAt: new Date('2026-12-24T09:00:00Z') } });
    const onChristmasEve = await db.case.create({
      data: {
        unitId,
        createdById: caseworker.userId,
        personRef: 'JUL-1',
        title: 'Sak satt på julaften',
        caseType: 'endring',
        purpose: 'drofting',
        status: 'submitted',
        meetingId: christmasEve.id,
        submittedAt: now,
      },
    });

    // Only the unit's admins and leaders mark days; a wrong range names its field.
    const input = { unitId, fromDate: '2026-12-21', toDate: '2027-01-01', label: 'Juleuka' };
    await expect(addMeetingFreePeriod({ db, actor: caseworker, now, input })).rejects.toMatchObject({ code: 'not_found' });
    await expect(addMeetingFreePeriod({ db, actor: leader, now, input: { ...input, toDate: '2026-12-20' } })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { toDate: 'before_from' },
    });

    expect(await addMeetingFreePeriod({ db, actor: leader, now, input })).toEqual({ cancelled: 2 });
    expect(await meetingDays(seriesId, 'cancelled')).toEqual(['2026-12-24', '2026-12-31']);
    const planned = await meetingDays(seriesId);
    expect(planned).toContain('2026-12-17');
    expect(planned).toContain('2027-01-07');
    // The case went straight to the first meeting after the period, and its caseworker was told once.
    const moved = await db.case.findUniqueOrThrow({ where: { id: onChristmasEve.id }, include: { meeting: true } });
    expect(day(moved.meeting!.startsAt)).toBe('2027-01-07');
    expect(await db.notification.count({ where: { userId: caseworker.userId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'meeting_free.add', unitId } })).toBe(1);

    // A series created now never meets in the period; one day alone (no "til") is a period too.
    const afternoon = await createSeries({ db, actor: leader, now, input: thursdays({ name: 'Ettermiddag', startTime: '14:00' }) });
    expect(await meetingDays(afternoon.seriesId)).not.toEqual(expect.arrayContaining(['2026-12-24']));
    expect(await meetingDays(afternoon.seriesId)).not.toContain('2026-12-31');
    expect(await meetingDays(afternoon.seriesId)).toContain('2026-12-17');
    expect(
      await addMeetingFreePeriod({ db, actor: leader, now, input: { unitId, fromDate: '2027-01-14', toDate: '', label: 'Fagdag' } }),
    ).toEqual({
      cancelled: 2,
    });

    // Unmarked: the later series meets on those days again; what was cancelled stays cancelled.
    const juleuka = await db.meetingFreePeriod.findFirstOrThrow({ where: { unitId, label: 'Juleuka' } });
    await removeMeetingFreePeriod({ db, actor: leader, now, input: { unitId, periodId: juleuka.id } });
    expect(await meetingDays(afternoon.seriesId)).toEqual(expect.arrayContaining(['2026-12-24', '2026-12-31']));
    expect(await meetingDays(seriesId, 'cancelled')).toEqual(['2026-12-24', '2026-12-31', '2027-01-14']);
    expect(await db.auditEvent.count({ where: { action: 'meeting_free.remove', unitId } })).toBe(1);
  });
});

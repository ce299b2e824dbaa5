import type { Db } from '../../lib/db/db';
import { syncAgenda } from '../../lib/meetings/sync-agenda';
import { demoUnitNames } from '../../lib/seed/demo-seed';
import { createPrismaClient } from '../../server/db/create-prisma-client';
import { resolveDatabaseTarget } from '../../server/db/database-url';

/** A Prisma client on a test database, to arrange and inspect data beside the server. */
export function openDb(databaseUrl: string): Db {
  return createPrismaClient(resolveDatabaseTarget(databaseUrl));
}

/** Ids from the demo seed that the tests act on. */
export async function demoFixtures(db: Db) {
  const mainUnit = await db.unit.findFirstOrThrow({ where: { name: demoUnitNames.main } });
  const otherUnit = await db.unit.findFirstOrThrow({ where: { name: demoUnitNames.other } });
  // The meeting the seed put its submitted cases on — the next one still open for submissions when the
  // server seeded — read back rather than worked out again, so the tests agree with the seed at any
  // instant (between a Monday 15:00 deadline and Tuesday's 10:00 meeting, "the first planned meeting"
  // is Tuesday's while the cases went to Thursday's).
  const submittedCase = await db.case.findFirstOrThrow({
    where: { unitId: mainUnit.id, status: 'submitted' },
    orderBy: { createdAt: 'asc' },
  });
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: submittedCase.meetingId ?? '' } });
  const pastMeeting = await db.meeting.findFirstOrThrow({ where: { unitId: mainUnit.id, status: 'closed' } });
  const draftCase = await db.case.findFirstOrThrow({ where: { unitId: mainUnit.id, status: 'draft' } });
  return { mainUnit, otherUnit, meeting, pastMeeting, submittedCase, draftCase };
}

/**
 * The seed's leader meetings (issue 22), read back: its monthly series, the
 * leader case it wrote, and the leader meeting it put that case on (null when
 * no leader meeting lay within the seed's weeks).
 */
export async function demoLeaderFixtures(db: Db) {
  const { mainUnit } = await demoFixtures(db);
  const series = await db.meetingSeries.findFirstOrThrow({ where: { unitId: mainUnit.id, kind: 'ledermote' } });
  const leaderCase = await db.leaderCase.findFirstOrThrow({ where: { unitId: mainUnit.id }, orderBy: { createdAt: 'asc' } });
  const item = await db.agendaItem.findFirst({ where: { leaderCaseId: leaderCase.id }, include: { meeting: true } });
  return { series, leaderCase, leaderMeeting: item?.meeting ?? null, itemId: item?.id ?? null };
}

/**
 * A Yjs document every member of the main unit may open (case workers, chair
 * and leader edit it, the admin reads it): the first item of the demo
 * meeting's agenda, built if it is not yet. Tests of the Yjs server that need
 * "some shared document" use this one (there is no meeting-wide document).
 */
export async function demoItemDocument(db: Db): Promise<string> {
  const { meeting } = await demoFixtures(db);
  const items = await syncAgenda(db, meeting.id);
  return `item:${items[0].id}`;
}

export const demo = {
  password: 'demo1234',
  caseworker: 'saksbehandler@demo.test',
  caseworker2: 'saksbehandler2@demo.test',
  chair: 'moteleder@demo.test',
  leader: 'leder@demo.test',
  admin: 'admin@demo.test',
  otherUnit: 'annen@demo.test',
  /** The system administrator (issue 16): no unit. */
  system: 'system@demo.test',
} as const;

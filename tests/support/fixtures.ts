import type { Db } from '../../lib/db/db';
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

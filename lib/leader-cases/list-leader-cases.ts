import type { Actor } from '../access/access-service';
import { unitsForLeaderCases } from '../access/leader-case-policy';
import type { Db } from '../db/db';

/** The leader cases of the units where the actor is a leader or chair, newest change first (titles only: no content read). */
export async function listLeaderCases(context: { db: Db; actor: Actor }) {
  const unitIds = unitsForLeaderCases(context.actor.memberships);
  if (unitIds.length === 0) return [];
  return context.db.leaderCase.findMany({
    where: { unitId: { in: unitIds } },
    select: { id: true, unitId: true, level: true, title: true, updatedAt: true, unit: { select: { name: true } } },
    orderBy: { updatedAt: 'desc' },
    take: 200,
  });
}

import type { Actor } from '../access/access-service';
import { canWorkOnLeaderCases } from '../access/leader-case-policy';
import type { Db, DbTransaction } from '../db/db';
import { AppError } from '../errors/app-error';

/**
 * The leader case the actor may work on, or "not found" — for a missing id
 * and for one in a unit where the actor is no leader or chair alike, so a
 * caseworker cannot tell that it exists.
 */
export async function findLeaderCase(db: Db | DbTransaction, actor: Actor, id: unknown) {
  if (typeof id !== 'string' || !/^[a-z0-9]{8,40}$/.test(id)) throw new AppError('not_found', 'leader case');
  const row = await db.leaderCase.findUnique({ where: { id } });
  if (!row || !canWorkOnLeaderCases(actor.memberships, row.unitId)) throw new AppError('not_found', 'leader case');
  return row;
}

import type { Actor } from '../access/access-service';
import type { Db } from '../db/db';

/**
 * The account page: about the signed-in person only (nobody opens another's
 * account here). Whether they have a password to change — someone who logs
 * in through the municipality's OIDC has none.
 */
export async function loadAccountPage(options: { db: Db; actor: Actor }): Promise<{ hasPassword: boolean }> {
  const user = await options.db.user.findUnique({ where: { id: options.actor.userId }, select: { passwordHash: true } });
  return { hasPassword: user?.passwordHash != null };
}

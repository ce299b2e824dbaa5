import type { Db } from '../db/db';
import { personColourAt, type PersonColour } from './person-colour';

/**
 * Colours already read, per database client. A colour never changes once an
 * account exists: it is the account's rank by creation, and accounts are
 * deactivated, never deleted, so no earlier one can drop out. Each node may
 * therefore keep what it has read (two statements saved on every live
 * connection); a restart or another node reads the same.
 */
const known = new WeakMap<Db, Map<string, PersonColour>>();

/**
 * A person's colour in shared fields: by how many accounts were created before
 * theirs (creation instant, then id, so ties are ordered too). Read once per
 * live connection (server/realtime/yjs/yjs-endpoint.ts).
 */
export async function loadPersonColour(db: Db, userId: string): Promise<PersonColour> {
  const cached = known.get(db)?.get(userId);
  if (cached) return cached;
  const user = await db.user.findUnique({ where: { id: userId }, select: { createdAt: true } });
  if (!user) return personColourAt(0);
  const before = await db.user.count({
    where: { OR: [{ createdAt: { lt: user.createdAt } }, { createdAt: user.createdAt, id: { lt: userId } }] },
  });
  const colour = personColourAt(before);
  if (!known.has(db)) known.set(db, new Map());
  known.get(db)!.set(userId, colour);
  return colour;
}

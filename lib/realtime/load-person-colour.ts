import type { Db } from '../db/db';
import { personColourAt, type PersonColour } from './person-colour';

/**
 * A person's colour in shared fields: by how many accounts were created before
 * theirs (creation instant, then id, so ties are ordered too). Read once per
 * live connection (server/realtime/yjs/yjs-endpoint.ts).
 */
export async function loadPersonColour(db: Db, userId: string): Promise<PersonColour> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { createdAt: true } });
  if (!user) return personColourAt(0);
  const before = await db.user.count({
    where: { OR: [{ createdAt: { lt: user.createdAt } }, { createdAt: user.createdAt, id: { lt: userId } }] },
  });
  return personColourAt(before);
}

import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { loadActor, type Actor } from '@/lib/access/access-service';
import { getDb } from '@/lib/db/db';
import { buildAuthOptions } from './options';

export type SignedIn = { actor: Actor; user: { id: string; name: string; email: string } };

/**
 * Every page starts here: no session, an expired one or a deactivated user
 * goes to the login page. Roles come fresh from the database.
 */
export async function requireActor(): Promise<SignedIn> {
  const session = await getServerSession(buildAuthOptions());
  const userId = session?.user?.id;
  if (!userId) redirect('/login');
  const db = getDb();
  const actor = await loadActor(db, userId);
  const user = actor ? await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } }) : null;
  if (!actor || !user) redirect('/login?error=SessionEnded');
  return { actor, user };
}

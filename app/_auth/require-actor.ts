import { redirect } from 'next/navigation';
import type { Actor } from '@/lib/access/access-service';
import { readSession } from './current-session';

export type SignedIn = { actor: Actor; user: { id: string; name: string; email: string } };

/**
 * Every page and server action starts here: no session goes to the login
 * page; an expired or ended one, or a deactivated user, too, with a message
 * that says so. Roles come fresh from the database.
 */
export async function requireActor(): Promise<SignedIn> {
  const { live, hadCookie } = await readSession();
  if (!live) redirect(hadCookie ? '/login?error=SessionEnded' : '/login');
  return { actor: live.actor, user: live.user };
}

import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';

/**
 * After an OIDC sign-in was let in (resolveOidcAccount linked or found the
 * account): the Samlet user the provider's subject names, with the login in
 * the audit log. Null if the subject names nobody — the login then carries
 * no user and is refused.
 */
export async function recordOidcLogin(options: { db: Db; subject: string }): Promise<{ id: string; name: string } | null> {
  const { db } = options;
  const user = await db.user.findUnique({ where: { oidcSubject: options.subject }, select: { id: true, name: true } });
  if (!user) return null;
  await recordAuditEvent(db, {
    actorId: user.id,
    action: 'auth.login',
    entityType: 'user',
    entityId: user.id,
    detail: { provider: 'oidc' },
  });
  return user;
}

import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';

/**
 * Which Samlet account an OIDC login is. No self-registration: the first
 * login of a known, active e-mail links the account to the provider's subject
 * (`sub`); from then on the subject decides, so a changed e-mail at the
 * provider still finds the account, and another identity that later carries
 * the same e-mail does not. Null: refuse the login.
 */
export async function resolveOidcAccount(db: Db, identity: { subject: string; email: string | null }): Promise<{ userId: string } | null> {
  const linked = await db.user.findUnique({ where: { oidcSubject: identity.subject }, select: { id: true, active: true } });
  if (linked) return linked.active ? { userId: linked.id } : null;
  const email = identity.email?.trim().toLowerCase();
  const known = email ? await db.user.findUnique({ where: { email }, select: { id: true, active: true, oidcSubject: true } }) : null;
  if (!known?.active || known.oidcSubject) return null;
  await db.user.update({ where: { id: known.id }, data: { oidcSubject: identity.subject } });
  await recordAuditEvent(db, { actorId: known.id, action: 'user.oidc_link', entityType: 'user', entityId: known.id });
  return { userId: known.id };
}

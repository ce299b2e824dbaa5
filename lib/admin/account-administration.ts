import { z } from 'zod';
import { canManageAccount, canSeeAccount } from '../access/policy';
import { recordAuditEvent, type AuditAction } from '../audit/record-audit-event';
import { hashPassword } from '../auth/password';
import { endUserSessions } from '../auth/user-sessions';
import { AppError } from '../errors/app-error';
import { endLiveSessions, forgetLiveUser } from '../realtime/live-sessions';
import { idParam } from '../validation/query-params';
import { parseInput } from '../validation/parse-input';
import { assertNotLastAdmin, checkPassword, emailSchema, personNameSchema, type AdminContext } from './administration';

/**
 * Powers over a person's account (issue 16): password, deactivation, name,
 * e-mail, OIDC link. They reach into every unit the person belongs to, so they
 * follow `canManageAccount`, not the unit the form is on: a unit's admin acts
 * on accounts that are wholly their units', a system administrator on any.
 * `unitId` only says which unit page the form was on (the audit entry's unit).
 */
const contextUnit = z.preprocess((v) => (v === '' ? undefined : v), idParam.optional());
const target = { userId: idParam, unitId: contextUnit };
export const setAccountPasswordSchema = z.object({ ...target, password: z.string() });
export const setAccountActiveSchema = z.object({ ...target, active: z.boolean() });
export const changeAccountNameSchema = z.object({ ...target, name: personNameSchema });
export const changeAccountEmailSchema = z.object({ ...target, email: emailSchema });
export const unlinkAccountOidcSchema = z.object(target);

type Target = { id: string; email: string; name: string; oidcSubject: string | null; unitIds: string[] };

/** The account, if the actor may act on it: unseen → not_found (hidden = missing); seen but not theirs → conflict. */
async function manageableAccount({ db, actor }: AdminContext, userId: string): Promise<Target> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, oidcSubject: true, systemAdmin: true, memberships: { select: { unitId: true } } },
  });
  if (!user || !canSeeAccount(actor, user)) throw new AppError('not_found');
  if (!canManageAccount(actor, user)) throw new AppError('conflict', 'account_elsewhere');
  return { ...user, unitIds: user.memberships.map((m) => m.unitId) };
}

async function audit(context: AdminContext, account: Target, action: AuditAction, unitId: string | undefined): Promise<void> {
  await recordAuditEvent(context.db, {
    actorId: context.actor.userId,
    action,
    entityType: 'user',
    entityId: account.id,
    // The unit page it was done from, when the person belongs there; a system administrator's page has none.
    unitId: unitId && account.unitIds.includes(unitId) ? unitId : null,
    detail: { as: context.actor.systemAdmin ? 'system_admin' : 'unit_admin' },
  });
}

/** A new password set for someone else (a reset): whoever knew the old one is out. */
export async function setAccountPassword(context: AdminContext): Promise<void> {
  const { userId, unitId, password } = parseInput(setAccountPasswordSchema, context.input);
  const account = await manageableAccount(context, userId);
  // One's own password is changed with the current one (/konto), so a borrowed session cannot lock the owner out.
  if (userId === context.actor.userId) throw new AppError('conflict', 'self_password');
  checkPassword(password, account);
  await context.db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
  await audit(context, account, 'user.password_set', unitId);
  await endLiveSessions(await endUserSessions(context.db, userId, 'revoked'));
}

/** Deactivates (every session ends at once) or reactivates an account; nobody their own, and no unit left without an admin. */
export async function setAccountActive(context: AdminContext): Promise<void> {
  const { userId, unitId, active } = parseInput(setAccountActiveSchema, context.input);
  const account = await manageableAccount(context, userId);
  if (userId === context.actor.userId) throw new AppError('conflict', 'self');
  if (!active) for (const id of account.unitIds) await assertNotLastAdmin(context.db, id, userId);
  await context.db.user.update({ where: { id: userId }, data: { active } });
  await audit(context, account, active ? 'user.activate' : 'user.deactivate', unitId);
  if (!active) await endLiveSessions(await endUserSessions(context.db, userId, 'deactivated'));
}

export async function changeAccountName(context: AdminContext): Promise<void> {
  const { userId, unitId, name } = parseInput(changeAccountNameSchema, context.input);
  const account = await manageableAccount(context, userId);
  if (name === account.name) return;
  await context.db.user.update({ where: { id: userId }, data: { name } });
  await audit(context, account, 'user.rename', unitId);
  await forgetLiveUser(userId);
}

/**
 * The e-mail is the login and, until an OIDC subject is linked, the key the
 * provider's first login matches on — so changing it is an account power.
 */
export async function changeAccountEmail(context: AdminContext): Promise<void> {
  const { userId, unitId, email } = parseInput(changeAccountEmailSchema, context.input);
  const account = await manageableAccount(context, userId);
  if (email === account.email) return;
  if (await context.db.user.findUnique({ where: { email }, select: { id: true } }))
    throw new AppError('invalid_input', 'e-mail in use', { email: 'email_taken' });
  await context.db.user.update({ where: { id: userId }, data: { email } });
  await audit(context, account, 'user.email_change', unitId);
  await forgetLiveUser(userId);
}

/** Forgets the linked OIDC subject: the next login through the provider links again by e-mail (a replaced identity). */
export async function unlinkAccountOidc(context: AdminContext): Promise<void> {
  const { userId, unitId } = parseInput(unlinkAccountOidcSchema, context.input);
  const account = await manageableAccount(context, userId);
  if (!account.oidcSubject) return;
  await context.db.user.update({ where: { id: userId }, data: { oidcSubject: null } });
  await audit(context, account, 'user.oidc_unlink', unitId);
}

import { z } from 'zod';
import type { Actor } from '../access/access-service';
import { canAdministerUnit, canCreateUnits } from '../access/policy';
import { roleSchema, type Role } from '../access/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import { hashPassword, verifyPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-strength';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { nbNotifications } from '../i18n/nb-notifications';
import { forgetLiveUser, recheckLiveUser } from '../realtime/live-sessions';
import { idParam } from '../validation/query-params';
import { parseInput } from '../validation/parse-input';

/**
 * Units, members and roles, run by a unit's admin (issue 8). Every change
 * takes effect at once: roles are read from the database on every request,
 * and a change closes the person's live connections so that they reconnect
 * and are checked again (4100), or — deactivation — ends their sessions
 * (4401). Passwords are checked for strength, hashed, and never logged.
 */
export type AdminContext = { db: Db; actor: Actor; input: unknown };

const unitName = z.string().trim().min(2, 'too_short').max(120, 'too_long');
export const personNameSchema = z.string().trim().min(2, 'too_short').max(120, 'too_long');
export const emailSchema = z.string().trim().toLowerCase().max(254, 'too_long').pipe(z.email('invalid_email'));
const optionalPassword = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

export const createUnitSchema = z.object({ name: unitName });
export const renameUnitSchema = z.object({ unitId: idParam, name: unitName });
export const addMemberSchema = z.object({
  unitId: idParam,
  email: emailSchema,
  name: personNameSchema.optional().or(z.literal('')),
  role: roleSchema,
  password: optionalPassword,
});
export const changeRoleSchema = z.object({ unitId: idParam, userId: idParam, role: roleSchema });
export const memberSchema = z.object({ unitId: idParam, userId: idParam });
export const setActiveSchema = z.object({ unitId: idParam, userId: idParam, active: z.boolean() });
export const setPasswordSchema = z.object({ unitId: idParam, userId: idParam, password: z.string() });
export const changeOwnPasswordSchema = z.object({ current: z.string().max(200), password: z.string() });

function requireAdminOf(actor: Actor, unitId: string): void {
  // Not an admin here: the unit is not shown to them at all (hidden = missing).
  if (!canAdministerUnit(actor.memberships, unitId)) throw new AppError('not_found');
}

export function checkPassword(password: string, person: { email: string; name: string }): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new AppError('invalid_input', 'weak password', { password: `password_${problem}` });
}

export async function createUnit({ db, actor, input }: AdminContext): Promise<{ unitId: string }> {
  if (!canCreateUnits(actor.memberships)) throw new AppError('forbidden');
  const { name } = parseInput(createUnitSchema, input);
  const unit = await db.$transaction(async (tx) => {
    const created = await tx.unit.create({ data: { name } });
    // The creator runs the new unit until they hand it over.
    await tx.membership.create({ data: { unitId: created.id, userId: actor.userId, role: 'admin' } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'unit.create',
      entityType: 'unit',
      entityId: created.id,
      unitId: created.id,
    });
    // The creator's own membership is a membership change like any other.
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'member.add',
      entityType: 'user',
      entityId: actor.userId,
      unitId: created.id,
      detail: { role: 'admin', newAccount: false, withPassword: false, creator: true },
    });
    return created;
  });
  // The creator's kept session lacks the new unit: every node reads it again.
  await forgetLiveUser(actor.userId);
  return { unitId: unit.id };
}

export async function renameUnit({ db, actor, input }: AdminContext): Promise<void> {
  const { unitId, name } = parseInput(renameUnitSchema, input);
  requireAdminOf(actor, unitId);
  await db.unit.update({ where: { id: unitId }, data: { name } });
  await recordAuditEvent(db, { actorId: actor.userId, action: 'unit.rename', entityType: 'unit', entityId: unitId, unitId });
}

/**
 * Adds a person to a unit by e-mail: an existing account gets the role here
 * (a person may belong to several units) and is told so in the app — a
 * membership is never given behind someone's back; a new e-mail gets an
 * account, with a password when one is given (else they log in through OIDC).
 * Adding someone brings no power over their account if they belong elsewhere
 * too (canManageAccount).
 */
export async function addMember({ db, actor, input }: AdminContext): Promise<{ userId: string; created: boolean }> {
  const data = parseInput(addMemberSchema, input);
  requireAdminOf(actor, data.unitId);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true, name: true } });
  if (!existing && !data.name) throw new AppError('invalid_input', 'a new person needs a name', { name: 'required' });
  const name = existing?.name ?? data.name!;
  if (data.password !== undefined) {
    if (existing) throw new AppError('invalid_input', 'an existing account keeps its password', { password: 'password_existing_account' });
    checkPassword(data.password, { email: data.email, name });
  }
  const passwordHash = data.password !== undefined ? await hashPassword(data.password) : null;
  const added = await db.$transaction(async (tx) => {
    const user = existing ?? (await tx.user.create({ data: { email: data.email, name, passwordHash } }));
    const already = await tx.membership.findUnique({ where: { userId_unitId: { userId: user.id, unitId: data.unitId } } });
    if (already) throw new AppError('invalid_input', 'already a member', { email: 'already_member' });
    await tx.membership.create({ data: { userId: user.id, unitId: data.unitId, role: data.role } });
    if (existing) {
      const unit = await tx.unit.findUniqueOrThrow({ where: { id: data.unitId }, select: { name: true } });
      await tx.notification.create({ data: { userId: user.id, text: nbNotifications.addedToUnit(unit.name, data.role), link: '/' } });
    }
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'member.add',
      entityType: 'user',
      entityId: user.id,
      unitId: data.unitId,
      detail: { role: data.role, newAccount: !existing, withPassword: passwordHash !== null },
    });
    return { userId: user.id, created: !existing };
  });
  // Their kept session (if they are logged in) lacks the new unit: every node reads it again.
  await forgetLiveUser(added.userId);
  return added;
}

/** A unit must keep an admin: the last one cannot be demoted, removed or deactivated. */
export async function assertNotLastAdmin(db: Db, unitId: string, userId: string): Promise<void> {
  const admins = await db.membership.findMany({ where: { unitId, role: 'admin', user: { active: true } }, select: { userId: true } });
  if (admins.length === 1 && admins[0].userId === userId) throw new AppError('conflict', 'last_admin');
}

async function membershipOf(db: Db, unitId: string, userId: string): Promise<{ role: Role }> {
  const membership = await db.membership.findUnique({ where: { userId_unitId: { userId, unitId } }, select: { role: true } });
  const role = membership ? roleSchema.safeParse(membership.role) : null;
  if (!role?.success) throw new AppError('not_found');
  return { role: role.data };
}

export async function changeRole({ db, actor, input }: AdminContext): Promise<void> {
  const { unitId, userId, role } = parseInput(changeRoleSchema, input);
  requireAdminOf(actor, unitId);
  const current = await membershipOf(db, unitId, userId);
  if (current.role === role) return;
  if (current.role === 'admin') await assertNotLastAdmin(db, unitId, userId);
  await db.membership.update({ where: { userId_unitId: { userId, unitId } }, data: { role } });
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'member.role_change',
    entityType: 'user',
    entityId: userId,
    unitId,
    detail: { from: current.role, to: role },
  });
  await recheckLiveUser(userId);
}

export async function removeMember({ db, actor, input }: AdminContext): Promise<void> {
  const { unitId, userId } = parseInput(memberSchema, input);
  requireAdminOf(actor, unitId);
  const current = await membershipOf(db, unitId, userId);
  if (current.role === 'admin') await assertNotLastAdmin(db, unitId, userId);
  await db.membership.delete({ where: { userId_unitId: { userId, unitId } } });
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'member.remove',
    entityType: 'user',
    entityId: userId,
    unitId,
    detail: { role: current.role },
  });
  await recheckLiveUser(userId);
}

/** Changing one's own password needs the current one. */
export async function changeOwnPassword({ db, actor, input }: AdminContext): Promise<void> {
  const { current, password } = parseInput(changeOwnPasswordSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError('invalid_input', 'wrong password', { current: 'password_wrong' });
  }
  checkPassword(password, user);
  await db.user.update({ where: { id: actor.userId }, data: { passwordHash: await hashPassword(password) } });
  await recordAuditEvent(db, { actorId: actor.userId, action: 'user.password_change', entityType: 'user', entityId: actor.userId });
}

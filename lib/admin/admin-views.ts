import type { Actor } from '../access/access-service';
import { canAdministerUnit, canManageAccount, canManageMeetings } from '../access/policy';
import { roleSchema } from '../access/roles';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';

/** What the administration pages show: the units one administers or plans meetings for, and one unit's members. */
export async function listAdministeredUnits(db: Db, actor: Actor) {
  const ids = actor.memberships
    .filter((m) => canAdministerUnit(actor.memberships, m.unitId) || canManageMeetings(actor.memberships, m.unitId))
    .map((m) => m.unitId);
  const units = await db.unit.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, _count: { select: { memberships: true } } },
    orderBy: { name: 'asc' },
  });
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    members: u._count.memberships,
    administers: canAdministerUnit(actor.memberships, u.id),
  }));
}

export async function unitAdministration(db: Db, actor: Actor, unitId: string) {
  if (!canAdministerUnit(actor.memberships, unitId)) throw new AppError('not_found');
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, minutesApprovalDays: true } });
  if (!unit) throw new AppError('not_found');
  const memberships = await db.membership.findMany({
    where: { unitId },
    select: {
      role: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          active: true,
          passwordHash: true,
          oidcSubject: true,
          systemAdmin: true,
          memberships: { select: { unitId: true } },
        },
      },
    },
  });
  const members = memberships
    .map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: roleSchema.catch('saksbehandler').parse(m.role),
      active: m.user.active,
      // Whether a local password is set — never the hash itself.
      hasPassword: m.user.passwordHash !== null,
      oidcLinked: m.user.oidcSubject !== null,
      otherUnits: m.user.memberships.length - 1,
      isYou: m.user.id === actor.userId,
      // Password, name, e-mail, deactivation: offered only for an account that is wholly this admin's units'
      // (canManageAccount); otherwise the page says why (issue 16).
      accountPowers: canManageAccount(actor, m.user)
        ? ('yes' as const)
        : m.user.systemAdmin
          ? ('system_admin' as const)
          : ('elsewhere' as const),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return { unit, members };
}

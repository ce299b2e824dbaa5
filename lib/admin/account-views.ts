import type { Actor } from '../access/access-service';
import { canAdministerAccounts } from '../access/policy';
import { roleSchema } from '../access/roles';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';

/**
 * What the system administrator's account pages show (issue 16): who has an
 * account, how they log in and which units they belong to — never anything of
 * those units' cases. To anyone else the pages are not there.
 */
const pageSize = 200;

function requireAccountAdministrator(actor: Actor): void {
  if (!canAdministerAccounts(actor)) throw new AppError('not_found');
}

const accountSelect = {
  id: true,
  name: true,
  email: true,
  active: true,
  systemAdmin: true,
  passwordHash: true,
  oidcSubject: true,
  memberships: { select: { role: true, unit: { select: { id: true, name: true } } } },
} as const;

type Row = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  systemAdmin: boolean;
  passwordHash: string | null;
  oidcSubject: string | null;
  memberships: { role: string; unit: { id: string; name: string } }[];
};

function present(row: Row, actor: Actor) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    active: row.active,
    systemAdmin: row.systemAdmin,
    // Whether they log in with a password or through the provider — never the hash or the subject.
    hasPassword: row.passwordHash !== null,
    oidcLinked: row.oidcSubject !== null,
    units: row.memberships
      .map((m) => ({ id: m.unit.id, name: m.unit.name, role: roleSchema.catch('saksbehandler').parse(m.role) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    isYou: row.id === actor.userId,
  };
}

/** Accounts by name, filtered by a part of the name or e-mail; at most 200 at a time. */
export async function listAccounts(db: Db, actor: Actor, query: string) {
  requireAccountAdministrator(actor);
  const q = query.trim().slice(0, 100);
  const where = q ? { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }] } : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, select: accountSelect, orderBy: { name: 'asc' }, take: pageSize }),
    db.user.count({ where }),
  ]);
  return { accounts: rows.map((row) => present(row, actor)), total, query: q };
}

export async function accountDetail(db: Db, actor: Actor, userId: string) {
  requireAccountAdministrator(actor);
  const row = await db.user.findUnique({ where: { id: userId }, select: accountSelect });
  if (!row) throw new AppError('not_found');
  return present(row, actor);
}

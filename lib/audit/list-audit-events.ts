import { z } from 'zod';
import type { Actor } from '../access/access-service';
import { auditLogUnits } from '../access/policy';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { idParam, isoDateParam, optionalParam, osloDayRange } from '../validation/query-params';
import { auditActions } from './record-audit-event';

const isoDate = isoDateParam;
const optional = optionalParam;

/** The audit view's filters, from a query string: every field optional, anything malformed refused. */
export const auditFilterSchema = z
  .object({
    from: optional(isoDate),
    to: optional(isoDate),
    actorId: optional(idParam),
    action: optional(z.enum(auditActions)),
    /** A case, meeting or item id: everything done to it. */
    entityId: optional(idParam),
    before: optional(z.coerce.number().int().positive()),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type AuditRow = {
  id: number;
  at: Date;
  actor: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail: string | null;
};

/**
 * Audit entries of the units whose log the actor may read (leaders and
 * admins), newest first, `limit` at a time (page on with `before`).
 */
export async function listAuditEvents(options: { db: Db; actor: Actor; filter: AuditFilter; limit?: number }): Promise<AuditRow[]> {
  const { db, actor, filter } = options;
  const unitIds = auditLogUnits(actor.memberships);
  if (unitIds.length === 0) throw new AppError('not_found');
  const at = osloDayRange(filter.from, filter.to);
  const rows = await db.auditEvent.findMany({
    where: {
      unitId: { in: unitIds },
      ...(filter.from || filter.to ? { at } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
      ...(filter.before ? { id: { lt: filter.before } } : {}),
    },
    orderBy: { id: 'desc' },
    take: options.limit ?? 100,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => Boolean(id)))];
  const users = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actorId ? (names.get(r.actorId) ?? null) : null,
    actorId: r.actorId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    detail: r.detail,
  }));
}

/** The people who appear as actors in these units' log, for the filter's choices. */
export async function listAuditActors(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  const unitIds = auditLogUnits(actor.memberships);
  return db.user.findMany({
    where: { memberships: { some: { unitId: { in: unitIds } } } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}

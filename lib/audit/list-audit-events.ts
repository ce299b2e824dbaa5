import { z } from 'zod';
import type { Actor } from '../access/access-service';
import { auditLogUnits } from '../access/policy';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { logCaseReads } from '../history/log-case-reads';
import { idParam, isoDateParam, optionalParam, osloDayRange } from '../validation/query-params';
// The SQL template helpers are the same runtime object in both generated clients.
import { Prisma } from '../../prisma/generated/sqlite/client';
import { auditActions } from './record-audit-event';

const optional = optionalParam;

/** The audit view's filters, from a query string: every field optional, anything malformed refused. */
export const auditFilterSchema = z
  .object({
    from: optional(isoDateParam),
    to: optional(isoDateParam),
    /** A staff member: what they did. */
    actorId: optional(idParam),
    action: optional(z.enum(auditActions)),
    /** A case, meeting or item id: everything done to it. */
    entityId: optional(idParam),
    /** A person reference (as on the case, letter case ignored): everything done to that person's cases, items and follow-ups. */
    personRef: optional(z.string().trim().min(1).max(40)),
    before: optional(z.coerce.number().int().positive()),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type AuditRow = {
  id: number;
  at: Date;
  actorId: string | null;
  /** The staff member's name (null: the system, or an account since removed). */
  actor: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail: string | null;
  /** For an entry about a case, or an item or follow-up of one: the case. */
  caseId: string | null;
  /** Null when the case was anonymised (its title and person reference are gone). */
  caseTitle: string | null;
  personRef: string | null;
  anonymised: boolean;
  /** An item without a case: its own title. */
  itemTitle: string | null;
  /** A meeting: when it starts. */
  meetingStartsAt: Date | null;
  /** A user or unit the entry is about: its name. */
  entityName: string | null;
};

type RawRow = {
  id: number | bigint;
  at: Date | string;
  unitId: string | null;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail: string | null;
  caseId: string | null;
  caseTitle: string | null;
  personRef: string | null;
  anonymisedAt: Date | string | null;
  itemTitle: string | null;
  meetingStartsAt: Date | string | null;
  entityName: string | null;
};

/** Which door reads the log, for the reads it logs: the page or its CSV export. */
export type AuditLogView = 'audit_log' | 'audit_csv';

/**
 * Audit entries of the units whose log the actor may read (leaders and
 * admins), newest first, `limit` at a time (page on with `before`), in the
 * words a leader reads: the staff member's name, and for an entry about a
 * case (or an item or follow-up of one) its title and person reference.
 *
 * One query: the entries joined with the people, cases, items, follow-ups,
 * meetings and units they name (primary-key joins on the page's rows only),
 * so a page costs one read whatever it shows. Raw SQL because Prisma can
 * neither join on a polymorphic `entityId` nor, on SQLite, join in one
 * statement; the SQL is the same on both databases.
 *
 * The rows show cases' titles and person references: the cases shown are
 * logged as read (`view`), in one insert, before the rows are returned.
 */
export async function listAuditEvents(options: {
  db: Db;
  actor: Actor;
  filter: AuditFilter;
  view: AuditLogView;
  limit?: number;
}): Promise<AuditRow[]> {
  const { db, actor, filter } = options;
  const unitIds = auditLogUnits(actor.memberships);
  if (unitIds.length === 0) throw new AppError('not_found');
  const where = Prisma.join(conditions(unitIds, filter), ' AND ');
  const raw = await db.$queryRaw<RawRow[]>`
    SELECT e."id", e."at", e."unitId", e."actorId", a."name" AS "actorName", e."action", e."entityType", e."entityId", e."detail",
      COALESCE(c."id", ic."id", fc."id") AS "caseId",
      COALESCE(c."title", ic."title", fc."title") AS "caseTitle",
      COALESCE(c."personRef", ic."personRef", fc."personRef") AS "personRef",
      COALESCE(c."anonymisedAt", ic."anonymisedAt", fc."anonymisedAt") AS "anonymisedAt",
      i."title" AS "itemTitle",
      m."startsAt" AS "meetingStartsAt",
      COALESCE(tu."name", un."name") AS "entityName"
    FROM "AuditEvent" e
    LEFT JOIN "User" a ON a."id" = e."actorId"
    LEFT JOIN "Case" c ON e."entityType" = 'case' AND c."id" = e."entityId"
    LEFT JOIN "AgendaItem" i ON e."entityType" = 'item' AND i."id" = e."entityId"
    LEFT JOIN "Case" ic ON ic."id" = i."caseId"
    LEFT JOIN "FollowUp" f ON e."entityType" = 'follow_up' AND f."id" = e."entityId"
    LEFT JOIN "Case" fc ON fc."id" = f."caseId"
    LEFT JOIN "Meeting" m ON e."entityType" = 'meeting' AND m."id" = e."entityId"
    LEFT JOIN "User" tu ON e."entityType" = 'user' AND tu."id" = e."entityId"
    LEFT JOIN "Unit" un ON e."entityType" = 'unit' AND un."id" = e."entityId"
    WHERE ${where}
    ORDER BY e."id" DESC
    LIMIT ${options.limit ?? 100}`;
  const rows = raw.map(present);
  // Reading the log shows whose records were read (title, person reference): that is a read of those cases too.
  await logCaseReads(
    db,
    actor,
    raw.flatMap((r) => (r.caseId && !r.anonymisedAt && r.unitId ? [{ caseId: r.caseId, unitId: r.unitId }] : [])),
    options.view,
  );
  return rows;
}

/** The WHERE conditions: the actor's audit units, then the chosen filters. */
function conditions(unitIds: string[], filter: AuditFilter): Prisma.Sql[] {
  const where = [Prisma.sql`e."unitId" IN (${Prisma.join(unitIds)})`];
  const range = osloDayRange(filter.from, filter.to);
  if (range.gte) where.push(Prisma.sql`e."at" >= ${range.gte}`);
  if (range.lt) where.push(Prisma.sql`e."at" < ${range.lt}`);
  if (filter.actorId) where.push(Prisma.sql`e."actorId" = ${filter.actorId}`);
  if (filter.action) where.push(Prisma.sql`e."action" = ${filter.action}`);
  if (filter.entityId) where.push(Prisma.sql`e."entityId" = ${filter.entityId}`);
  if (filter.before) where.push(Prisma.sql`e."id" < ${filter.before}`);
  if (filter.personRef) {
    // Through the cases of that person (in these units), so the entry index (entityType, entityId) finds the rows.
    const ref = filter.personRef.toLowerCase();
    const cases = Prisma.sql`SELECT pc."id" FROM "Case" pc WHERE pc."unitId" IN (${Prisma.join(unitIds)}) AND LOWER(pc."personRef") = ${ref}`;
    where.push(Prisma.sql`(
      (e."entityType" = 'case' AND e."entityId" IN (${cases}))
      OR (e."entityType" = 'item' AND e."entityId" IN (SELECT pi."id" FROM "AgendaItem" pi WHERE pi."caseId" IN (${cases})))
      OR (e."entityType" = 'follow_up' AND e."entityId" IN (SELECT pf."id" FROM "FollowUp" pf WHERE pf."caseId" IN (${cases})))
    )`);
  }
  return where;
}

function present(r: RawRow): AuditRow {
  const anonymised = Boolean(r.anonymisedAt);
  return {
    id: Number(r.id),
    at: new Date(r.at),
    actorId: r.actorId,
    actor: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    detail: r.detail,
    caseId: r.caseId,
    caseTitle: anonymised ? null : r.caseTitle,
    personRef: anonymised ? null : r.personRef,
    anonymised,
    itemTitle: r.itemTitle,
    meetingStartsAt: r.meetingStartsAt ? new Date(r.meetingStartsAt) : null,
    entityName: r.entityName,
  };
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

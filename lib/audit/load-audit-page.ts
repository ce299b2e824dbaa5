import type { Actor } from '../access/access-service';
import { auditLogUnits } from '../access/policy';
import type { Db } from '../db/db';
import { AppError, isAppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { auditFilterSchema, listAuditActors, listAuditEvents, type AuditFilter, type AuditRow } from './list-audit-events';

export const auditPageSize = 100;

export type AuditPage = {
  filter: AuditFilter;
  /** The filter fields that were malformed (then nothing is listed); empty when the filter is fine. */
  invalidFields: string[];
  rows: AuditRow[];
  people: { id: string; name: string }[];
  /** The `before` of the next (older) page, when there may be one. */
  olderBefore: number | null;
};

/**
 * The audit log page: leaders and admins of a unit only (anyone else: not
 * found), the filter checked (a bad one is said, not a 500), one page of
 * entries (one query, logged as reads of the cases it shows) and the staff
 * members to filter by (one query).
 */
export async function loadAuditPage(options: { db: Db; actor: Actor; query: Record<string, string> }): Promise<AuditPage> {
  const { db, actor } = options;
  if (auditLogUnits(actor.memberships).length === 0) throw new AppError('not_found');
  let filter: AuditFilter;
  try {
    filter = parseInput(auditFilterSchema, options.query, 'invalid audit filter');
  } catch (error) {
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return {
      filter: {},
      invalidFields: Object.keys(error.fields ?? {}),
      rows: [],
      people: await listAuditActors(db, actor),
      olderBefore: null,
    };
  }
  const [rows, people] = await Promise.all([
    listAuditEvents({ db, actor, filter, view: 'audit_log', limit: auditPageSize }),
    listAuditActors(db, actor),
  ]);
  return {
    filter,
    invalidFields: [],
    rows,
    people,
    olderBefore: rows.length === auditPageSize ? rows[rows.length - 1].id : null,
  };
}

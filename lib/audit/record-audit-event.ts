import type { Db, DbTransaction } from '../db/db';

/**
 * Audit actions. Reads of case content are logged as well as changes
 * (DOMAIN.md: tilgangslogg). `detail` carries context, never case content.
 */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'case.read',
  'case.open_realtime',
  'case.create',
  'case.update',
  'case.submit',
  'case.withdraw',
  'case.delete_draft',
  'case.accept_late',
  'case.ask_missing',
  'meeting.read',
  'meeting.open_realtime',
  'meeting.join',
  'meeting.set_current',
  'meeting.set_referent',
  'meeting.close',
  'item.lock',
  'item.unlock',
  'item.update',
  'agenda.reorder',
  'agenda.add_item',
  'access.denied',
  'follow_up.complete',
  'follow_up.reopen',
  'case.start_revision',
  'case.mark_documented',
  // Review of issue 19: a correction of the minutes after the mark unsettles it.
  'case.changed_after_documented',
  'unit.create',
  'unit.rename',
  'member.add',
  'member.role_change',
  'member.remove',
  'user.deactivate',
  'user.activate',
  'user.password_set',
  'user.password_change',
  'user.oidc_link',
  // Issue 16: account powers and the system administrator role.
  'user.rename',
  'user.email_change',
  'user.oidc_unlink',
  'user.system_admin_grant',
  'user.system_admin_revoke',
  'case.anonymised',
  'person.export',
  'series.create',
  'series.end',
  'meeting.create',
  'meeting.move',
  'meeting.cancel',
  'calendar.rotate',
  // Issue 20: a unit's days without meetings.
  'meeting_free.add',
  'meeting_free.remove',
  'case.national_id_override',
  // Issue 17: a version of a case or an item restored (as a new edit).
  'version.restore',
  // Issue 18: habilitet (forvaltningsloven § 6), and the reason an outcome departs from like cases.
  'item.declare_recusal',
  'item.withdraw_recusal',
  'item.set_acting_chair',
  // Issue 18: the A-list (moved on or off, concluded together).
  'agenda.a_list',
  'item.a_list_conclude',
  // Issue 19: minutes people approve (lib/minutes), and the unit's comment period.
  'minutes.comment',
  'minutes.edit',
  'minutes.approve',
  'minutes.remind',
  'unit.minutes_period',
  // Issue 22: service-level and political/administrative cases (lib/leader-cases).
  'leader_case.create',
  'leader_case.read',
  'leader_case.update',
  'leader_case.attach_evidence',
  'leader_case.download',
  'leader_case.put_on_meeting',
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditEventInput = {
  actorId: string | null;
  action: AuditAction;
  entityType: 'case' | 'meeting' | 'item' | 'user' | 'unit' | 'document' | 'follow_up' | 'leader_case';
  entityId: string;
  unitId?: string | null;
  detail?: Record<string, string | number | boolean>;
};

export async function recordAuditEvent(db: Db | DbTransaction, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      unitId: event.unitId ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    },
  });
}

/** Rows per INSERT: a page's reads always fit in one; only a large export (the audit log's CSV) takes several. */
const rowsPerInsert = 1000;

/**
 * Several events in one statement (a view that shows many cases at once).
 * Awaited by every view before it returns what it logs: a failed write fails
 * the view, so no content is shown unlogged.
 */
export async function recordAuditEvents(db: Db | DbTransaction, events: AuditEventInput[]): Promise<void> {
  // 1000 rows × 7 columns stays below both databases' limit on bound parameters (SQLite 32,766; PostgreSQL 65,535).
  for (let start = 0; start < events.length; start += rowsPerInsert) {
    await insertEvents(db, events.slice(start, start + rowsPerInsert));
  }
}

async function insertEvents(db: Db | DbTransaction, events: AuditEventInput[]): Promise<void> {
  await db.auditEvent.createMany({
    data: events.map((event) => ({
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      unitId: event.unitId ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    })),
  });
}

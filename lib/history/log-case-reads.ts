import type { Actor } from '../access/access-service';
import { recordAuditEvents, type AuditEventInput } from '../audit/record-audit-event';
import type { Db, DbTransaction } from '../db/db';

/** A case a view showed content of (title, person reference, text), and the unit whose log it belongs to. */
export type ShownCase = { caseId: string | null; unitId: string };

/**
 * One `case.read` per distinct case shown, with the view that showed it
 * (`view`: agenda, queue, follow_ups, api_list, search, …; lib/i18n/audit-labels.ts
 * words it), so a case's access log tells who came across it where.
 * Returned rather than written, so that a view can add its own entry (the
 * agenda's `meeting.read`) to the same insert.
 */
export function caseReadEvents(
  actor: Actor,
  shown: readonly ShownCase[],
  view: string,
  context: Record<string, string> = {},
): AuditEventInput[] {
  const seen = new Set<string>();
  const events: AuditEventInput[] = [];
  for (const { caseId, unitId } of shown) {
    if (!caseId || seen.has(caseId)) continue;
    seen.add(caseId);
    events.push({ actorId: actor.userId, action: 'case.read', entityType: 'case', entityId: caseId, unitId, detail: { view, ...context } });
  }
  return events;
}

/**
 * Logs the cases a view shows, in one statement (a page of 50 search hits
 * would otherwise cost 50 round trips), before the view returns them: awaited,
 * never fire-and-forget, so a view whose log cannot be written fails instead
 * of showing health information unlogged. Nothing shown, nothing written.
 */
export async function logCaseReads(
  db: Db | DbTransaction,
  actor: Actor,
  shown: readonly ShownCase[],
  view: string,
  context: Record<string, string> = {},
): Promise<void> {
  await recordAuditEvents(db, caseReadEvents(actor, shown, view, context));
}

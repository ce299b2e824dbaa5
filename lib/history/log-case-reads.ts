import type { Actor } from '../access/access-service';
import { recordAuditEvents, type AuditEventInput } from '../audit/record-audit-event';
import type { Db } from '../db/db';

/**
 * One `case.read` per distinct case a history view showed content of
 * (search snippets, similar decisions, timelines), so a case's access log
 * also tells who came across it there.
 */
export async function logCaseReads(
  db: Db,
  actor: Actor,
  shown: readonly { caseId: string | null; unitId: string }[],
  via: string,
  context: Record<string, string> = {},
): Promise<void> {
  const seen = new Set<string>();
  const events: AuditEventInput[] = [];
  for (const { caseId, unitId } of shown) {
    if (!caseId || seen.has(caseId)) continue;
    seen.add(caseId);
    events.push({ actorId: actor.userId, action: 'case.read', entityType: 'case', entityId: caseId, unitId, detail: { via, ...context } });
  }
  // One statement for all: a page of 50 search hits would otherwise cost 50 round trips.
  await recordAuditEvents(db, events);
}

import type { Actor } from '../access/access-service';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';

/**
 * One `case.read` per distinct case a history view showed content of
 * (search snippets, similar decisions, timelines), so a case's access log
 * also tells who came across it there.
 */
export async function logCaseReads(db: Db, actor: Actor, shown: readonly { caseId: string | null; unitId: string }[], via: string): Promise<void> {
  const seen = new Set<string>();
  for (const { caseId, unitId } of shown) {
    if (!caseId || seen.has(caseId)) continue;
    seen.add(caseId);
    await recordAuditEvent(db, { actorId: actor.userId, action: 'case.read', entityType: 'case', entityId: caseId, unitId, detail: { via } });
  }
}

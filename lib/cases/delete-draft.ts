import { requireCaseAccess } from '../access/access-service';
import { canDeleteDraft } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import type { CaseContext } from './case-commands-context';

/**
 * Deletes a draft its author no longer wants. Soft: the row stays with status `deleted`, so the access
 * log can still name what was read (retention purges it like an abandoned draft). Nobody sees it
 * afterwards (caseAccess), and open editors of it are closed.
 */
export async function deleteDraft(context: CaseContext & { caseId: string }): Promise<void> {
  const { db, store, actor, caseId } = context;
  const facts = await requireCaseAccess(db, actor, caseId, 'edit');
  if (!canDeleteDraft(actor.userId, actor.memberships, facts)) {
    throw facts.status === 'draft' ? new AppError('forbidden') : new AppError('conflict', 'case_not_draft');
  }
  // Only while still a draft: a submission at the same moment wins, and this one is refused.
  const { count } = await db.case.updateMany({ where: { id: caseId, status: 'draft' }, data: { status: 'deleted' } });
  if (count === 0) throw new AppError('conflict', 'case_not_draft');
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'case.delete_draft',
    entityType: 'case',
    entityId: caseId,
    unitId: facts.unitId,
  });
  await store.recheckAccess(caseId);
}

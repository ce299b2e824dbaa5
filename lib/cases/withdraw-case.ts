import { requireCaseAccess } from '../access/access-service';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import type { CaseContext } from './case-commands-context';

/** Takes a case off its meeting (before the meeting starts). Its history stays. */
export async function withdrawCase(context: CaseContext & { caseId: string }): Promise<void> {
  const { db, store, actor, caseId } = context;
  const facts = await requireCaseAccess(db, actor, caseId, 'edit');
  if (facts.status !== 'submitted' && facts.status !== 'draft') throw new AppError('conflict', 'case_closed');
  if (facts.meetingStarted) throw new AppError('conflict', 'meeting_started');
  await db.case.update({ where: { id: caseId }, data: { status: 'withdrawn', meetingId: null, lateRequestMeetingId: null } });
  await store.recheckAccess(caseId); // withdrawn cases are read-only
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'case.withdraw',
    entityType: 'case',
    entityId: caseId,
    unitId: facts.unitId,
  });
}

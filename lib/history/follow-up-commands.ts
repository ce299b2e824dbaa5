import { z } from 'zod';
import { canCompleteFollowUp, canSeeCaseHistory, canStartRevision, unitAccess } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { CaseContext } from '../cases/case-commands-context';
import { reopenRefused } from '../cases/epj-follow-up';
import { createRevisionDraft, loadDecidedCase } from './revision-draft';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { idParam } from '../validation/query-params';
import { systemClock } from '../time/clock';

export const completeFollowUpSchema = z.object({ followUpId: idParam, done: z.boolean() });

/**
 * Ticks a follow-up off (or opens it again). Its owner may, and so may a
 * leader or chair of the meeting's unit; anyone else is told it is not there.
 */
export async function completeFollowUp(context: Pick<CaseContext, 'db' | 'actor'> & { input: unknown; now?: Date }): Promise<void> {
  const { db, actor } = context;
  const input = parseInput(completeFollowUpSchema, context.input);
  const followUp = await db.followUp.findUnique({
    where: { id: input.followUpId },
    select: {
      id: true,
      ownerId: true,
      kind: true,
      doneAt: true,
      caseId: true,
      agendaItem: { select: { meeting: { select: { unitId: true } } } },
    },
  });
  if (!followUp) throw new AppError('not_found');
  const unitId = followUp.agendaItem.meeting.unitId;
  if (unitAccess(actor.memberships, unitId) === 'none') throw new AppError('not_found');
  if (!canCompleteFollowUp(actor.userId, actor.memberships, { unitId, ownerId: followUp.ownerId })) throw new AppError('forbidden');
  // The mark closed it; the page offers no reopening, and a forged one is refused (epj-follow-up.ts).
  const decided = followUp.caseId
    ? await db.case.findUnique({ where: { id: followUp.caseId }, select: { documentedAt: true, changedAfterDocumentedAt: true } })
    : null;
  if (!input.done && reopenRefused(followUp, decided)) throw new AppError('conflict', 'documented');
  await db.followUp.update({ where: { id: followUp.id }, data: { doneAt: input.done ? (context.now ?? systemClock.now()) : null } });
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: input.done ? 'follow_up.complete' : 'follow_up.reopen',
    entityType: 'follow_up',
    entityId: followUp.id,
    unitId,
  });
}

export const startRevisionSchema = z.object({ caseId: idParam });

/**
 * One step from a re-assessment date to a draft: a new revurdering case in
 * the same unit, filled from the decided case's last submitted version and
 * linked to it. The caseworker reviews it and submits it to a meeting.
 */
export async function startRevision(context: CaseContext & { input: unknown }): Promise<{ id: string }> {
  const { db, actor } = context;
  const input = parseInput(startRevisionSchema, context.input);
  const decided = await db.case.findUnique({
    where: { id: input.caseId },
    select: {
      id: true,
      unitId: true,
      status: true,
      createdById: true,
    },
  });
  if (!decided || !canSeeCaseHistory(actor.userId, actor.memberships, decided)) throw new AppError('not_found');
  if (decided.status !== 'concluded') throw new AppError('conflict', 'not_concluded');
  if (!canStartRevision(actor.userId, actor.memberships, decided)) throw new AppError('forbidden');
  // A withdrawn or deleted revurdering is none: a new one is started.
  const existing = await db.case.findFirst({
    where: { revisesCaseId: decided.id, status: { notIn: ['withdrawn', 'deleted'] } },
    select: { id: true },
  });
  if (existing) return existing;
  const source = await loadDecidedCase(db, decided.id);
  if (!source) throw new AppError('not_found');
  return createRevisionDraft(context, source, 'caseworker');
}

import { z } from 'zod';
import type { Actor } from '../access/access-service';
import { canMarkDocumented } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { systemClock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import { idParam } from '../validation/query-params';
import { epjFollowUpKind, isDocumented } from './epj-follow-up';

export const markDocumentedSchema = z.object({ caseId: idParam });

/**
 * The caseworker marks a concluded case *dokumentert i fagsystemet*: who and
 * when, audited, once (a second mark changes nothing) — or again after a correction of the minutes changed
 * the case since (lib/minutes/after-documented.ts). The follow-up to
 * document it, made when the meeting set the EPJ flag, closes with it.
 */
export async function markDocumented(context: { db: Db; actor: Actor; input: unknown; now?: Date }): Promise<void> {
  const { db, actor } = context;
  const input = parseInput(markDocumentedSchema, context.input);
  const now = context.now ?? systemClock.now();
  const row = await db.case.findUnique({
    where: { id: input.caseId },
    select: {
      id: true,
      unitId: true,
      createdById: true,
      status: true,
      anonymisedAt: true,
      documentedAt: true,
      changedAfterDocumentedAt: true,
    },
  });
  if (!row || row.status !== 'concluded' || row.anonymisedAt || !canMarkDocumented(actor.userId, actor.memberships, row))
    throw new AppError('not_found', 'case');
  if (isDocumented(row)) return;
  await db.$transaction(async (tx) => {
    // Not marked, or marked and then changed by a correction of the minutes: (again) documented now.
    const { count } = await tx.case.updateMany({
      where: { id: row.id, OR: [{ documentedAt: null }, { changedAfterDocumentedAt: { not: null } }] },
      data: { documentedAt: now, documentedById: actor.userId, changedAfterDocumentedAt: null },
    });
    if (count === 0) return;
    await tx.followUp.updateMany({ where: { caseId: row.id, kind: epjFollowUpKind, doneAt: null }, data: { doneAt: now } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'case.mark_documented',
      entityType: 'case',
      entityId: row.id,
      unitId: row.unitId,
    });
  });
}

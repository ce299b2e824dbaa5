import { z } from 'zod';
import type { Actor } from '../access/access-service';
import { canWorkOnLeaderCases } from '../access/leader-case-policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { idParam } from '../validation/query-params';
import { leaderCaseLevels } from './leader-case-form';

export const createLeaderCaseSchema = z.object({ unitId: idParam, level: z.enum(leaderCaseLevels, 'required_choice') });

/** A leader or chair opens an empty service-level or political/administrative case in their unit. */
export async function createLeaderCase(context: { db: Db; actor: Actor; input: unknown }): Promise<{ id: string }> {
  const { db, actor } = context;
  const input = parseInput(createLeaderCaseSchema, context.input, 'invalid leader case');
  if (!canWorkOnLeaderCases(actor.memberships, input.unitId)) throw new AppError('forbidden');
  return db.$transaction(async (tx) => {
    const created = await tx.leaderCase.create({
      data: { unitId: input.unitId, createdById: actor.userId, level: input.level, title: '', content: '{}' },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'leader_case.create',
      entityType: 'leader_case',
      entityId: created.id,
      unitId: input.unitId,
      detail: { level: input.level },
    });
    return created;
  });
}

import type { Actor } from '../access/access-service';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { findLeaderCase } from './find-leader-case';
import { leaderCaseContentSchema, type LeaderCaseContent } from './leader-case-form';
import { leaderCaseWarnings, type LeaderCaseWarning } from './person-data-warnings';

/**
 * Stores the whole form of a leader case (its leaders and chairs write it
 * together, last save wins — it is a short document, not a live one). Bad
 * input is refused field by field and stores nothing; person data and a
 * one-criterion assessment are warnings, returned for the page to show.
 * `seen` is when the case was last saved as the form showed it: a save
 * from a form older than someone else's save is refused (`conflict`), so
 * one leader's save never silently overwrites another's.
 */
export async function saveLeaderCase(context: {
  db: Db;
  actor: Actor;
  id: unknown;
  input: unknown;
  seen?: unknown;
}): Promise<{ content: LeaderCaseContent; warnings: Record<string, LeaderCaseWarning[]>; updatedAt: Date }> {
  const { db, actor } = context;
  const row = await findLeaderCase(db, actor, context.id);
  const content = parseInput(leaderCaseContentSchema, context.input, 'invalid leader case');
  const seen = typeof context.seen === 'string' && context.seen ? new Date(context.seen) : null;
  if (seen && Number.isNaN(seen.getTime())) throw new AppError('invalid_input', 'seen', { seen: 'invalid' });
  const updatedAt = await db.$transaction(async (tx) => {
    const { count } = await tx.leaderCase.updateMany({
      where: { id: row.id, ...(seen ? { updatedAt: seen } : {}) },
      data: { content: JSON.stringify(content), title: content.question?.trim() ?? '' },
    });
    if (count === 0) throw new AppError('conflict', 'leader_case_changed');
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'leader_case.update',
      entityType: 'leader_case',
      entityId: row.id,
      unitId: row.unitId,
    });
    return (await tx.leaderCase.findUniqueOrThrow({ where: { id: row.id }, select: { updatedAt: true } })).updatedAt;
  });
  return { content, warnings: leaderCaseWarnings(content), updatedAt };
}

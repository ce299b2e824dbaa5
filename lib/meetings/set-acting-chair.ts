import { z } from 'zod';
import { inhabilItemIds, type Actor } from '../access/access-service';
import { caseworkRoles } from '../access/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { recheckLiveUser } from '../realtime/live-sessions';
import { parseInput } from '../validation/parse-input';
import { loadMeetingForChair } from './load-meeting-for-chair';

const id = z.string().regex(/^[a-z0-9]{8,40}$/);
export const actingChairSchema = z.object({ meetingId: id, itemId: id, userId: id.nullable() });

/**
 * The chair names who chairs one item in their place (when a chair is
 * inhabil for it; by default the referent does): that person writes its
 * conclusion and locks it (lib/access/policy.ts canWriteConclusion,
 * canLockItem). Someone in case work in the unit, not inhabil for the item,
 * while it is not locked. Audited; the old and the new person's live
 * connections are checked again, so the right to write follows at once.
 */
export async function setActingChair(options: { db: Db; actor: Actor; input: unknown }): Promise<{ userId: string | null }> {
  const { db, actor } = options;
  const input = parseInput(actingChairSchema, options.input);
  const meeting = await loadMeetingForChair(db, actor, input.meetingId);
  const item = await db.agendaItem.findFirst({ where: { id: input.itemId, meetingId: meeting.id } });
  if (!item) throw new AppError('not_found');
  if (item.locked) throw new AppError('conflict', 'item_locked');
  if (input.userId) {
    const membership = await db.membership.findFirst({
      where: { unitId: meeting.unitId, userId: input.userId, user: { active: true } },
      select: { role: true },
    });
    const inhabil = (await inhabilItemIds(db, input.userId, [item])).has(item.id);
    if (!membership || !(caseworkRoles as readonly string[]).includes(membership.role) || inhabil)
      throw new AppError('invalid_input', 'acting_chair_not_allowed', { userId: 'acting_chair_not_allowed' });
  }
  await db.$transaction(async (tx) => {
    await tx.agendaItem.update({ where: { id: item.id }, data: { actingChairId: input.userId } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'item.set_acting_chair',
      entityType: 'item',
      entityId: item.id,
      unitId: meeting.unitId,
      detail: { meetingId: meeting.id, userId: input.userId ?? '' },
    });
  });
  for (const userId of new Set([item.actingChairId, input.userId])) if (userId) await recheckLiveUser(userId);
  return { userId: input.userId };
}

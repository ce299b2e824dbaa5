import { z } from 'zod';
import { requireMeetingAccess, type Actor } from '../access/access-service';
import { canDeclareRecusal } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { containsNationalId } from '../privacy/national-id';
import { recheckLiveUser } from '../realtime/live-sessions';
import { parseInput } from '../validation/parse-input';

const id = z.string().regex(/^[a-z0-9]{8,40}$/);
export const declareRecusalSchema = z.object({
  meetingId: id,
  itemId: id,
  // The reason is shown to the chair: a short sentence, never a national identity number.
  reason: z
    .string()
    .trim()
    .min(3, 'reason_required')
    .max(500, 'reason_too_long')
    .refine((text) => !containsNationalId(text), 'national_id'),
});
export const withdrawRecusalSchema = z.object({ meetingId: id, itemId: id });

type Options = { db: Db; actor: Actor; input: unknown };

/** The item, if the actor takes part in its meeting and may still declare or withdraw (canDeclareRecusal). */
async function itemForRecusal(db: Db, actor: Actor, meetingId: string, itemId: string) {
  const { level, meeting } = await requireMeetingAccess(db, actor, meetingId);
  const item = await db.agendaItem.findFirst({ where: { id: itemId, meetingId }, select: { id: true, locked: true } });
  if (!item) throw new AppError('not_found');
  // Someone who only reads the meeting (an admin, a closed meeting) takes no part: refused as any action they may not take.
  if (level !== 'edit') throw new AppError('forbidden');
  if (!canDeclareRecusal(actor.memberships, meeting, item)) throw new AppError('conflict', 'item_locked');
  return { item, unitId: meeting.unitId };
}

/**
 * A participant declares themselves inhabil for an item (forvaltningsloven
 * § 6): from now on every door (lib/access) hides its content and its case
 * from them. Their open connections reconnect and are checked again, so an
 * open editor of the item closes at once. Audited (the reason is not: it is
 * kept on the declaration, which the chair sees).
 */
export async function declareRecusal(options: Options): Promise<{ itemId: string }> {
  const { db, actor } = options;
  const input = parseInput(declareRecusalSchema, options.input);
  const { item, unitId } = await itemForRecusal(db, actor, input.meetingId, input.itemId);
  await db.$transaction(async (tx) => {
    await tx.recusal.upsert({
      where: { itemId_userId: { itemId: item.id, userId: actor.userId } },
      create: { itemId: item.id, userId: actor.userId, reason: input.reason },
      update: { reason: input.reason },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'item.declare_recusal',
      entityType: 'item',
      entityId: item.id,
      unitId,
      detail: { meetingId: input.meetingId },
    });
  });
  await recheckLiveUser(actor.userId);
  return { itemId: item.id };
}

/** Withdraws one's own declaration while the item is not locked; audited. */
export async function withdrawRecusal(options: Options): Promise<{ itemId: string }> {
  const { db, actor } = options;
  const input = parseInput(withdrawRecusalSchema, options.input);
  const { item, unitId } = await itemForRecusal(db, actor, input.meetingId, input.itemId);
  await db.$transaction(async (tx) => {
    const removed = await tx.recusal.deleteMany({ where: { itemId: item.id, userId: actor.userId } });
    if (removed.count === 0) throw new AppError('not_found');
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'item.withdraw_recusal',
      entityType: 'item',
      entityId: item.id,
      unitId,
      detail: { meetingId: input.meetingId },
    });
  });
  await recheckLiveUser(actor.userId);
  return { itemId: item.id };
}

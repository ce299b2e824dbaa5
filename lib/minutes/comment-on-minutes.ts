import { z } from 'zod';
import type { Actor } from '../access/access-service';
import { canCommentOnMinutes } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { systemClock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import { loadMinutesFacts, requireDraft } from './minutes-facts';
import { meetingIdSchema, minutesText } from './minutes-text';

export const commentOnMinutesSchema = z.object({
  meetingId: meetingIdSchema,
  text: minutesText(2000, 'comment_too_long').pipe(z.string().trim().min(3, 'comment_required')),
});

/**
 * A participant comments on the draft minutes (issue 19): who and when are
 * stored with the text. Refused once the minutes are approved. Audited (the
 * entry names the comment, not its words).
 */
export async function commentOnMinutes(options: { db: Db; actor: Actor; input: unknown; now?: Date }) {
  const { db, actor } = options;
  const input = parseInput(commentOnMinutesSchema, options.input);
  const now = options.now ?? systemClock.now();
  const { meeting, facts } = await loadMinutesFacts(db, actor, input.meetingId);
  if (!canCommentOnMinutes(actor.memberships, actor.userId, facts)) throw new AppError('forbidden', 'not_participant');
  requireDraft(meeting);
  return db.$transaction(async (tx) => {
    // Checked again in the transaction: an approval that landed in between wins.
    const still = await tx.meeting.count({ where: { id: meeting.id, minutesStatus: 'draft' } });
    if (still === 0) throw new AppError('conflict', 'minutes_approved');
    const comment = await tx.minutesComment.create({
      data: { meetingId: meeting.id, authorId: actor.userId, text: input.text, createdAt: now },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'minutes.comment',
      entityType: 'meeting',
      entityId: meeting.id,
      unitId: meeting.unitId,
      detail: { commentId: comment.id },
    });
    return comment;
  });
}

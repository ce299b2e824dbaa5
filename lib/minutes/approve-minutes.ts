import { z } from 'zod';
import type { Actor } from '../access/access-service';
import { canEditMinutes } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { systemClock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import { loadMinutesFacts, requireDraft } from './minutes-facts';
import { meetingIdSchema } from './minutes-text';

export const approveMinutesSchema = z.object({ meetingId: meetingIdSchema });

/**
 * The chair (or the referent) approves the draft minutes: from now on they are
 * frozen — no edit, no comment. Of two approvals at once only one lands (the
 * update is conditional on the draft state). Audited.
 */
export async function approveMinutes(options: { db: Db; actor: Actor; input: unknown; now?: Date }) {
  const { db, actor } = options;
  const input = parseInput(approveMinutesSchema, options.input);
  const now = options.now ?? systemClock.now();
  const { meeting, facts } = await loadMinutesFacts(db, actor, input.meetingId);
  if (!canEditMinutes(actor.memberships, actor.userId, facts)) throw new AppError('forbidden', 'chair_only');
  requireDraft(meeting);
  await db.$transaction(async (tx) => {
    const claimed = await tx.meeting.updateMany({
      where: { id: meeting.id, minutesStatus: 'draft' },
      data: { minutesStatus: 'approved', minutesApprovedAt: now, minutesApprovedById: actor.userId },
    });
    if (claimed.count === 0) throw new AppError('conflict', 'minutes_approved');
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'minutes.approve',
      entityType: 'meeting',
      entityId: meeting.id,
      unitId: meeting.unitId,
    });
  });
  return { approvedAt: now };
}

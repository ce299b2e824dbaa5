import { z } from 'zod';
import type { AdminContext } from '../admin/administration';
import { canAdministerUnit } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { meetingIdSchema } from './minutes-text';

export const setApprovalPeriodSchema = z.object({
  unitId: meetingIdSchema,
  // A form posts text: "3" is 3; anything but a whole number from 1 to 20 is refused.
  days: z.coerce.number({ error: 'days_range' }).int('days_range').min(1, 'days_range').max(20, 'days_range'),
});

/**
 * A unit's administrator sets how many working days after the close its
 * minutes stay a draft for comments (Unit.minutesApprovalDays, default 2).
 * Applies to meetings closed from now on. Audited with the new value.
 */
export async function setApprovalPeriod({ db, actor, input }: AdminContext): Promise<void> {
  const { unitId, days } = parseInput(setApprovalPeriodSchema, input);
  if (!canAdministerUnit(actor.memberships, unitId)) throw new AppError('not_found');
  await db.$transaction(async (tx) => {
    await tx.unit.update({ where: { id: unitId }, data: { minutesApprovalDays: days } });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'unit.minutes_period',
      entityType: 'unit',
      entityId: unitId,
      unitId,
      detail: { days },
    });
  });
}

import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { formatDate } from '../i18n/format';
import { nbMinutes } from '../i18n/nb-minutes';
import { osloDate } from '../time/oslo';

/**
 * Draft minutes whose comment period has ended unapproved: the meeting's chair
 * is reminded once (a notice linking to the minutes; without a named chair,
 * everyone who may chair the unit's meetings). Nothing is frozen by itself —
 * the chair still approves. Each meeting is claimed by a conditional update
 * (minutesRemindedAt), so two runs at once, or on two nodes, remind once.
 * `now` is the injected clock's instant; the daily job passes it.
 */
export async function remindUnapprovedMinutes(db: Db, now: Date): Promise<number> {
  const overdue = await db.meeting.findMany({
    where: { status: 'closed', minutesStatus: 'draft', minutesRemindedAt: null, minutesDraftUntil: { lt: osloDate(now) } },
    select: { id: true, unitId: true, chairId: true, startsAt: true },
  });
  let reminded = 0;
  for (const meeting of overdue) {
    const sent = await db.$transaction(async (tx) => {
      const claimed = await tx.meeting.updateMany({
        where: { id: meeting.id, minutesStatus: 'draft', minutesRemindedAt: null },
        data: { minutesRemindedAt: now },
      });
      if (claimed.count === 0) return false;
      const chairs = meeting.chairId
        ? [meeting.chairId]
        : (
            await tx.membership.findMany({
              where: { unitId: meeting.unitId, role: { in: ['moteleder', 'leder'] }, user: { active: true } },
              select: { userId: true },
            })
          ).map((m) => m.userId);
      await tx.notification.createMany({
        data: chairs.map((userId) => ({
          userId,
          text: nbMinutes.reminder(formatDate(meeting.startsAt)),
          link: `/moter/${meeting.id}/referat`,
          createdAt: now,
        })),
      });
      await recordAuditEvent(tx, {
        actorId: null,
        action: 'minutes.remind',
        entityType: 'meeting',
        entityId: meeting.id,
        unitId: meeting.unitId,
        detail: { reminded: chairs.length },
      });
      return true;
    });
    if (sent) reminded++;
  }
  return reminded;
}

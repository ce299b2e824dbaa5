import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { idParam } from '../validation/query-params';
import { requireMeetingManager, type MeetingAdminContext } from './meeting-admin-context';

export const seriesRefSchema = z.object({ unitId: idParam, seriesId: idParam });

/** Ends a series: it generates nothing more; meetings already planned stay (cancel them one by one). */
export async function endSeries({ db, actor, input }: MeetingAdminContext): Promise<void> {
  const { unitId, seriesId } = parseInput(seriesRefSchema, input);
  requireMeetingManager(actor, unitId);
  const { count } = await db.meetingSeries.updateMany({ where: { id: seriesId, unitId, active: true }, data: { active: false } });
  if (count === 0) throw new AppError('not_found');
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'series.end',
    entityType: 'unit',
    entityId: unitId,
    unitId,
    detail: { seriesId },
  });
}

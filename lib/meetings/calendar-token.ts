import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { parseInput } from '../validation/parse-input';
import { idParam } from '../validation/query-params';
import { requireMeetingManager, type MeetingAdminContext } from './meeting-admin-context';

/**
 * A unit's secret calendar link (/kalender/<token>). Only a SHA-256 of the
 * token is stored: a copy of the database does not open anyone's calendar.
 */
export const hashCalendarToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const unitRefSchema = z.object({ unitId: idParam });

/** A new secret calendar link; the old one stops working at once. Returns the token (shown once). */
export async function rotateCalendarToken({ db, actor, input }: MeetingAdminContext): Promise<{ token: string }> {
  const { unitId } = parseInput(unitRefSchema, input);
  requireMeetingManager(actor, unitId);
  const token = randomBytes(32).toString('base64url');
  await db.unit.update({ where: { id: unitId }, data: { calendarTokenHash: hashCalendarToken(token) } });
  await recordAuditEvent(db, { actorId: actor.userId, action: 'calendar.rotate', entityType: 'unit', entityId: unitId, unitId });
  return { token };
}

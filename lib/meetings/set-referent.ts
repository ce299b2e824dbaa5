import { z } from 'zod';
import { caseworkRoles } from '../access/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { documentName } from '../realtime/document-name';
import { parseInput } from '../validation/parse-input';
import { loadMeetingForChair } from './load-meeting-for-chair';
import type { MeetingContext } from './meeting-documents';

const id = z.string().regex(/^[a-z0-9]{8,40}$/);
export const referentSchema = z.object({ meetingId: id, referentId: id.nullable() });

/**
 * The chair names the meeting's referent (or none): the one person besides
 * whoever chairs who writes the items' conclusions (lib/access/policy.ts
 * canWriteConclusion). The referent must work cases in the unit. Open item
 * documents are checked again, so the old referent stops and the new one
 * starts being able to write the conclusion without reloading.
 */
export async function setReferent(context: MeetingContext & { input: unknown }) {
  const input = parseInput(referentSchema, context.input);
  const meeting = await loadMeetingForChair(context.db, context.actor, input.meetingId);
  if (input.referentId) {
    const membership = await context.db.membership.findFirst({
      where: { unitId: meeting.unitId, userId: input.referentId, user: { active: true } },
      select: { role: true },
    });
    if (!membership || !(caseworkRoles as readonly string[]).includes(membership.role))
      throw new AppError('invalid_input', 'referent_not_member', { referentId: 'referent_not_member' });
  }
  if (meeting.referentId !== input.referentId) {
    await context.db.meeting.update({ where: { id: meeting.id }, data: { referentId: input.referentId } });
    const items = await context.db.agendaItem.findMany({ where: { meetingId: meeting.id }, select: { id: true } });
    await Promise.all(items.map((item) => context.documents.changeAccess(documentName('item', item.id), 'recheck')));
  }
  await recordAuditEvent(context.db, {
    actorId: context.actor.userId,
    action: 'meeting.set_referent',
    entityType: 'meeting',
    entityId: meeting.id,
    unitId: meeting.unitId,
    detail: { referentId: input.referentId ?? '' },
  });
  return { referentId: input.referentId };
}

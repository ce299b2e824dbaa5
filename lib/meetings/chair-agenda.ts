import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { purposes } from '../cases/case-form';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { defaultMinutesByPurpose, moveItem, startsOnAList } from './agenda-rules';
import { loadMeetingForChair } from './load-meeting-for-chair';
import type { MeetingContext } from './meeting-documents';

const id = z.string().regex(/^[a-z0-9]{8,40}$/);
export const reorderSchema = z.object({ meetingId: id, itemId: id, toIndex: z.number().int().min(0).max(500) });
export const planSchema = z.object({ meetingId: id, itemId: id, plannedMinutes: z.number().int().min(1).max(240) });
export const addItemSchema = z.object({
  meetingId: id,
  title: z.string().trim().min(1).max(300),
  purpose: z.enum(purposes),
  plannedMinutes: z.number().int().min(1).max(240).optional(),
});

/** The chair moves an item to a new place (drag or keyboard). */
export async function reorderAgenda(context: MeetingContext & { input: unknown }) {
  const input = parseInput(reorderSchema, context.input);
  const meeting = await loadMeetingForChair(context.db, context.actor, input.meetingId);
  const items = await context.db.agendaItem.findMany({
    where: { meetingId: meeting.id },
    orderBy: { position: 'asc' },
    select: { id: true },
  });
  if (!items.some((i) => i.id === input.itemId)) throw new AppError('not_found');
  const order = moveItem(
    items.map((i) => i.id),
    input.itemId,
    input.toIndex,
  );
  await context.db.$transaction(
    order.map((itemId, index) => context.db.agendaItem.update({ where: { id: itemId }, data: { position: index + 1 } })),
  );
  await recordAuditEvent(context.db, {
    actorId: context.actor.userId,
    action: 'agenda.reorder',
    entityType: 'meeting',
    entityId: meeting.id,
    unitId: meeting.unitId,
  });
  return order;
}

/** The chair sets the minutes planned for an item. */
export async function planItem(context: MeetingContext & { input: unknown }) {
  const input = parseInput(planSchema, context.input);
  const meeting = await loadMeetingForChair(context.db, context.actor, input.meetingId);
  const updated = await context.db.agendaItem.updateMany({
    where: { id: input.itemId, meetingId: meeting.id },
    data: { plannedMinutes: input.plannedMinutes },
  });
  if (updated.count === 0) throw new AppError('not_found');
  await recordAuditEvent(context.db, {
    actorId: context.actor.userId,
    action: 'agenda.reorder',
    entityType: 'item',
    entityId: input.itemId,
    unitId: meeting.unitId,
    detail: { plannedMinutes: input.plannedMinutes },
  });
}

/** The chair adds an item without a submitted case (a service-level matter, a standing item). */
export async function addAgendaItem(context: MeetingContext & { input: unknown }) {
  const input = parseInput(addItemSchema, context.input);
  const meeting = await loadMeetingForChair(context.db, context.actor, input.meetingId);
  const last = await context.db.agendaItem.aggregate({ where: { meetingId: meeting.id }, _max: { position: true } });
  const item = await context.db.agendaItem.create({
    data: {
      meetingId: meeting.id,
      title: input.title,
      purpose: input.purpose,
      plannedMinutes: input.plannedMinutes ?? defaultMinutesByPurpose[input.purpose],
      reason: 'added',
      aList: startsOnAList(input.purpose),
      position: (last._max.position ?? 0) + 1,
    },
  });
  await recordAuditEvent(context.db, {
    actorId: context.actor.userId,
    action: 'agenda.add_item',
    entityType: 'item',
    entityId: item.id,
    unitId: meeting.unitId,
  });
  return item;
}

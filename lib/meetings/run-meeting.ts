import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { documentName } from '../realtime/document-name';
import { parseInput } from '../validation/parse-input';
import { closeItemProblems } from './agenda-rules';
import { itemNationalIdProblems } from '../privacy/national-id-fields';
import { loadOverrideCheck } from '../privacy/national-id-override';
import { itemContentSchema } from './item-content';
import { parseFields } from '../validation/parse-fields';
import { loadMeetingForItemChair } from './load-meeting-for-chair';
import { loadMeetingForLock } from './load-meeting-for-lock';
import { requireDeviationReason } from '../history/like-case-deviation';
import { lockedDecision } from '../history/search-index';
import { writeLockedDecision } from '../history/concluded-decisions';
import type { MeetingContext } from './meeting-documents';
import { systemClock } from '../time/clock';
import { recordSnapshot } from '../versions/record-version';
import { thawUnlocked } from './thaw-unlocked';
import { nb } from '../i18n/nb';
import { containsNationalId } from '../privacy/national-id';

const id = z.string().regex(/^[a-z0-9]{8,40}$/);
/** `openEarly`: the chair confirmed opening the meeting before its submission deadline has passed. */
export const currentItemSchema = z.object({ meetingId: id, itemId: id, openEarly: z.boolean().optional() });
/** `deviationReason`: why the outcome departs from the top like case, when it does (lib/history/like-case-deviation.ts). */
export const lockSchema = z.object({
  meetingId: id,
  itemId: id,
  locked: z.boolean(),
  // Kept in the minutes: never a national identity number (the recusal reason's rule).
  deviationReason: z
    .string()
    .max(2000)
    .refine((text) => !containsNationalId(text), 'national_id')
    .optional(),
});

/** The chair moves the meeting to an item: everyone's screen follows. Opens the meeting on first use. */
export async function setCurrentItem(context: MeetingContext & { input: unknown }) {
  const input = parseInput(currentItemSchema, context.input);
  const now = context.now ?? systemClock.now();
  // Never an item the chair is inhabil for (lib/access canChairItem); whoever chairs it in their place may.
  const meeting = await loadMeetingForItemChair(context.db, context.actor, input.meetingId, input.itemId);
  const item = await context.db.agendaItem.findFirst({ where: { id: input.itemId, meetingId: meeting.id } });
  if (!item) throw new AppError('not_found');
  const opening = meeting.status === 'planned';
  // Cases may still be submitted until the deadline: opening before it needs the chair to say so (and is audited).
  const early = opening && now < meeting.submissionDeadline;
  if (early && !input.openEarly) throw new AppError('conflict', 'before_deadline');
  const left =
    meeting.currentItemId && meeting.currentItemId !== item.id
      ? await context.db.agendaItem.findFirst({
          where: { id: meeting.currentItemId, meetingId: meeting.id },
          select: { id: true, endedAt: true },
        })
      : null;
  await context.db.$transaction([
    ...(meeting.currentItemId && meeting.currentItemId !== item.id
      ? [context.db.agendaItem.updateMany({ where: { id: meeting.currentItemId, endedAt: null }, data: { endedAt: now } })]
      : []),
    context.db.agendaItem.update({ where: { id: item.id }, data: { startedAt: item.startedAt ?? now, endedAt: null } }),
    context.db.meeting.update({
      where: { id: meeting.id },
      data: { currentItemId: item.id, status: 'open', openedAt: meeting.openedAt ?? now },
    }),
  ]);
  if (opening) {
    // From now on the cases are worked on in the meeting: caseworkers' open editors are checked again (read-only).
    const items = await context.db.agendaItem.findMany({
      where: { meetingId: meeting.id, caseId: { not: null } },
      select: { caseId: true },
    });
    await Promise.all(items.map((i) => context.documents.changeAccess(documentName('case', i.caseId!), 'recheck')));
  }
  await recordAuditEvent(context.db, {
    actorId: context.actor.userId,
    action: 'meeting.set_current',
    entityType: 'meeting',
    entityId: meeting.id,
    unitId: meeting.unitId,
    detail: { itemId: item.id, ...(opening ? { opened: true } : {}), ...(early ? { beforeDeadline: true } : {}) },
  });
  return {
    currentItemId: item.id,
    startedAt: item.startedAt ?? now,
    previous: left ? { itemId: left.id, endedAt: left.endedAt ?? now } : null,
  };
}

/**
 * The chair locks an item (its conclusion is final: read-only for everyone,
 * enforced on the server) or unlocks it. Locking an avklaring needs an
 * outcome, a conclusion and an owner.
 */
export async function lockItem(context: MeetingContext & { input: unknown }) {
  const input = parseInput(lockSchema, context.input);
  const now = context.now ?? systemClock.now();
  // Not only the chair: when the chair is inhabil for the item, whoever chairs it in their place.
  const meeting = await loadMeetingForLock(context.db, context.actor, input.meetingId, input.itemId);
  const item = await context.db.agendaItem.findFirst({ where: { id: input.itemId, meetingId: meeting.id } });
  if (!item) throw new AppError('not_found');
  const name = documentName('item', item.id);
  let status = 'pending';
  if (input.locked) {
    // What people typed must be stored before the freeze, or the minutes miss it: wait a little, then say whose.
    const unsaved = await context.documents.awaitSavedWriters(item.id);
    if (unsaved.names.length > 0) throw new AppError('conflict', nb.meetingRoom.lockWaitsFor(unsaved.names));
    if (unsaved.unwritten) throw new AppError('unavailable');
    // Freeze first, then check: nobody can empty the conclusion between the check and the lock.
    await context.documents.changeAccess(name, 'read-only');
    try {
      const data = parseFields(itemContentSchema, await context.documents.readItem(item.id)).data;
      // No national identity number reaches the minutes: a field holding one refuses the lock.
      const problems = [
        ...closeItemProblems(item.purpose, data),
        ...itemNationalIdProblems(data, await loadOverrideCheck(context.db, name)),
      ];
      if (problems.length) throw new AppError('invalid_input', 'item_incomplete', Object.fromEntries(problems.map((p) => [p, p])));
      const deviationReason = await requireDeviationReason({
        ...context,
        caseId: item.caseId,
        outcome: data.outcome,
        reason: input.deviationReason,
        now,
      });
      status = data.outcome === 'utsatt' ? 'postponed' : 'concluded';
      // What the similar-earlier-decisions panel compares with from now on, stored with the lock.
      const decision = await lockedDecision(context.db, { item, meeting, content: data, now });
      await context.db.$transaction(async (tx) => {
        // Only an item still open: one locked meanwhile (the A-list's step, a second tab) keeps its own lock.
        const claimed = await tx.agendaItem.updateMany({
          where: { id: item.id, locked: false },
          data: { locked: true, lockedById: context.actor.userId, status, endedAt: item.endedAt ?? now, deviationReason },
        });
        if (claimed.count === 0) throw new AppError('conflict', nb.meetingRoom.alreadyLocked);
        await writeLockedDecision(tx, item.id, decision);
        // The item's version as it was locked (its history, lib/versions/), as the lock read it.
        await recordSnapshot(tx, {
          itemId: item.id,
          kind: 'locked',
          content: data,
          createdById: context.actor.userId,
          meetingId: meeting.id,
          now,
        });
      });
    } catch (error) {
      await thawUnlocked(context.db, context.documents, [name]);
      throw error;
    }
  } else {
    // What belonged to the lock goes with it: the reason for departing from a like case, and having been
    // concluded in the A-list's step — an open item is neither (the minutes would say so otherwise).
    // An open item is no earlier decision: its stored one goes in the same transaction.
    await context.db.$transaction([
      context.db.agendaItem.update({
        where: { id: item.id },
        data: { locked: false, lockedById: null, status, endedAt: null, deviationReason: null, aListConcludedAt: null },
      }),
      context.db.concludedDecision.deleteMany({ where: { itemId: item.id } }),
    ]);
    await context.documents.changeAccess(name, 'recheck');
  }
  const cleared = {
    ...(!input.locked && item.deviationReason ? { deviationReasonCleared: true } : {}),
    ...(!input.locked && item.aListConcludedAt ? { aListConcludedCleared: true } : {}),
  };
  await recordAuditEvent(context.db, {
    actorId: context.actor.userId,
    action: input.locked ? 'item.lock' : 'item.unlock',
    entityType: 'item',
    entityId: item.id,
    unitId: meeting.unitId,
    ...(Object.keys(cleared).length ? { detail: cleared } : {}),
  });
  return { itemId: item.id, locked: input.locked, status };
}

import { z } from 'zod';
import type { Actor } from '../access/access-service';
import { recordAuditEvent, recordAuditEvents } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { nb } from '../i18n/nb';
import { itemNationalIdProblems } from '../privacy/national-id-fields';
import { loadOverrideCheck } from '../privacy/national-id-override';
import { documentName } from '../realtime/document-name';
import { systemClock } from '../time/clock';
import { parseFields } from '../validation/parse-fields';
import { parseInput } from '../validation/parse-input';
import { recordSnapshot } from '../versions/record-version';
import { closeItemProblems } from './agenda-rules';
import { itemContentSchema, type ItemContent } from './item-content';
import { loadMeetingForChair, loadMeetingForItemChair } from './load-meeting-for-chair';
import { loadMeetingForLock } from './load-meeting-for-lock';
import { requireDeviationReason } from '../history/like-case-deviation';
import { lockedDecision } from '../history/search-index';
import { writeLockedDecision, type ConcludedDecisionRow } from '../history/concluded-decisions';
import type { MeetingContext } from './meeting-documents';
import { thawUnlocked } from './thaw-unlocked';

const id = z.string().regex(/^[a-z0-9]{8,40}$/);
export const aListSchema = z.object({ meetingId: id, itemId: id, onAList: z.boolean() });
export const concludeAListSchema = z.object({ meetingId: id });

/** The outcome every A-list item gets in the one step. */
export const aListOutcome = 'tatt_til_orientering' as const;

/**
 * The chair moves an item on to the A-list (til orientering uten drøfting) or
 * off it — on the saksliste page or in the room. Only an item not yet dealt
 * with: a locked one has its conclusion already.
 */
export async function setAList(context: { db: Db; actor: Actor; input: unknown }) {
  const input = parseInput(aListSchema, context.input);
  // Never an item the chair is inhabil for (lib/access canChairItem).
  const meeting = await loadMeetingForItemChair(context.db, context.actor, input.meetingId, input.itemId);
  const updated = await context.db.agendaItem.updateMany({
    where: { id: input.itemId, meetingId: meeting.id, locked: false, status: 'pending' },
    data: { aList: input.onAList },
  });
  if (updated.count === 0) throw new AppError('not_found');
  await recordAuditEvent(context.db, {
    actorId: context.actor.userId,
    action: 'agenda.a_list',
    entityType: 'item',
    entityId: input.itemId,
    unitId: meeting.unitId,
    detail: { onAList: input.onAList },
  });
  return { itemId: input.itemId, onAList: input.onAList };
}

/**
 * The chair takes the whole A-list as information in one step, during the
 * meeting: every open A-list item gets the outcome "tatt til orientering" in
 * its live document and is locked as lockItem (run-meeting.ts) locks one —
 * unsaved edits waited for, documents frozen before they are read, no
 * national identity number let through — all in one unit of work, or none:
 * the documents get the outcome and store it first, then the rows are
 * claimed in one transaction only while still open (an item locked meanwhile
 * refuses the step); a refused step puts the documents' outcomes back and
 * thaws only the items still unlocked (lib/meetings/thaw-unlocked.ts). Each item is logged as its lock too (`item.lock`, aList).
 * An item on the A-list counts as orientering for what a lock needs (an
 * avklaring moved there needs no written conclusion): being listed, not
 * discussed, is what the chair chose for it. The lock's other rules hold:
 * an item the chair is inhabil for is left open for whoever chairs it, and
 * an item whose like earlier case ended otherwise refuses the step (it is
 * locked on its own, with the reason).
 */
export async function concludeAList(context: MeetingContext & { input: unknown }) {
  const input = parseInput(concludeAListSchema, context.input);
  const now = context.now ?? systemClock.now();
  const { db, documents, actor } = context;
  const meeting = await loadMeetingForChair(db, actor, input.meetingId);
  if (meeting.status !== 'open') throw new AppError('conflict', 'meeting_not_open');
  const open = await db.agendaItem.findMany({
    where: { meetingId: meeting.id, aList: true, locked: false, status: 'pending' },
    orderBy: { position: 'asc' },
  });
  // An item the chair is inhabil for is left to whoever chairs it in their place (the lock's own rule).
  const items: typeof open = [];
  for (const item of open) {
    const mayLock = await loadMeetingForLock(db, actor, meeting.id, item.id).then(
      () => true,
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'forbidden') return false;
        throw error;
      },
    );
    if (mayLock) items.push(item);
  }
  if (items.length === 0) throw new AppError('conflict', 'a_list_empty');
  const waitingFor = new Set<string>();
  for (const item of items) {
    const unsaved = await documents.awaitSavedWriters(item.id);
    if (unsaved.unwritten) throw new AppError('unavailable');
    unsaved.names.forEach((name) => waitingFor.add(name));
  }
  if (waitingFor.size > 0) throw new AppError('conflict', nb.meetingRoom.lockWaitsFor([...waitingFor]));
  const frozen: string[] = [];
  const contents: {
    item: (typeof items)[number];
    data: Record<string, unknown>;
    before: ItemContent['outcome'];
    /** What the similar-earlier-decisions panel compares with from the lock on (concluded-decisions.ts). */
    decision: ConcludedDecisionRow | null;
  }[] = [];
  /** Documents that got the outcome: put back as they were if the step is refused after all. */
  const written: (typeof contents)[number][] = [];
  try {
    for (const item of items) {
      const name = documentName('item', item.id);
      await documents.changeAccess(name, 'read-only');
      frozen.push(name);
      const read = parseFields(itemContentSchema, await documents.readItem(item.id)).data;
      const data = { ...read, outcome: aListOutcome };
      const problems = [...closeItemProblems('orientering', data), ...itemNationalIdProblems(data, await loadOverrideCheck(db, name))];
      if (problems.length) throw new AppError('invalid_input', 'a_list_item_incomplete', { [item.id]: problems[0] });
      // Like cases alike: an item whose like earlier case ended otherwise is locked on its own, with the reason.
      await requireDeviationReason({ db, actor, caseId: item.caseId, outcome: aListOutcome, reason: undefined, now });
      const decision = await lockedDecision(db, { item, meeting, content: data, now });
      contents.push({ item, data, before: read.outcome, decision });
    }
    // The outcome goes into the documents (frozen: only this write reaches them) and is stored before the
    // rows are claimed, in the same unit of work: a document that cannot take it refuses the whole step
    // ('unavailable'), so no item is ever locked as concluded with no outcome in its document. An item
    // locked meanwhile is refused here already, before its document would show this step's outcome.
    const lockedMeanwhile = await db.agendaItem.count({ where: { id: { in: contents.map((c) => c.item.id) }, locked: true } });
    if (lockedMeanwhile > 0) throw new AppError('conflict', 'a_list_changed');
    for (const entry of contents) {
      written.push(entry);
      await documents.writeItem(entry.item.id, { outcome: aListOutcome });
    }
    // The rows decide, all or none: an item locked (or moved off the list) by someone else since it was read
    // refuses the whole step, and nothing of it stays — not its row, not its document's outcome.
    await db.$transaction(async (tx) => {
      for (const { item, data, decision } of contents) {
        const claimed = await tx.agendaItem.updateMany({
          where: { id: item.id, meetingId: meeting.id, aList: true, locked: false, status: 'pending' },
          data: {
            locked: true,
            lockedById: actor.userId,
            status: 'concluded',
            aListConcludedAt: now,
            startedAt: item.startedAt ?? now,
            endedAt: item.endedAt ?? now,
          },
        });
        if (claimed.count === 0) throw new AppError('conflict', 'a_list_changed');
        await writeLockedDecision(tx, item.id, decision);
        await recordSnapshot(tx, { itemId: item.id, kind: 'locked', content: data, createdById: actor.userId, meetingId: meeting.id, now });
      }
      const entry = (item: (typeof open)[number], action: 'item.a_list_conclude' | 'item.lock') => ({
        actorId: actor.userId,
        action,
        entityType: 'item' as const,
        entityId: item.id,
        unitId: meeting.unitId,
        detail: { meetingId: meeting.id, count: contents.length, ...(action === 'item.lock' ? { aList: true } : {}) },
      });
      // Each item is also a lock of its own in the log, found as the item's lock like any other.
      await recordAuditEvents(tx, [
        ...contents.map(({ item }) => entry(item, 'item.a_list_conclude')),
        ...contents.map(({ item }) => entry(item, 'item.lock')),
      ]);
    });
  } catch (error) {
    // Each document as the step read it: frozen before the read, nobody else wrote its outcome since (a lock
    // meanwhile writes rows, not documents). A put-back whose flush fails is still in the document (queued and
    // retried), so it is not lost.
    for (const { item, before } of written) await documents.writeItem(item.id, { outcome: before ?? '' }).catch(() => undefined);
    await thawUnlocked(db, documents, frozen);
    throw error;
  }
  return { items: items.map((item) => ({ itemId: item.id, locked: true, status: 'concluded' })) };
}

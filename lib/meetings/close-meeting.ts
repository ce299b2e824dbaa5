import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { indexMeeting } from '../history/search-index';
import { documentName } from '../realtime/document-name';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { unfinishedItems } from './agenda-rules';
import { adjustedAssessment, itemContentSchema, type ItemContent } from './item-content';
import { parseFields } from '../validation/parse-fields';
import { loadMeetingForChair } from './load-meeting-for-chair';
import type { MeetingContext } from './meeting-documents';
import { syncAgenda } from './sync-agenda';
import { thawUnlocked } from './thaw-unlocked';
import { systemClock } from '../time/clock';
import { getCaseContentStore } from '../cases/case-content-store';
import { recordSnapshot } from '../versions/record-version';
import { createEpjFollowUp } from '../cases/epj-follow-up';
import { minutesDraftState } from '../minutes/draft-period';

export const closeMeetingSchema = z.object({ meetingId: z.string().regex(/^[a-z0-9]{8,40}$/) });

/**
 * Closes a meeting and freezes its minutes: what was written in each item's
 * live document becomes rows (AgendaItem columns, FollowUp), so history never
 * depends on reading a Yjs blob. Concluded cases are marked concluded;
 * unfinished items move to the next meeting with their notes.
 */
export async function closeMeeting(context: MeetingContext & { input: unknown }) {
  const input = parseInput(closeMeetingSchema, context.input);
  const now = context.now ?? systemClock.now();
  const { db, documents, actor } = context;
  const meeting = await loadMeetingForChair(db, actor, input.meetingId);
  // Cases submitted or accepted since the agenda was last shown belong in the minutes too.
  const items = await syncAgenda(db, meeting.id);
  const names = items.map((item) => documentName('item', item.id));
  // Freeze first, then read: nothing typed after the read can be missing from the minutes.
  const frozen: string[] = [];
  try {
    // Inside the try: a freeze that cannot reach every node (Redis away) undoes the ones already made.
    for (const name of names) {
      await documents.changeAccess(name, 'read-only');
      frozen.push(name);
    }
    return await freezeAndClose({ ...context, now }, meeting, items);
  } catch (error) {
    // Only what this close froze, and of that only items still unlocked as the database says now: an
    // item locked meanwhile, or every item of a meeting another close has just closed, stays frozen.
    await thawUnlocked(db, documents, frozen);
    throw error;
  }
}

async function freezeAndClose(
  context: MeetingContext & { now: Date },
  meeting: { id: string; unitId: string; startsAt: Date; kind: string },
  items: Awaited<ReturnType<typeof syncAgenda>>,
) {
  const { db, documents, actor, now } = context;
  const contents = new Map<string, ItemContent>();
  for (const item of items) {
    // Field by field: one bad field (old data, a past bug) is left out of the minutes, not the whole item.
    contents.set(item.id, parseFields(itemContentSchema, await documents.readItem(item.id)).data);
  }
  // The cases on the agenda as they stand now, for their version history (read from their live documents).
  const caseContents = new Map<string, Record<string, unknown>>();
  for (const item of items) if (item.caseId) caseContents.set(item.caseId, await getCaseContentStore().read(item.caseId));
  // Follow-ups and EPJ documentation can only be given to active members of the unit.
  const members = new Set(
    (await db.membership.findMany({ where: { unitId: meeting.unitId, user: { active: true } }, select: { userId: true } })).map(
      (m) => m.userId,
    ),
  );
  const member = (id: string | undefined) => (id && members.has(id) ? id : null);
  const unfinished = new Set(unfinishedItems(items).map((i) => i.id));
  const next = await db.meeting.findFirst({
    where: { unitId: meeting.unitId, kind: meeting.kind, status: 'planned', startsAt: { gt: meeting.startsAt } },
    orderBy: { startsAt: 'asc' },
  });
  const nextLast = next
    ? ((await db.agendaItem.aggregate({ where: { meetingId: next.id }, _max: { position: true } }))._max.position ?? 0)
    : 0;

  const carried = await db.$transaction(async (tx) => {
    // Claim the meeting first: of two closes at once, only one gets past this line.
    // The minutes are a draft from here until the chair approves them (lib/minutes).
    const draft = await minutesDraftState(tx, meeting.unitId, now);
    const claimed = await tx.meeting.updateMany({
      where: { id: meeting.id, status: { in: ['planned', 'open'] } },
      data: { status: 'closed', closedAt: now, currentItemId: null, ...draft },
    });
    if (claimed.count === 0) throw new AppError('conflict', 'meeting_closed');
    const created: { id: string; notes: string; caseId: string | null }[] = [];
    let position = nextLast;
    for (const item of items) {
      const content = contents.get(item.id)!;
      const isUnfinished = unfinished.has(item.id);
      await tx.agendaItem.update({
        where: { id: item.id },
        data: {
          notes: content.notes ?? null,
          outcome: content.outcome || null,
          referredTo: content.referredTo || null,
          conclusion: content.conclusion ?? null,
          dissent: content.dissent || null,
          reassessmentDate: content.reassessmentDate || null,
          epjDocumentation: content.epjDocumentation ?? false,
          epjResponsibleId: member(content.epjResponsibleId),
          adjustedAssessment: adjustedAssessment(content),
          status: isUnfinished ? 'carried_over' : item.status,
          locked: true,
          endedAt: item.endedAt ?? (item.startedAt ? now : null),
        },
      });
      for (const followUp of content.followUps ?? []) {
        if (!member(followUp.ownerId) || !followUp.description.trim()) continue;
        await tx.followUp.create({
          data: {
            agendaItemId: item.id,
            caseId: item.caseId,
            ownerId: followUp.ownerId,
            description: followUp.description.trim(),
            dueDate: followUp.dueDate || null,
          },
        });
      }
      const snapshot = { kind: 'meeting_closed' as const, createdById: actor.userId, meetingId: meeting.id, now };
      await recordSnapshot(tx, { ...snapshot, itemId: item.id, content });
      if (item.caseId) await recordSnapshot(tx, { ...snapshot, caseId: item.caseId, content: caseContents.get(item.caseId) ?? {} });
      if (item.caseId && !isUnfinished && item.status === 'concluded') {
        await tx.case.update({ where: { id: item.caseId }, data: { status: 'concluded' } });
        // The EPJ flag: a follow-up to document it, closed when the caseworker marks the case documented.
        const epjResponsibleId = member(content.epjResponsibleId);
        await createEpjFollowUp(
          tx,
          {
            id: item.id,
            caseId: item.caseId,
            epjDocumentation: content.epjDocumentation ?? false,
            epjResponsibleId,
          },
          now,
        );
      }
      if (isUnfinished && next) {
        const moved = await tx.agendaItem.create({
          data: {
            meetingId: next.id,
            caseId: item.caseId,
            // A leader case not reached goes on to the next leader meeting (`next` is of the same kind).
            leaderCaseId: item.leaderCaseId,
            title: item.title,
            purpose: item.purpose,
            plannedMinutes: item.plannedMinutes,
            reason: 'carried_over',
            aList: item.aList,
            carriedFromItemId: item.id,
            position: (position += 1),
          },
        });
        // Habilitet follows the case it is about: who stepped out of it here stays out of it there.
        const recusals = await tx.recusal.findMany({ where: { itemId: item.id }, select: { userId: true, reason: true, createdAt: true } });
        for (const recusal of recusals) await tx.recusal.create({ data: { ...recusal, itemId: moved.id } });
        if (item.caseId) await tx.case.update({ where: { id: item.caseId }, data: { meetingId: next.id } });
        created.push({ id: moved.id, notes: content.notes ?? '', caseId: item.caseId });
      } else if (isUnfinished && item.caseId) {
        await tx.case.update({ where: { id: item.caseId }, data: { meetingId: null } });
      }
    }
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'meeting.close',
      entityType: 'meeting',
      entityId: meeting.id,
      unitId: meeting.unitId,
      detail: { items: items.length, carriedOver: created.length },
    });
    // In the same transaction: a closed meeting is always findable in the history search.
    await indexMeeting(tx, meeting.id, now);
    return created;
  });

  // The notes go with the item to the next meeting; case editors are checked again (concluded = read-only).
  for (const moved of carried) if (moved.notes) await documents.writeItem(moved.id, { notes: moved.notes });
  for (const item of items) if (item.caseId) await documents.changeAccess(documentName('case', item.caseId), 'recheck');
  // Every item as it ended, for every screen in the room to show the same close (none reloads the agenda).
  const ended = await db.agendaItem.findMany({ where: { meetingId: meeting.id }, select: { id: true, status: true } });
  return { closed: true, carriedOver: carried.length, nextMeetingId: next?.id ?? null, items: ended, closedAt: now.toISOString() };
}

import { inhabilItemIds, requireMeetingAccess, type Actor } from '../access/access-service';
import { historyScope } from '../access/policy';
import { recordAuditEvents } from '../audit/record-audit-event';
import { caseContentSchema, criteria } from '../cases/case-form';
import { epjFollowUpKind } from '../cases/epj-follow-up';
import { parseFields } from '../validation/parse-fields';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { caseReadEvents } from '../history/log-case-reads';
import { systemClock } from '../time/clock';
import { splitAList } from './agenda-rules';
import { agendaPlaces } from './item-state';
import { maskNationalIds as mask, maskTextFields } from '../privacy/national-id';

/**
 * The minutes of a closed meeting, read from the frozen rows only (never from
 * a Yjs document), so history stays readable whatever happens to the live
 * documents. Audit-logged as a read of the meeting. Once the meeting is
 * closed it is history: a caseworker sees only the items of their own cases.
 * Every text is masked for national identity numbers (the PDF is made from this).
 */
export async function getMinutes(options: { db: Db; actor: Actor; meetingId: string }) {
  const { db, actor, meetingId } = options;
  await requireMeetingAccess(db, actor, meetingId);
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      unit: { select: { name: true } },
      chair: { select: { name: true } },
      referent: { select: { name: true } },
      minutesApprovedBy: { select: { name: true } },
      attendance: { select: { userId: true } },
      agendaItems: {
        orderBy: { position: 'asc' },
        include: {
          followUps: { orderBy: { createdAt: 'asc' } },
          // Habilitet is recorded by name only: the reason stays on the declaration, for the chair.
          recusals: { orderBy: { createdAt: 'asc' }, select: { userId: true, user: { select: { name: true } } } },
        },
      },
    },
  });
  if (!meeting) throw new AppError('not_found');
  // The agenda's order and numbers (the items discussed, then the A-list), from the whole agenda before a
  // caseworker's view leaves items out: an item has the number it had in the room (lib/meetings/item-state.ts).
  const places = agendaPlaces(meeting.agendaItems);
  const split = splitAList(meeting.agendaItems);
  meeting.agendaItems = [...split.rest, ...split.aList];
  const ownOnly = meeting.status === 'closed' && historyScope(actor.memberships, meeting.unitId) === 'own';
  if (ownOnly) {
    const ownCases = await db.case.findMany({
      where: { id: { in: meeting.agendaItems.flatMap((i) => (i.caseId ? [i.caseId] : [])) }, createdById: actor.userId },
      select: { id: true },
    });
    const own = new Set(ownCases.map((c) => c.id));
    meeting.agendaItems = meeting.agendaItems.filter((i) => i.caseId && own.has(i.caseId));
  }
  // An item the actor was inhabil for: its title and who was inhabil, nothing of its content (and no read of its case).
  // Per case (lib/access): also an item whose case the actor declared themselves inhabil for at another meeting.
  const recused = await inhabilItemIds(db, actor.userId, meeting.agendaItems);
  const caseIds = meeting.agendaItems.flatMap((i) => (i.caseId && !recused.has(i.id) ? [i.caseId] : []));
  const userIds = new Set([
    ...meeting.attendance.map((a) => a.userId),
    ...meeting.agendaItems.flatMap((i) => [...i.followUps.map((f) => f.ownerId), i.epjResponsibleId ?? '', i.lockedById ?? '']),
  ]);
  const [cases, users, versions] = await Promise.all([
    db.case.findMany({
      where: { id: { in: meeting.agendaItems.flatMap((i) => (i.caseId ? [i.caseId] : [])) } },
      select: { id: true, title: true, personRef: true, createdBy: { select: { name: true } } },
    }),
    db.user.findMany({ where: { id: { in: [...userIds].filter(Boolean) } }, select: { id: true, name: true } }),
    // The assessment as submitted: the latest version submitted before the meeting closed.
    db.caseVersion.findMany({
      where: { caseId: { in: caseIds }, submittedAt: { lte: meeting.closedAt ?? systemClock.now() } },
      orderBy: { version: 'desc' },
      select: { caseId: true, content: true },
    }),
  ]);
  const submittedByCase = new Map<string, SubmittedSummary>();
  for (const version of versions) {
    if (!submittedByCase.has(version.caseId)) submittedByCase.set(version.caseId, submittedSummary(version.content));
  }
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const name = (id: string | null) => users.find((u) => u.id === id)?.name ?? '';
  // The minutes show each case's content: a read of the meeting and of each case, in one insert.
  await recordAuditEvents(db, [
    {
      actorId: actor.userId,
      action: 'meeting.read',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: meeting.unitId,
      detail: { view: 'minutes', ownOnly },
    },
    ...caseReadEvents(
      actor,
      caseIds.map((caseId) => ({ caseId, unitId: meeting.unitId })),
      'minutes',
      { meetingId },
    ),
  ]);
  return {
    ownOnly,
    meeting: {
      id: meeting.id,
      unitId: meeting.unitId,
      unitName: meeting.unit.name,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      status: meeting.status,
      chair: meeting.chair?.name ?? null,
      referent: meeting.referent?.name ?? null,
      closedAt: meeting.closedAt,
      location: meeting.location,
      /** draft | approved (lib/minutes); null: not closed, or closed before approval existed. */
      minutesStatus: meeting.minutesStatus as 'draft' | 'approved' | null,
      minutesDraftUntil: meeting.minutesDraftUntil,
      minutesApprovedAt: meeting.minutesApprovedAt,
      minutesApprovedBy: meeting.minutesApprovedBy?.name ?? null,
    },
    attendance: meeting.attendance
      .map((a) => name(a.userId))
      .filter(Boolean)
      .sort(),
    items: meeting.agendaItems.map((item) => {
      const found = item.caseId ? caseById.get(item.caseId) : undefined;
      const recusals = item.recusals.map((r) => r.user.name);
      const place = places.get(item.id)!;
      if (recused.has(item.id)) return { ...recusedItem(item, mask(found?.title ?? item.title ?? ''), recusals), place };
      return {
        id: item.id,
        /** Its number on the agenda (1, 2 … or A1 …). */
        place,
        title: mask(found?.title ?? item.title ?? ''),
        personRef: mask(found?.personRef ?? null),
        caseworker: found?.createdBy.name ?? null,
        purpose: item.purpose,
        status: item.status,
        notes: mask(item.notes),
        outcome: item.outcome,
        referredTo: item.referredTo,
        conclusion: mask(item.conclusion),
        dissent: mask(item.dissent),
        reassessmentDate: item.reassessmentDate,
        epjResponsible: item.epjDocumentation ? epjOwner(item, found?.createdBy.name ?? null, name) : null,
        /** Who locked the conclusion (null for items locked before this was recorded, or not locked). */
        lockedBy: item.locked ? name(item.lockedById) || null : null,
        /** Locked in the A-list's one step (lib/meetings/a-list.ts): the minutes say they were concluded together. */
        concludedTogether: item.aListConcludedAt !== null,
        submitted: item.caseId ? (submittedByCase.get(item.caseId) ?? null) : null,
        adjustedAssessment: item.adjustedAssessment ? maskTextFields(JSON.parse(item.adjustedAssessment) as Record<string, string>) : null,
        followUps: item.followUps.map((f) => ({ id: f.id, description: mask(f.description), owner: name(f.ownerId), dueDate: f.dueDate })),
        /** Who declared themselves inhabil for the item (names only). */
        recusals,
        /** The actor was inhabil for it: only the title and the declarations are shown. */
        recused: false,
        /** Why the outcome departs from the top similar earlier decision, when it does. */
        deviationReason: mask(item.deviationReason),
      };
    }),
  };
}

/**
 * Who documents the conclusion in the record system: the owner of the follow-up the close made
 * (lib/cases/epj-follow-up.ts), else whom the meeting named, else the caseworker — as the close decides,
 * so the minutes never say "–" while the follow-up went to someone.
 */
function epjOwner(
  item: { epjResponsibleId: string | null; followUps: { kind: string | null; ownerId: string }[] },
  caseworker: string | null,
  name: (id: string | null) => string,
): string {
  const followUp = item.followUps.find((f) => f.kind === epjFollowUpKind);
  return name(followUp?.ownerId ?? item.epjResponsibleId) || caseworker || '–';
}

/** A minutes item as someone inhabil for it sees it: the same shape, every content field empty. */
function recusedItem(item: { id: string; purpose: string; status: string }, title: string, recusals: string[]) {
  return {
    id: item.id,
    title,
    personRef: null,
    caseworker: null,
    purpose: item.purpose,
    status: item.status,
    notes: null,
    outcome: null,
    referredTo: null,
    conclusion: null,
    dissent: null,
    reassessmentDate: null,
    epjResponsible: null,
    lockedBy: null,
    submitted: null,
    adjustedAssessment: null,
    followUps: [],
    recusals,
    recused: true,
    deviationReason: null,
    concludedTogether: false,
  };
}

export type SubmittedSummary = {
  situation: string;
  proposal: string;
  levels: Partial<Record<(typeof criteria)[number], string>>;
  samletVurdering: string;
};

/** What the minutes repeat of a submitted form: a short summary and the assessment. */
function submittedSummary(json: string): SubmittedSummary {
  const content = parseFields(caseContentSchema, JSON.parse(json)).data;
  const levels: SubmittedSummary['levels'] = {};
  for (const criterion of criteria) {
    const level = content[`${criterion}Level`];
    if (level) levels[criterion] = level;
  }
  // Shown outside the editor: a number stored before it was refused (or under an override) is masked.
  return {
    situation: mask(content.situation ?? ''),
    proposal: mask(content.proposal ?? ''),
    levels,
    samletVurdering: mask(content.samletVurdering ?? ''),
  };
}

import { requireMeetingAccess, type Actor } from '../access/access-service';
import { canChairMeeting, historyScope, itemPermissions } from '../access/policy';
import { recordAuditEvents, type AuditEventInput } from '../audit/record-audit-event';
import { caseContentSchema, type CaseContent } from '../cases/case-form';
import type { Db } from '../db/db';
import { caseReadEvents } from '../history/log-case-reads';
import type { SimilarTargetRow } from '../history/similar-cases';
import { roomLeaderCases } from '../leader-cases/room-leader-cases';
import { agendaItemsFor } from './agenda-items';
import { nbRoomAgenda } from '../i18n/nb-room-agenda';
import { loadMeetingRecusals } from './meeting-recusals';
import { maskNationalIds, maskTextFields } from '../privacy/national-id';
import { parseFields } from '../validation/parse-fields';

/**
 * Everything the meeting room shows on load: the meeting, its agenda with each
 * case as submitted, who may chair. Its reads are logged here, or — with
 * `reads` — added to it for the caller's one insert (load-meeting-room-page.ts).
 */
export async function getMeetingRoom(options: {
  db: Db;
  actor: Actor;
  meetingId: string;
  reads?: AuditEventInput[];
  /** Filled with the agenda's case rows as read here, for the similar-cases panel (never sent to the page). */
  caseRows?: Map<string, SimilarTargetRow>;
}) {
  const { db, actor, meetingId } = options;
  const { level: access, meeting: facts } = await requireMeetingAccess(db, actor, meetingId);
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { unit: { select: { name: true } }, referent: { select: { id: true, name: true } } },
  });
  const items = await agendaItemsFor(db, actor, meeting);
  const recusals = await loadMeetingRecusals(db, actor, facts, items);
  // Habilitet: an item the actor is inhabil for shows nothing of its case (not even its id), and is no read.
  const caseIds = items.flatMap((i) => (i.caseId && !recusals.of(i.id).recused ? [i.caseId] : []));
  const cases = await db.case.findMany({
    where: { id: { in: items.flatMap((i) => (i.caseId ? [i.caseId] : [])) } },
    select: {
      id: true,
      unitId: true,
      title: true,
      personRef: true,
      caseType: true,
      level: true,
      createdById: true,
      createdBy: { select: { name: true } },
      versions: { orderBy: { version: 'desc' }, take: 1, select: { content: true, version: true } },
    },
  });
  const byId = new Map(cases.map((c) => [c.id, c]));
  for (const c of cases) options.caseRows?.set(c.id, c);
  const members = await db.membership.findMany({
    where: { unitId: meeting.unitId, user: { active: true } },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: 'asc' } },
  });
  // The room shows each case as submitted: a read of the meeting and of each case, in one insert.
  const reads: AuditEventInput[] = [
    { actorId: actor.userId, action: 'meeting.read', entityType: 'meeting', entityId: meetingId, unitId: meeting.unitId },
    ...caseReadEvents(
      actor,
      caseIds.map((caseId) => ({ caseId, unitId: meeting.unitId })),
      'meeting_room',
    ),
  ];
  // A leader meeting's items about leader cases (issue 22): the case as the leaders wrote it, read like a case is.
  const leaderCases = await roomLeaderCases(
    db,
    actor,
    meeting,
    items.flatMap((i) => (i.leaderCaseId && !i.withheld && !recusals.of(i.id).recused ? [i.leaderCaseId] : [])),
    reads,
  );
  if (options.reads) options.reads.push(...reads);
  else await recordAuditEvents(db, reads);
  // Per item, the same decision the item's Yjs document is opened with (lib/access itemPermissions): the
  // acting chair's conclusion fields are enabled here exactly when the server's update guard accepts them.
  const permissions = new Map(
    items.map((item) => [
      item.id,
      itemPermissions(
        actor.memberships,
        actor.userId,
        { locked: item.locked, meeting: facts, ownCase: Boolean(item.caseId && byId.get(item.caseId)?.createdById === actor.userId) },
        recusals.of(item.id),
      ),
    ]),
  );
  return {
    meeting: {
      id: meeting.id,
      unitName: meeting.unit.name,
      /** saksmote | ledermote (a leader meeting's room says so in its heading). */
      kind: meeting.kind,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      submissionDeadline: meeting.submissionDeadline,
      status: meeting.status,
      currentItemId: meeting.currentItemId,
      closedAt: meeting.closedAt,
      location: meeting.location,
      referent: meeting.referent,
    },
    access,
    canChair: canChairMeeting(actor.memberships, meeting.unitId) && access === 'edit',
    /** Writes some item's conclusion (per item: `mayConclude`; the server's guard holds everyone else to the notes). */
    canConclude: [...permissions.values()].some((p) => p.mayConclude),
    members: members.map((m) => m.user),
    /**
     * Once the meeting has closed this person sees only their own cases' items of it (a caseworker with a case on
     * it): the room loads itself again at the close, so the list says then what it says after a reload.
     */
    ownItemsOnceClosed: historyScope(actor.memberships, meeting.unitId) === 'own' && cases.some((c) => c.createdById === actor.userId),
    items: items.map((item) => {
      const recusal = recusals.of(item.id);
      const case_ = item.caseId ? byId.get(item.caseId) : undefined;
      const found = recusal.recused ? undefined : case_;
      // The room shows the submitted case read-only: a number stored before it was refused (or overridden) is masked.
      const submitted = found?.versions[0]
        ? maskTextFields(parseFields(caseContentSchema, JSON.parse(found.versions[0].content)).data as CaseContent)
        : null;
      return {
        id: item.id,
        meetingId: meeting.id,
        caseId: recusal.recused ? null : item.caseId,
        // The agenda still names the item the actor is inhabil for (they must know which one), nothing more.
        title: item.withheld ? nbRoomAgenda.withheldTitle : maskNationalIds(case_?.title ?? item.title ?? ''),
        personRef: maskNationalIds(found?.personRef ?? null),
        caseworker: found?.createdBy.name ?? null,
        purpose: item.purpose,
        reason: item.reason,
        position: item.position,
        /** Its number on the whole agenda (1, 2 … or A1 …), the same on every screen. */
        place: item.place,
        plannedMinutes: item.plannedMinutes,
        status: item.status,
        locked: item.locked,
        aList: item.aList,
        aListConcludedAt: item.aListConcludedAt,
        startedAt: item.startedAt,
        endedAt: item.endedAt,
        outcome: recusal.recused ? null : item.outcome,
        submitted,
        /** The leader case this item is about (a leader meeting's item, issue 22), as the room shows it; else null. */
        leaderCase: (!item.withheld && !recusal.recused && item.leaderCaseId && leaderCases.get(item.leaderCaseId)) || null,
        /** The actor declared themselves inhabil for this item: the room shows none of it (the server refuses its document). */
        recused: recusal.recused,
        /** A closed meeting's item this caseworker may not see (lib/meetings/agenda-items.ts): listed, nothing more. */
        withheld: item.withheld,
        /** Who declared themselves inhabil (everyone sees the names, as the minutes do; the reasons only the chair). */
        recusals: (item.withheld ? [] : recusal.declared).map((d) => ({
          userId: d.userId,
          name: d.name,
          reason: canChairMeeting(actor.memberships, meeting.unitId) || d.userId === actor.userId ? d.reason : null,
        })),
        /** This actor writes this item's conclusion / locks it (an inhabil chair does not; whoever chairs in their place does). */
        mayConclude: permissions.get(item.id)!.mayConclude,
        mayLock: permissions.get(item.id)!.mayLock,
        actingChairId: recusal.actingChairId,
        chairRecused: recusal.chairRecused,
      };
    }),
  };
}

export type MeetingRoom = Awaited<ReturnType<typeof getMeetingRoom>>;

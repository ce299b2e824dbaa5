import { requireMeetingAccess, type Actor } from '../access/access-service';
import { canChairMeeting, canWriteConclusion } from '../access/policy';
import { recordAuditEvents } from '../audit/record-audit-event';
import { caseContentSchema, type CaseContent } from '../cases/case-form';
import type { Db } from '../db/db';
import { caseReadEvents } from '../history/log-case-reads';
import { agendaItemsFor } from './agenda-items';
import { maskNationalIds, maskTextFields } from '../privacy/national-id';
import { parseFields } from '../validation/parse-fields';

/** Everything the meeting room shows on load: the meeting, its agenda with each case as submitted, who may chair. */
export async function getMeetingRoom(options: { db: Db; actor: Actor; meetingId: string }) {
  const { db, actor, meetingId } = options;
  const { level: access, meeting: facts } = await requireMeetingAccess(db, actor, meetingId);
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { unit: { select: { name: true } }, referent: { select: { id: true, name: true } } },
  });
  const items = await agendaItemsFor(db, actor, meeting);
  const caseIds = items.map((i) => i.caseId).filter((id): id is string => Boolean(id));
  const cases = await db.case.findMany({
    where: { id: { in: caseIds } },
    select: {
      id: true,
      title: true,
      personRef: true,
      caseType: true,
      createdBy: { select: { name: true } },
      versions: { orderBy: { version: 'desc' }, take: 1, select: { content: true, version: true } },
    },
  });
  const byId = new Map(cases.map((c) => [c.id, c]));
  const members = await db.membership.findMany({
    where: { unitId: meeting.unitId, user: { active: true } },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: 'asc' } },
  });
  // The room shows each case as submitted: a read of the meeting and of each case, in one insert.
  await recordAuditEvents(db, [
    { actorId: actor.userId, action: 'meeting.read', entityType: 'meeting', entityId: meetingId, unitId: meeting.unitId },
    ...caseReadEvents(
      actor,
      items.map((i) => ({ caseId: i.caseId, unitId: meeting.unitId })),
      'meeting_room',
    ),
  ]);
  return {
    meeting: {
      id: meeting.id,
      unitName: meeting.unit.name,
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
    /** Writes the items' conclusions: whoever may chair, and the referent (the server's guard holds everyone else to the notes). */
    canConclude: canWriteConclusion(actor.memberships, actor.userId, facts),
    members: members.map((m) => m.user),
    items: items.map((item) => {
      const found = item.caseId ? byId.get(item.caseId) : undefined;
      // The room shows the submitted case read-only: a number stored before it was refused (or overridden) is masked.
      const submitted = found?.versions[0]
        ? maskTextFields(parseFields(caseContentSchema, JSON.parse(found.versions[0].content)).data as CaseContent)
        : null;
      return {
        id: item.id,
        caseId: item.caseId,
        title: maskNationalIds(found?.title ?? item.title ?? ''),
        personRef: maskNationalIds(found?.personRef ?? null),
        caseworker: found?.createdBy.name ?? null,
        purpose: item.purpose,
        reason: item.reason,
        position: item.position,
        plannedMinutes: item.plannedMinutes,
        status: item.status,
        locked: item.locked,
        startedAt: item.startedAt,
        endedAt: item.endedAt,
        outcome: item.outcome,
        submitted,
      };
    }),
  };
}

export type MeetingRoom = Awaited<ReturnType<typeof getMeetingRoom>>;

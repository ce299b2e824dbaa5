import { requireMeetingAccess, type Actor } from '../access/access-service';
import { historyScope } from '../access/policy';
import { recordAuditEvents } from '../audit/record-audit-event';
import { caseContentSchema, criteria } from '../cases/case-form';
import { parseFields } from '../validation/parse-fields';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { caseReadEvents } from '../history/log-case-reads';
import { systemClock } from '../time/clock';
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
      attendance: { select: { userId: true } },
      agendaItems: { orderBy: { position: 'asc' }, include: { followUps: { orderBy: { createdAt: 'asc' } } } },
    },
  });
  if (!meeting) throw new AppError('not_found');
  const ownOnly = meeting.status === 'closed' && historyScope(actor.memberships, meeting.unitId) === 'own';
  if (ownOnly) {
    const ownCases = await db.case.findMany({
      where: { id: { in: meeting.agendaItems.flatMap((i) => (i.caseId ? [i.caseId] : [])) }, createdById: actor.userId },
      select: { id: true },
    });
    const own = new Set(ownCases.map((c) => c.id));
    meeting.agendaItems = meeting.agendaItems.filter((i) => i.caseId && own.has(i.caseId));
  }
  const caseIds = meeting.agendaItems.map((i) => i.caseId).filter((id): id is string => Boolean(id));
  const userIds = new Set([
    ...meeting.attendance.map((a) => a.userId),
    ...meeting.agendaItems.flatMap((i) => [...i.followUps.map((f) => f.ownerId), i.epjResponsibleId ?? '', i.lockedById ?? '']),
  ]);
  const [cases, users, versions] = await Promise.all([
    db.case.findMany({
      where: { id: { in: caseIds } },
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
    },
    attendance: meeting.attendance
      .map((a) => name(a.userId))
      .filter(Boolean)
      .sort(),
    items: meeting.agendaItems.map((item) => {
      const found = item.caseId ? caseById.get(item.caseId) : undefined;
      return {
        id: item.id,
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
        epjResponsible: item.epjDocumentation ? name(item.epjResponsibleId) || '–' : null,
        /** Who locked the conclusion (null for items locked before this was recorded, or not locked). */
        lockedBy: item.locked ? name(item.lockedById) || null : null,
        submitted: item.caseId ? (submittedByCase.get(item.caseId) ?? null) : null,
        adjustedAssessment: item.adjustedAssessment ? maskTextFields(JSON.parse(item.adjustedAssessment) as Record<string, string>) : null,
        followUps: item.followUps.map((f) => ({ id: f.id, description: mask(f.description), owner: name(f.ownerId), dueDate: f.dueDate })),
      };
    }),
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

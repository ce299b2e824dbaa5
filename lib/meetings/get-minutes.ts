import type { Actor } from '../access/access-service';
import { meetingAccess } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';

/**
 * The minutes of a closed meeting, read from the frozen rows only (never from
 * a Yjs document), so history stays readable whatever happens to the live
 * documents. Audit-logged as a read of the meeting.
 */
export async function getMinutes(options: { db: Db; actor: Actor; meetingId: string }) {
  const { db, actor, meetingId } = options;
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      unit: { select: { name: true } },
      chair: { select: { name: true } },
      attendance: { select: { userId: true } },
      agendaItems: { orderBy: { position: 'asc' }, include: { followUps: { orderBy: { createdAt: 'asc' } } } },
    },
  });
  if (!meeting || meetingAccess(actor.memberships, meeting) === 'none') throw new AppError('not_found');
  const caseIds = meeting.agendaItems.map((i) => i.caseId).filter((id): id is string => Boolean(id));
  const userIds = new Set([
    ...meeting.attendance.map((a) => a.userId),
    ...meeting.agendaItems.flatMap((i) => [...i.followUps.map((f) => f.ownerId), i.epjResponsibleId ?? '']),
  ]);
  const [cases, users] = await Promise.all([
    db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, title: true, personRef: true, createdBy: { select: { name: true } } } }),
    db.user.findMany({ where: { id: { in: [...userIds].filter(Boolean) } }, select: { id: true, name: true } }),
  ]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const name = (id: string | null) => users.find((u) => u.id === id)?.name ?? '';
  await recordAuditEvent(db, { actorId: actor.userId, action: 'meeting.read', entityType: 'meeting', entityId: meetingId, unitId: meeting.unitId, detail: { view: 'minutes' } });
  return {
    meeting: { id: meeting.id, unitName: meeting.unit.name, startsAt: meeting.startsAt, endsAt: meeting.endsAt, status: meeting.status, chair: meeting.chair?.name ?? null, closedAt: meeting.closedAt },
    attendance: meeting.attendance.map((a) => name(a.userId)).filter(Boolean).sort(),
    items: meeting.agendaItems.map((item) => {
      const found = item.caseId ? caseById.get(item.caseId) : undefined;
      return {
        id: item.id,
        title: found?.title ?? item.title ?? '',
        personRef: found?.personRef ?? null,
        caseworker: found?.createdBy.name ?? null,
        purpose: item.purpose,
        status: item.status,
        notes: item.notes,
        outcome: item.outcome,
        referredTo: item.referredTo,
        conclusion: item.conclusion,
        dissent: item.dissent,
        reassessmentDate: item.reassessmentDate,
        epjResponsible: item.epjDocumentation ? name(item.epjResponsibleId) || '–' : null,
        adjustedAssessment: item.adjustedAssessment ? (JSON.parse(item.adjustedAssessment) as Record<string, string>) : null,
        followUps: item.followUps.map((f) => ({ id: f.id, description: f.description, owner: name(f.ownerId), dueDate: f.dueDate })),
      };
    }),
  };
}

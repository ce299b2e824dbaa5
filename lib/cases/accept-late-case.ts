import type { Actor } from '../access/access-service';
import { canAcceptLateCase, unitAccess } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import type { CaseContentStore } from './case-content-store';
import { AppError } from '../errors/app-error';
import { systemClock } from '../time/clock';

/** The chair accepts a case sent after the deadline onto the meeting it asked for. */
export async function acceptLateCase(options: {
  db: Db;
  actor: Actor;
  caseId: string;
  now?: Date;
  /** The case documents: its author's open editors are checked again (an earlier meeting ends their edit earlier). */
  store?: Pick<CaseContentStore, 'recheckAccess'>;
}): Promise<{ meetingId: string }> {
  const { db, actor, caseId } = options;
  const now = options.now ?? systemClock.now();
  const found = await db.case.findUnique({ where: { id: caseId }, select: { unitId: true, status: true, lateRequestMeetingId: true } });
  if (!found || unitAccess(actor.memberships, found.unitId) === 'none') throw new AppError('not_found');
  if (!canAcceptLateCase(actor.memberships, found.unitId)) throw new AppError('forbidden');
  if (found.status !== 'submitted' || !found.lateRequestMeetingId) throw new AppError('conflict', 'no_late_request');
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: found.lateRequestMeetingId } });
  if (meeting.status !== 'planned' || meeting.startsAt <= now) throw new AppError('conflict', 'meeting_not_open');
  await db.case.update({ where: { id: caseId }, data: { meetingId: meeting.id, lateRequestMeetingId: null, acceptedLate: true } });
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'case.accept_late',
    entityType: 'case',
    entityId: caseId,
    unitId: found.unitId,
    detail: { meetingId: meeting.id },
  });
  await options.store?.recheckAccess(caseId);
  return { meetingId: meeting.id };
}

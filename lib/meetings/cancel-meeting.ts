import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { idParam } from '../validation/query-params';
import { casesOnMeeting, plannedMeeting, recheckCases, requireMeetingManager, type MeetingAdminContext } from './meeting-admin-context';

import { notifyMeetingCancelled } from './series-notifications';
import { systemClock } from '../time/clock';

export const meetingRefSchema = z.object({ unitId: idParam, meetingId: idParam });

/**
 * Cancels a meeting; its cases move to the unit's next planned meeting, and
 * their caseworkers are told — in one transaction, so a cancel that fails
 * tells nobody and one that succeeds tells everyone whose case it moved.
 */
export async function cancelMeeting({
  db,
  actor,
  input,
  now = systemClock.now(),
  cases,
}: MeetingAdminContext): Promise<{ movedTo: string | null }> {
  const { unitId, meetingId } = parseInput(meetingRefSchema, input);
  requireMeetingManager(actor, unitId);
  const meeting = await plannedMeeting(db, unitId, meetingId, now);
  const next = await db.meeting.findFirst({
    where: { unitId, kind: meeting.kind, status: 'planned', startsAt: { gt: meeting.startsAt }, id: { not: meeting.id } },
    orderBy: { startsAt: 'asc' },
  });
  const moved = await casesOnMeeting(db, meeting.id);
  await db.$transaction(async (tx) => {
    // Still planned: two admins cancelling at once (or the chair opening it meanwhile) cancel, and tell, once.
    const { count } = await tx.meeting.updateMany({ where: { id: meeting.id, status: 'planned' }, data: { status: 'cancelled' } });
    if (count === 0) throw new AppError('conflict', 'meeting_started');
    await notifyMeetingCancelled(tx, { id: meeting.id, startsAt: meeting.startsAt, next });
    await tx.case.updateMany({ where: { meetingId: meeting.id, status: 'submitted' }, data: { meetingId: next?.id ?? null } });
    await tx.case.updateMany({
      where: { lateRequestMeetingId: meeting.id, status: 'submitted' },
      data: { lateRequestMeetingId: next?.id ?? null },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'meeting.cancel',
      entityType: 'meeting',
      entityId: meeting.id,
      unitId,
      detail: { movedTo: next?.id ?? '' },
    });
  });
  // Their cases are on another meeting (or none): their authors' open editors take its start.
  await recheckCases(cases, moved);
  return { movedTo: next?.id ?? null };
}

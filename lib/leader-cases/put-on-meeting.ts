import { z } from 'zod';
import { requireMeetingAccess, type Actor } from '../access/access-service';
import { recordAuditEvent } from '../audit/record-audit-event';
import { purposes } from '../cases/case-form';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { defaultMinutesByPurpose, startsOnAList } from '../meetings/agenda-rules';
import { systemClock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import { findLeaderCase } from './find-leader-case';
import { parseStoredContent } from './leader-case-form';

/** The kind of meeting a leader case goes to — and the only kind (a person's case never goes there: lib/cases/submit-case.ts). */
export const leaderMeetingKind = 'ledermote';

const id = z.string().regex(/^[a-z0-9]{8,40}$/);
export const putOnMeetingSchema = z.object({ meetingId: id, purpose: z.enum(purposes).default('drofting') }).strict();

/** The unit's leader meetings a leader case can still be put on: planned or running, not yet over, earliest first. */
export async function upcomingLeaderMeetings(db: Db, unitId: string, now: Date) {
  return db.meeting.findMany({
    where: { unitId, kind: leaderMeetingKind, status: { in: ['planned', 'open'] }, endsAt: { gt: now } },
    orderBy: { startsAt: 'asc' },
    select: { id: true, startsAt: true, status: true },
    take: 12,
  });
}

/**
 * A leader (or chair) puts a leader case on one of the unit's upcoming leader
 * meetings: it becomes an agenda item pointing at the case (AgendaItem.leaderCaseId),
 * titled by its question. A case meeting (saksmøte) refuses it, as do a
 * meeting of another unit (not found), a closed or cancelled meeting, and a
 * case already waiting on another meeting. Putting it on the meeting it is on
 * already is the same item again.
 */
export async function putLeaderCaseOnMeeting(context: {
  db: Db;
  actor: Actor;
  id: unknown;
  input: unknown;
  now?: Date;
}): Promise<{ itemId: string; meetingId: string }> {
  const { db, actor } = context;
  const now = context.now ?? systemClock.now();
  const row = await findLeaderCase(db, actor, context.id);
  const input = parseInput(putOnMeetingSchema, context.input, 'invalid meeting choice');
  const { meeting: facts } = await requireMeetingAccess(db, actor, input.meetingId);
  if (facts.unitId !== row.unitId) throw new AppError('not_found', 'meeting');
  const meeting = {
    id: input.meetingId,
    ...facts,
    ...(await db.meeting.findUniqueOrThrow({ where: { id: input.meetingId }, select: { endsAt: true } })),
  };
  if (meeting.kind !== leaderMeetingKind) throw new AppError('invalid_input', 'not a leader meeting', { meetingId: 'not_leader_meeting' });
  if (meeting.status === 'closed' || meeting.status === 'cancelled' || meeting.endsAt <= now)
    throw new AppError('conflict', 'meeting_closed');
  const waiting = await db.agendaItem.findFirst({
    where: { leaderCaseId: row.id, locked: false, status: 'pending', meeting: { status: { in: ['planned', 'open'] } } },
    select: { id: true, meetingId: true },
  });
  if (waiting?.meetingId === meeting.id) return { itemId: waiting.id, meetingId: meeting.id };
  if (waiting) throw new AppError('conflict', 'already_on_meeting');
  const title = parseStoredContent(row.content).question?.trim() || row.title;
  return db.$transaction(async (tx) => {
    const last = await tx.agendaItem.aggregate({ where: { meetingId: meeting.id }, _max: { position: true } });
    const item = await tx.agendaItem.create({
      data: {
        meetingId: meeting.id,
        leaderCaseId: row.id,
        title,
        purpose: input.purpose,
        plannedMinutes: defaultMinutesByPurpose[input.purpose],
        reason: 'submitted',
        aList: startsOnAList(input.purpose),
        position: (last._max.position ?? 0) + 1,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'leader_case.put_on_meeting',
      entityType: 'leader_case',
      entityId: row.id,
      unitId: row.unitId,
      detail: { meetingId: meeting.id, itemId: item.id },
    });
    return { itemId: item.id, meetingId: meeting.id };
  });
}

/**
 * Where a leader case has been taken up: each agenda item for it, its meeting,
 * and — once the meeting has closed — the outcome and conclusion the minutes
 * hold. For the leader case page (the actor may see the case, so its leader
 * meetings: lib/access canSeeMeetingOfKind holds for the same people).
 */
export async function leaderCaseMeetings(db: Db, leaderCaseId: string) {
  const items = await db.agendaItem.findMany({
    where: { leaderCaseId },
    select: {
      id: true,
      status: true,
      outcome: true,
      conclusion: true,
      meeting: { select: { id: true, startsAt: true, status: true } },
    },
  });
  return items
    .map((i) => {
      const closed = i.meeting.status === 'closed';
      return {
        itemId: i.id,
        meetingId: i.meeting.id,
        startsAt: i.meeting.startsAt,
        meetingStatus: i.meeting.status,
        outcome: closed ? i.outcome : null,
        conclusion: closed ? i.conclusion : null,
      };
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

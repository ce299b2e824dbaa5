import type { Actor } from '../access/access-service';
import { canManageMeetings } from '../access/policy';
import type { CaseContentStore } from '../cases/case-content-store';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';

/**
 * What every meeting administration command gets: run by a unit's admins and
 * leaders (issue 8). `cases` is the server's case-document store: a command
 * that moves a meeting's start (or its cases to another meeting) has their
 * open editors checked again, since their author's edit ends at that start.
 * Without it (a command run outside the server) there are no open editors.
 */
export type MeetingAdminContext = { db: Db; actor: Actor; input: unknown; now?: Date; cases?: Pick<CaseContentStore, 'recheckAccess'> };

/** The submitted cases on a meeting, whose author may edit until it starts. */
export async function casesOnMeeting(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db.case.findMany({ where: { meetingId, status: 'submitted' }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** Their live editors reconnect and are checked again (on every node), with the start they are on now. */
export async function recheckCases(cases: MeetingAdminContext['cases'], caseIds: readonly string[]): Promise<void> {
  if (cases) for (const id of caseIds) await cases.recheckAccess(id);
}

/** Anyone else is told the unit does not exist, as everywhere else. */
export function requireMeetingManager(actor: Actor, unitId: string): void {
  if (!canManageMeetings(actor.memberships, unitId)) throw new AppError('not_found');
}

/** A meeting of the unit that has not started yet: only those may be moved or cancelled. */
export async function plannedMeeting(db: Db, unitId: string, meetingId: string, now: Date) {
  const meeting = await db.meeting.findFirst({ where: { id: meetingId, unitId }, include: { series: true } });
  if (!meeting) throw new AppError('not_found');
  if (meeting.status !== 'planned' || meeting.startsAt <= now) throw new AppError('conflict', 'meeting_started');
  return meeting;
}

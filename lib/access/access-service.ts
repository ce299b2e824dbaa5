import type { Db } from '../db/db';
import type { DocumentRef } from '../realtime/document-name';
import { AppError } from '../errors/app-error';
import {
  caseAccess,
  caseAccessChangesAt,
  historyScope,
  canWriteConclusion,
  itemAccess,
  meetingAccess,
  type AccessLevel,
  type CaseFacts,
  type MeetingFacts,
} from './policy';
import { roleSchema, type UnitMembership } from './roles';
import { systemClock } from '../time/clock';

/**
 * Loads the facts the pure policy needs and asks it. Roles are read from the
 * database on every check, so a changed role or a deactivated user takes
 * effect on the next request or connection, whatever a session cookie says.
 */
export type Actor = {
  userId: string;
  memberships: UnitMembership[];
  /** A system administrator (issue 16): powers over accounts, none over cases (lib/access/policy.ts, canManageAccount). */
  systemAdmin?: boolean;
};

export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { active: true, systemAdmin: true, memberships: { select: { unitId: true, role: true } } },
  });
  return user?.active ? actorOf(userId, user.memberships, user.systemAdmin) : null;
}

/** An actor from membership rows as stored (a role this version does not know counts as none). */
export function actorOf(userId: string, rows: readonly { unitId: string; role: string }[], systemAdmin = false): Actor {
  const memberships = rows.flatMap((m) => {
    const role = roleSchema.safeParse(m.role);
    return role.success ? [{ unitId: m.unitId, role: role.data }] : [];
  });
  return { userId, memberships, systemAdmin };
}

/**
 * The level on a document, the unit it belongs to (for the audit log), and the
 * instant at which the level may change by itself (time passing: a meeting's
 * start), when open connections must be checked again.
 */
export type DocumentAccess = {
  level: AccessLevel;
  unitId: string | null;
  changesAt: Date | null;
  /** An item: the actor may write its conclusion fields (canWriteConclusion; false for a case and when read-only). */
  mayConclude: boolean;
};

export async function documentAccess(db: Db, actor: Actor, doc: DocumentRef, now: Date = systemClock.now()): Promise<DocumentAccess> {
  if (doc.kind === 'case') {
    const facts = await loadCaseFacts(db, doc.id, now);
    if (!facts) return { level: 'none', unitId: null, changesAt: null, mayConclude: false };
    return {
      level: caseAccess(actor.userId, actor.memberships, facts),
      unitId: facts.unitId,
      changesAt: caseAccessChangesAt(facts),
      mayConclude: false,
    };
  }
  const item = await db.agendaItem.findUnique({ where: { id: doc.id }, select: { locked: true, caseId: true, meetingId: true } });
  const meeting = item ? await loadMeetingFacts(db, actor, item.meetingId) : null;
  if (!item || !meeting) return { level: 'none', unitId: null, changesAt: null, mayConclude: false };
  const ownCase = item.caseId ? (await db.case.count({ where: { id: item.caseId, createdById: actor.userId } })) > 0 : false;
  const level = itemAccess(actor.memberships, { locked: item.locked, meeting, ownCase });
  return {
    level,
    unitId: meeting.unitId,
    changesAt: null,
    mayConclude: level === 'edit' && canWriteConclusion(actor.memberships, actor.userId, meeting),
  };
}

/**
 * The facts `meetingAccess` needs: the meeting's unit and status, and — for a
 * closed meeting, which is history — whether one of the actor's cases was on
 * its agenda. Null for a missing meeting.
 */
export async function loadMeetingFacts(db: Db, actor: Actor, meetingId: string): Promise<MeetingFacts | null> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { unitId: true, status: true, referentId: true } });
  if (!meeting) return null;
  let hasOwnCase = false;
  if (meeting.status === 'closed' && historyScope(actor.memberships, meeting.unitId) === 'own') {
    const items = await db.agendaItem.findMany({ where: { meetingId, caseId: { not: null } }, select: { caseId: true } });
    const ids = items.flatMap((i) => (i.caseId ? [i.caseId] : []));
    hasOwnCase = ids.length > 0 && (await db.case.count({ where: { id: { in: ids }, createdById: actor.userId } })) > 0;
  }
  return { ...meeting, hasOwnCase };
}

/** A meeting's facts and this actor's level on it; a missing or hidden meeting is level none. */
export async function loadMeetingAccess(
  db: Db,
  actor: Actor,
  meetingId: string,
): Promise<{ level: AccessLevel; meeting: MeetingFacts | null }> {
  const meeting = await loadMeetingFacts(db, actor, meetingId);
  if (!meeting) return { level: 'none', meeting: null };
  return { level: meetingAccess(actor.memberships, meeting), meeting };
}

/** The meeting as `meetingAccess` sees it, or AppError('not_found') for none (hidden = missing). */
export async function requireMeetingAccess(
  db: Db,
  actor: Actor,
  meetingId: string,
): Promise<{ level: Exclude<AccessLevel, 'none'>; meeting: MeetingFacts }> {
  const { level, meeting } = await loadMeetingAccess(db, actor, meetingId);
  if (!meeting || level === 'none') throw new AppError('not_found');
  return { level, meeting };
}

export async function loadCaseFacts(db: Db, caseId: string, now: Date = systemClock.now()): Promise<CaseFacts | null> {
  const found = await db.case.findUnique({
    where: { id: caseId },
    select: { unitId: true, status: true, createdById: true, meeting: { select: { startsAt: true, status: true } } },
  });
  if (!found) return null;
  const meetingStarted = found.meeting ? found.meeting.status !== 'planned' || found.meeting.startsAt <= now : false;
  const meetingStartsAt = found.meeting && !meetingStarted ? found.meeting.startsAt : null;
  return { unitId: found.unitId, status: found.status, createdById: found.createdById, meetingStarted, meetingStartsAt };
}

/** The level this actor has on a case, or an AppError for none (hidden = missing). */
export async function requireCaseAccess(db: Db, actor: Actor, caseId: string, needed: 'read' | 'edit'): Promise<CaseFacts> {
  const facts = await loadCaseFacts(db, caseId);
  const level = facts ? caseAccess(actor.userId, actor.memberships, facts) : 'none';
  if (!facts || level === 'none') throw new AppError('not_found');
  if (needed === 'edit' && level !== 'edit') throw new AppError('forbidden');
  return facts;
}

import type { Db } from '../db/db';
import type { DocumentRef } from '../realtime/document-name';
import { AppError } from '../errors/app-error';
import { caseAccess, historyScope, itemAccess, meetingAccess, type AccessLevel, type CaseFacts, type MeetingFacts } from './policy';
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

export type DocumentAccess = { level: AccessLevel; unitId: string | null };

export async function documentAccess(db: Db, actor: Actor, doc: DocumentRef): Promise<DocumentAccess> {
  if (doc.kind === 'case') {
    const facts = await loadCaseFacts(db, doc.id);
    if (!facts) return { level: 'none', unitId: null };
    return { level: caseAccess(actor.userId, actor.memberships, facts), unitId: facts.unitId };
  }
  if (doc.kind === 'item') {
    const item = await db.agendaItem.findUnique({
      where: { id: doc.id },
      select: { locked: true, caseId: true, meeting: { select: { unitId: true, status: true } } },
    });
    if (!item) return { level: 'none', unitId: null };
    // A closed meeting's items are history: a caseworker may open only those of their own cases.
    if (item.meeting.status === 'closed' && historyScope(actor.memberships, item.meeting.unitId) === 'own') {
      const own = item.caseId ? await db.case.count({ where: { id: item.caseId, createdById: actor.userId } }) : 0;
      if (!own) return { level: 'none', unitId: item.meeting.unitId };
    }
    return { level: itemAccess(actor.memberships, item), unitId: item.meeting.unitId };
  }
  const { level, meeting } = await loadMeetingAccess(db, actor, doc.id);
  return { level, unitId: meeting?.unitId ?? null };
}

/** A meeting's facts and this actor's level on it; a missing meeting is level none. */
export async function loadMeetingAccess(
  db: Db,
  actor: Actor,
  meetingId: string,
): Promise<{ level: AccessLevel; meeting: MeetingFacts | null }> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { unitId: true, status: true } });
  if (!meeting) return { level: 'none', meeting: null };
  return { level: meetingAccess(actor.memberships, meeting), meeting };
}

export async function loadCaseFacts(db: Db, caseId: string, now: Date = systemClock.now()): Promise<CaseFacts | null> {
  const found = await db.case.findUnique({
    where: { id: caseId },
    select: { unitId: true, status: true, createdById: true, meeting: { select: { startsAt: true, status: true } } },
  });
  if (!found) return null;
  const meetingStarted = found.meeting ? found.meeting.status !== 'planned' || found.meeting.startsAt <= now : false;
  return { unitId: found.unitId, status: found.status, createdById: found.createdById, meetingStarted };
}

/** The level this actor has on a case, or an AppError for none (hidden = missing). */
export async function requireCaseAccess(db: Db, actor: Actor, caseId: string, needed: 'read' | 'edit'): Promise<CaseFacts> {
  const facts = await loadCaseFacts(db, caseId);
  const level = facts ? caseAccess(actor.userId, actor.memberships, facts) : 'none';
  if (!facts || level === 'none') throw new AppError('not_found');
  if (needed === 'edit' && level !== 'edit') throw new AppError('forbidden');
  return facts;
}

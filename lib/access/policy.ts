import { caseworkRoles, type Role, type UnitMembership } from './roles';
import { canSeeMeetingOfKind } from './leader-case-policy';

/**
 * Pure access rules: every "may this person…" question is answered here, from
 * facts the caller passes in. Commands and loaders in lib/ ask them, with the
 * facts loaded by lib/access/access-service.ts or by their own query of the
 * row they act on; pages, API routes, socket.io and Yjs reach them only
 * through those lib functions, never with role checks of their own.
 * Deny is the default: no membership in the owning unit means no access, and
 * the caller cannot tell a hidden thing from a missing one.
 */
export type AccessLevel = 'none' | 'read' | 'edit';

export type CaseFacts = {
  unitId: string;
  status: string;
  createdById: string;
  /** The meeting the case is on has started: from then on it is worked on in the meeting. */
  meetingStarted?: boolean;
  /** When that meeting starts, while it is still ahead (the instant `meetingStarted` turns true by itself). */
  meetingStartsAt?: Date | null;
  /** The actor declared themselves inhabil for an agenda item about this case (lib/meetings/recusal.ts). */
  recused?: boolean;
};
export type MeetingFacts = {
  unitId: string;
  status: string;
  /** The actor has a case on the meeting's agenda (asked of closed meetings, which are history). */
  hasOwnCase: boolean;
  /** Whom the chair named to write the conclusions with them (Meeting.referentId). */
  referentId?: string | null;
  /** Who chairs the meeting (Meeting.chairId): their habilitet decides who chairs an item (ItemRecusalFacts.chairRecused). */
  chairId?: string | null;
  /** saksmote | ledermote (Meeting.kind): a leader meeting is the leader group's (canSeeMeetingOfKind). Absent = saksmote. */
  kind?: string;
};

function roleIn(memberships: readonly UnitMembership[], unitId: string): Role | null {
  return memberships.find((m) => m.unitId === unitId)?.role ?? null;
}

export function unitAccess(memberships: readonly UnitMembership[], unitId: string): AccessLevel {
  return roleIn(memberships, unitId) ? 'read' : 'none';
}

export function caseAccess(userId: string, memberships: readonly UnitMembership[], facts: CaseFacts): AccessLevel {
  const role = roleIn(memberships, facts.unitId);
  if (!role) return 'none';
  // Habilitet (forvaltningsloven § 6): whoever declared themselves inhabil for the case takes no part in it — not even reading.
  if (facts.recused) return 'none';
  // A deleted draft is gone for everyone (the row stays for the access log, until retention purges it).
  if (facts.status === 'deleted') return 'none';
  // A draft is the author's work in progress: colleagues in case work may
  // co-author it, but admins (who set up the unit) do not need to see it.
  if (facts.status === 'draft' && role === 'admin') return 'none';
  // A concluded case is history: a caseworker sees the history of their own cases only.
  if (facts.status === 'concluded' && historyScope(memberships, facts.unitId) === 'own' && facts.createdById !== userId) return 'none';
  if (facts.status === 'concluded' || facts.status === 'withdrawn') return 'read';
  if (!caseworkRoles.includes(role)) return 'read';
  if (facts.status === 'draft') return 'edit';
  if (facts.meetingStarted) return role === 'saksbehandler' ? 'read' : 'edit';
  if (facts.createdById === userId) return 'edit';
  // Submitted cases of colleagues are edited in the meeting, not before it.
  return role === 'saksbehandler' ? 'read' : 'edit';
}

/**
 * When `caseAccess` may give another answer with nothing but time passing: the
 * start of the case's meeting, while it is ahead and the case is still before
 * it (then the author's edit becomes read). Open connections are checked again
 * at that instant (server/realtime/yjs/access-deadline.ts); every other change
 * to a case's access comes from a command, which re-checks them itself.
 */
export function caseAccessChangesAt(facts: CaseFacts): Date | null {
  if (facts.status !== 'submitted' || facts.meetingStarted) return null;
  return facts.meetingStartsAt ?? null;
}

/**
 * "May this person see this meeting, and at what level" — the one rule for
 * every door that names a meeting: its agenda page, room, minutes, PDF, the
 * socket.io room (and the presence in it) and its items' documents. A closed
 * meeting is history: a caseworker sees it only if one of their cases was on
 * it; to anyone else in the unit it is hidden exactly as a missing one.
 * A leader meeting (issue 22) is seen by the unit's leaders and chairs only;
 * to its caseworkers and admins it is missing, whatever its status.
 */
export function meetingAccess(memberships: readonly UnitMembership[], facts: MeetingFacts): AccessLevel {
  const role = roleIn(memberships, facts.unitId);
  if (!role) return 'none';
  if (!canSeeMeetingOfKind(memberships, facts.unitId, facts.kind)) return 'none';
  if (facts.status === 'closed' && historyScope(memberships, facts.unitId) === 'own' && !facts.hasOwnCase) return 'none';
  if (facts.status === 'closed' || facts.status === 'cancelled') return 'read';
  return caseworkRoles.includes(role) ? 'edit' : 'read';
}

export function canChairMeeting(memberships: readonly UnitMembership[], unitId: string): boolean {
  const role = roleIn(memberships, unitId);
  return role === 'moteleder' || role === 'leder';
}

/**
 * The conclusion of an item — outcome, conclusion, dissent, follow-ups, the
 * re-assessment date, the EPJ flag (lib/meetings/item-content.ts,
 * conclusionFields) — is written by whoever may chair the unit's meetings and
 * by the referent the chair named for the meeting; everyone who edits the item
 * writes in its notes. The item's own level still applies (a locked item is
 * read-only for all). Enforced on the item's Yjs document by the update guard.
 */
export function canWriteConclusion(
  memberships: readonly UnitMembership[],
  userId: string,
  meeting: MeetingFacts,
  item?: ItemRecusalFacts,
): boolean {
  if (meetingAccess(memberships, meeting) !== 'edit') return false;
  // An inhabil chair or referent takes no part in the item; the participant named to chair it in their place writes it.
  if (item?.recused) return false;
  // The meeting's chair inhabil: whoever chairs the item in the chair's place concludes it, nobody else by role
  // (another leader at the table advises, as everyone does).
  if (item?.chairRecused) return chairsInChairsPlace(userId, meeting, item);
  if (item?.actingChairId != null && item.actingChairId === userId) return true;
  return canChairMeeting(memberships, meeting.unitId) || (meeting.referentId != null && meeting.referentId === userId);
}

/**
 * Habilitet on one item, for the actor. Habilitet holds per case: `recused`
 * is true when the actor declared themselves inhabil for this item or for
 * any item about its case (an earlier meeting's, a carried or resubmitted
 * one); `chairRecused` when the person chairing the meeting (Meeting.chairId)
 * did — then the participant the chair named (`actingChairId`), else the
 * referent, chairs the item. Loaded by lib/access/access-service.ts.
 */
export type ItemRecusalFacts = { recused: boolean; chairRecused: boolean; actingChairId: string | null };

/** Whoever chairs the item in the chair's place, when the meeting's chair is inhabil for it: the participant named, else the referent. */
export function chairsInChairsPlace(userId: string, meeting: MeetingFacts, item: ItemRecusalFacts): boolean {
  if (!item.chairRecused) return false;
  return (item.actingChairId ?? meeting.referentId ?? null) === userId;
}

/**
 * Locking an item (its conclusion final) and unlocking it: whoever may chair,
 * unless inhabil for it; when the meeting's chair is inhabil for the item,
 * only the referent or the participant named to chair it — whoever writes its
 * conclusion in the chair's place (another leader does not, by role).
 */
export function canLockItem(
  memberships: readonly UnitMembership[],
  userId: string,
  meeting: MeetingFacts,
  item: ItemRecusalFacts,
): boolean {
  if (!canWriteConclusion(memberships, userId, meeting, item)) return false;
  return item.chairRecused ? chairsInChairsPlace(userId, meeting, item) : canChairMeeting(memberships, meeting.unitId);
}

/**
 * The chair's commands on one item — make it the current one, move it on or
 * off the A-list, ask its caseworker for what is missing: whoever may chair
 * the unit's meetings, never for an item they are inhabil for (forvaltningsloven
 * § 6: they take no part in it); whoever chairs the item in the chair's place
 * may do them for that item.
 */
export function canChairItem(
  memberships: readonly UnitMembership[],
  userId: string,
  meeting: MeetingFacts,
  item: ItemRecusalFacts,
): boolean {
  if (meetingAccess(memberships, meeting) !== 'edit' || item.recused) return false;
  return canChairMeeting(memberships, meeting.unitId) || chairsInChairsPlace(userId, meeting, item);
}

/**
 * Everything one person may do with one agenda item, decided once for every
 * door: the item's Yjs document (the server's update guard reads `mayConclude`)
 * and the meeting room (which enables the conclusion fields and the lock
 * button from the same answer).
 */
export type ItemPermissions = { level: AccessLevel; mayConclude: boolean; mayLock: boolean };

export function itemPermissions(
  memberships: readonly UnitMembership[],
  userId: string,
  facts: Omit<ItemFacts, 'recused'>,
  recusal: ItemRecusalFacts,
): ItemPermissions {
  const level = itemAccess(memberships, { ...facts, recused: recusal.recused });
  return {
    level,
    mayConclude: level === 'edit' && canWriteConclusion(memberships, userId, facts.meeting, recusal),
    mayLock: level !== 'none' && canLockItem(memberships, userId, facts.meeting, recusal),
  };
}

/**
 * Declaring oneself inhabil for an item, or withdrawing it: anyone who takes
 * part in the meeting (edit on it), while the item is not locked — once its
 * conclusion is final, the declaration is part of the record.
 */
export function canDeclareRecusal(memberships: readonly UnitMembership[], meeting: MeetingFacts, item: { locked: boolean }): boolean {
  return meetingAccess(memberships, meeting) === 'edit' && !item.locked;
}

/** A case sent after the deadline is taken onto its meeting by whoever chairs the unit's meetings. */
export function canAcceptLateCase(memberships: readonly UnitMembership[], unitId: string): boolean {
  return canChairMeeting(memberships, unitId);
}

/** Starting a draft: the unit's members in case work (admins set units up, they do not write cases). */
export function canCreateCaseIn(memberships: readonly UnitMembership[], unitId: string): boolean {
  const role = roleIn(memberships, unitId);
  return role !== null && caseworkRoles.includes(role);
}

/** The units in which the actor may start a draft. */
export function unitsForNewCases(memberships: readonly UnitMembership[]): string[] {
  return memberships.filter((m) => canCreateCaseIn(memberships, m.unitId)).map((m) => m.unitId);
}

export type ItemFacts = {
  locked: boolean;
  meeting: MeetingFacts;
  /** The item is about one of the actor's own cases. */
  ownCase: boolean;
  /** The actor declared themselves inhabil for the item: they see none of it. */
  recused?: boolean;
};

/**
 * An agenda item's notes: as its meeting, but read-only for everyone once the
 * chair locks it. In a closed meeting a caseworker opens only the items of
 * their own cases (the minutes show them no more).
 */
export function itemAccess(memberships: readonly UnitMembership[], facts: ItemFacts): AccessLevel {
  if (facts.recused) return 'none';
  if (facts.meeting.status === 'closed' && historyScope(memberships, facts.meeting.unitId) === 'own' && !facts.ownCase) return 'none';
  const level = meetingAccess(memberships, facts.meeting);
  return level === 'edit' && facts.locked ? 'read' : level;
}

/**
 * Restoring an earlier version of a case or an item writes it into the live
 * document as a new edit, so it needs what editing needs: edit access to that
 * document now (a draft, a submitted case before its meeting starts for its
 * author, the chair in the meeting, an unlocked item of an open meeting).
 * Read-only — a locked item, a closed meeting, a concluded or withdrawn case,
 * a caseworker's submitted case once the meeting has started — refuses it.
 */
export function canRestoreVersion(documentLevel: AccessLevel): boolean {
  return documentLevel === 'edit';
}

/**
 * How much of a unit's meeting history someone sees. Leaders and admins see
 * the unit's; so does the chair (møteleder), who keeps like cases alike from
 * meeting to meeting. A caseworker sees the history of their own cases.
 */
export type HistoryScope = 'unit' | 'own' | 'none';

export function historyScope(memberships: readonly UnitMembership[], unitId: string): HistoryScope {
  const role = roleIn(memberships, unitId);
  if (!role) return 'none';
  return role === 'saksbehandler' ? 'own' : 'unit';
}

/** A decided case as history: seen unit-wide by leaders, admins and chairs, by a caseworker if it is their own. */
export function canSeeCaseHistory(
  userId: string,
  memberships: readonly UnitMembership[],
  facts: { unitId: string; createdById: string },
): boolean {
  const scope = historyScope(memberships, facts.unitId);
  return scope === 'unit' || (scope === 'own' && facts.createdById === userId);
}

/**
 * The hand-off of a concluded case to the record system (issue 19): its
 * caseworker, who makes the vedtak, and the unit's leader, who follows up
 * what is not yet documented. Not the chair or the admin: they read the case
 * as history, but carry nothing into the record system.
 */
export function canSeeHandOff(
  userId: string,
  memberships: readonly UnitMembership[],
  facts: { unitId: string; createdById: string },
): boolean {
  const role = roleIn(memberships, facts.unitId);
  if (!role) return false;
  return facts.createdById === userId || role === 'leder';
}

/** A re-assessment (revurdering) draft from a decided case: whoever sees its history and may write cases there. */
export function canStartRevision(
  userId: string,
  memberships: readonly UnitMembership[],
  facts: { unitId: string; createdById: string },
): boolean {
  return canSeeCaseHistory(userId, memberships, facts) && canCreateCaseIn(memberships, facts.unitId);
}

export type FollowUpFacts = { unitId: string; ownerId: string };

/**
 * Ticking a follow-up off, or opening it again: its owner, and the leader or
 * chair of the meeting's unit (who follow up what the meeting decided).
 * Nobody outside the unit, an owner who has left it included.
 */
export function canCompleteFollowUp(userId: string, memberships: readonly UnitMembership[], facts: FollowUpFacts): boolean {
  const role = roleIn(memberships, facts.unitId);
  if (!role) return false;
  return facts.ownerId === userId || role === 'leder' || role === 'moteleder';
}

/**
 * Seeing a follow-up in the overview: in a unit whose whole history the person
 * sees, every follow-up; where they see only their own history, their own.
 */
export function canSeeFollowUp(userId: string, memberships: readonly UnitMembership[], facts: FollowUpFacts): boolean {
  const scope = historyScope(memberships, facts.unitId);
  return scope === 'unit' || (scope === 'own' && facts.ownerId === userId);
}

/** The audit log of a unit: its leaders and admins only. */
export function canReadAuditLog(memberships: readonly UnitMembership[], unitId: string): boolean {
  const role = roleIn(memberships, unitId);
  return role === 'leder' || role === 'admin';
}

/** The units in which the actor's history scope is `scope` (e.g. the units whose whole history they see). */
export function unitsWithHistory(memberships: readonly UnitMembership[], scope: Exclude<HistoryScope, 'none'>): string[] {
  return memberships.filter((m) => historyScope(memberships, m.unitId) === scope).map((m) => m.unitId);
}

/** The units whose audit log the actor may read. */
export function auditLogUnits(memberships: readonly UnitMembership[]): string[] {
  return memberships.filter((m) => canReadAuditLog(memberships, m.unitId)).map((m) => m.unitId);
}

/**
 * Administration (issue 8): a unit's admin runs its membership — adds people,
 * sets their roles, removes them. Whoever is admin somewhere may create a new
 * unit (and becomes its first admin): the municipality's administrators.
 */
export function canAdministerUnit(memberships: readonly UnitMembership[], unitId: string): boolean {
  return roleIn(memberships, unitId) === 'admin';
}

export function canCreateUnits(memberships: readonly UnitMembership[]): boolean {
  return memberships.some((m) => m.role === 'admin');
}

/** The units the actor administers. */
export function administeredUnits(memberships: readonly UnitMembership[]): string[] {
  return memberships.filter((m) => m.role === 'admin').map((m) => m.unitId);
}

/**
 * A right-of-access export (innsyn) of everything held about one person
 * reference: the unit's leaders and admins, who answer such requests.
 */
export function canExportPersonData(memberships: readonly UnitMembership[], unitId: string): boolean {
  const role = roleIn(memberships, unitId);
  return role === 'leder' || role === 'admin';
}

/** Meeting series, the calendar and single meetings (move, cancel, add): the unit's admins and leaders. */
export function canManageMeetings(memberships: readonly UnitMembership[], unitId: string): boolean {
  const role = roleIn(memberships, unitId);
  return role === 'admin' || role === 'leder';
}

/** Whether someone has anything under /admin: units they administer, or meetings they plan. */
export function hasAdministration(memberships: readonly UnitMembership[]): boolean {
  return memberships.some((m) => canAdministerUnit(memberships, m.unitId) || canManageMeetings(memberships, m.unitId));
}

// ─── Accounts (issue 16): who may act on a person's account, as opposed to their membership of a unit ───

/** Who is acting, for the account rules: their memberships and whether they are a system administrator. */
export type AccountActor = { memberships: readonly UnitMembership[]; systemAdmin?: boolean };
/** The person an account power acts on: every unit they belong to, and whether they are a system administrator. */
export type AccountFacts = { memberships: readonly { unitId: string }[]; systemAdmin: boolean };

/** The system administrator's pages: every account, with the powers over it (never its units' cases). */
export function canAdministerAccounts(actor: AccountActor): boolean {
  return actor.systemAdmin === true;
}

/**
 * Powers over the account itself — password, deactivation, name, e-mail, OIDC
 * link — reach into every unit the person belongs to, so a unit's admin has
 * them only for a person whose memberships are all in units they administer
 * (which includes an account they have just created). Anyone who also belongs
 * elsewhere, anyone who belongs nowhere (a former employee, an account the
 * command line made), and every system administrator: only a system
 * administrator. Adding someone to one's unit never brings these powers over
 * a person who belongs elsewhere.
 */
export function canManageAccount(actor: AccountActor, target: AccountFacts): boolean {
  if (actor.systemAdmin) return true;
  if (target.systemAdmin || target.memberships.length === 0) return false;
  const mine = new Set(administeredUnits(actor.memberships));
  return target.memberships.every((m) => mine.has(m.unitId));
}

/** Whether the account is shown to the actor at all (else hidden = missing): a system administrator, or an admin of one of its units. */
export function canSeeAccount(actor: AccountActor, target: AccountFacts): boolean {
  if (actor.systemAdmin) return true;
  const mine = new Set(administeredUnits(actor.memberships));
  return target.memberships.some((m) => mine.has(m.unitId));
}

/** Whether someone works with cases at all (a member of some unit): a system administrator alone has no case pages. */
export function hasCasePages(actor: AccountActor): boolean {
  return actor.memberships.length > 0;
}

/** Whether someone has anything under /admin, system administrators included. */
export function hasAdministrationPages(actor: AccountActor): boolean {
  return hasAdministration(actor.memberships) || canAdministerAccounts(actor);
}

/**
 * Deleting a draft: its author alone, while it is a draft (a co-author may write in it, not throw it away;
 * once sent in, a case is withdrawn, never deleted).
 */
export function canDeleteDraft(
  userId: string,
  memberships: readonly UnitMembership[],
  facts: { unitId: string; createdById: string; status: string },
): boolean {
  const role = roleIn(memberships, facts.unitId);
  return role !== null && caseworkRoles.includes(role) && facts.status === 'draft' && facts.createdById === userId;
}

/** Marking a concluded case *dokumentert i fagsystemet*: its caseworker, who makes the vedtak there. */
export function canMarkDocumented(
  userId: string,
  memberships: readonly UnitMembership[],
  facts: { unitId: string; createdById: string },
): boolean {
  return roleIn(memberships, facts.unitId) !== null && facts.createdById === userId;
}

/** The units whose not-yet-documented cases a person follows up: where they lead. */
export function unitsWithDocumentationOverview(memberships: readonly UnitMembership[]): string[] {
  return memberships.filter((m) => m.role === 'leder').map((m) => m.unitId);
}

/** A closed meeting's minutes, as the approval rules see them (issue 19; lib/minutes). */
export type MinutesFacts = { unitId: string; chairId: string | null; referentId: string | null; attended: boolean };

/**
 * Who edits and approves draft minutes: whoever may chair the unit's meetings,
 * the meeting's own chair and the referent the chair named. Read access to the
 * meeting is asked first (requireMeetingAccess).
 */
export function canEditMinutes(memberships: readonly UnitMembership[], userId: string, minutes: MinutesFacts): boolean {
  if (!roleIn(memberships, minutes.unitId)) return false;
  return canChairMeeting(memberships, minutes.unitId) || minutes.chairId === userId || minutes.referentId === userId;
}

/** Who comments on draft minutes: whoever took part — was present, or chaired or wrote them. */
export function canCommentOnMinutes(memberships: readonly UnitMembership[], userId: string, minutes: MinutesFacts): boolean {
  if (!roleIn(memberships, minutes.unitId)) return false;
  return minutes.attended || canEditMinutes(memberships, userId, minutes);
}

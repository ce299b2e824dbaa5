import type { Db } from '../db/db';
import type { DocumentRef } from '../realtime/document-name';
import { AppError } from '../errors/app-error';
import {
  caseAccess,
  caseAccessChangesAt,
  historyScope,
  canChairItem,
  canChairMeeting,
  itemPermissions,
  meetingAccess,
  type AccessLevel,
  type CaseFacts,
  type ItemRecusalFacts,
  type MeetingFacts,
} from './policy';
import { roleSchema, type UnitMembership } from './roles';
import { systemClock } from '../time/clock';
import { nbRecusal } from '../i18n/nb-recusal';

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
    const facts = await loadCaseFacts(db, doc.id, now, actor.userId);
    if (!facts) return { level: 'none', unitId: null, changesAt: null, mayConclude: false };
    return {
      level: caseAccess(actor.userId, actor.memberships, facts),
      unitId: facts.unitId,
      changesAt: caseAccessChangesAt(facts),
      mayConclude: false,
    };
  }
  const item = await db.agendaItem.findUnique({
    where: { id: doc.id },
    select: { id: true, locked: true, caseId: true, meetingId: true, actingChairId: true },
  });
  const meeting = item ? await loadMeetingFacts(db, actor, item.meetingId) : null;
  if (!item || !meeting) return { level: 'none', unitId: null, changesAt: null, mayConclude: false };
  const [ownCase, recusal] = await Promise.all([
    item.caseId ? db.case.count({ where: { id: item.caseId, createdById: actor.userId } }).then((n) => n > 0) : false,
    loadItemRecusal(db, actor.userId, item, meeting),
  ]);
  const { level, mayConclude } = itemPermissions(actor.memberships, actor.userId, { locked: item.locked, meeting, ownCase }, recusal);
  return { level, unitId: meeting.unitId, changesAt: null, mayConclude };
}

/**
 * The cases this person is inhabil for: every case of an agenda item they
 * declared themselves inhabil for, in any meeting, and the cases of the same
 * matter — the revurderinger of such a case (Case.revisesCaseId) and the
 * earlier cases it revisits. Habilitet holds per case (forvaltningsloven § 6),
 * so every door that shows a case — the room, the saksliste, the minutes,
 * search, the person's timeline, similar cases, the follow-ups, the
 * re-assessment proposals — leaves out these, not only the item declared for.
 * With `caseIds`, only those are asked about.
 */
export async function inhabilCaseIds(db: Db, userId: string, caseIds?: readonly string[]): Promise<Set<string>> {
  return inhabilCasesOf(db, await loadRecusals(db, userId), caseIds);
}

/**
 * A person's recusals with their items' cases. Driven from the person's few
 * recusals (the userId index), then their items by primary key: one statement
 * for the many who have none. Asked as one statement from the items' side (a
 * semi-join, `recusals: { some }`), SQLite read every agenda item of the
 * history for it: 100,000 rows, three times per room load (docs/performance.md);
 * asked with a nested `select: { item }`, Prisma sends a second statement even
 * when there is no recusal.
 */
async function loadRecusals(db: Db, userId: string): Promise<{ itemId: string; caseId: string | null }[]> {
  const rows = await db.recusal.findMany({ where: { userId }, select: { itemId: true } });
  if (rows.length === 0) return [];
  const items = await db.agendaItem.findMany({ where: { id: { in: rows.map((r) => r.itemId) } }, select: { id: true, caseId: true } });
  const caseOf = new Map(items.map((i) => [i.id, i.caseId]));
  return rows.map((r) => ({ itemId: r.itemId, caseId: caseOf.get(r.itemId) ?? null }));
}

/** inhabilCaseIds from recusals already read. */
async function inhabilCasesOf(db: Db, recusals: readonly { caseId: string | null }[], caseIds?: readonly string[]): Promise<Set<string>> {
  const found = new Set(recusals.flatMap((r) => (r.caseId ? [r.caseId] : [])));
  // The same matter, both ways along revisesCaseId; a chain is a few links long (one per re-assessment).
  let frontier = [...found];
  for (let depth = 0; frontier.length > 0 && depth < 20; depth += 1) {
    const linked = await db.case.findMany({
      where: { OR: [{ revisesCaseId: { in: frontier } }, { id: { in: frontier }, revisesCaseId: { not: null } }] },
      select: { id: true, revisesCaseId: true },
    });
    frontier = linked.flatMap((c) => [c.id, c.revisesCaseId ?? '']).filter((id) => id !== '' && !found.has(id));
    for (const id of frontier) found.add(id);
  }
  if (!caseIds) return found;
  return new Set(caseIds.filter((id) => found.has(id)));
}

/** The agenda items (of any meeting) this person declared themselves inhabil for (with inhabilCaseIds: their cases too). */
export async function recusedItemIds(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db.recusal.findMany({ where: { userId }, select: { itemId: true } });
  return new Set(rows.map((r) => r.itemId));
}

/**
 * Whether this person is inhabil for each of these items: declared for the
 * item itself, or for its case anywhere (inhabilCaseIds). The set of item ids.
 */
export async function inhabilItemIds(
  db: Db,
  userId: string,
  items: readonly { id: string; caseId: string | null }[],
): Promise<Set<string>> {
  const recusals = await loadRecusals(db, userId);
  if (recusals.length === 0) return new Set();
  const declared = new Set(recusals.map((r) => r.itemId));
  const cases = await inhabilCasesOf(
    db,
    recusals,
    items.flatMap((i) => (i.caseId ? [i.caseId] : [])),
  );
  return new Set(items.filter((i) => declared.has(i.id) || (i.caseId !== null && cases.has(i.caseId))).map((i) => i.id));
}

/**
 * Habilitet on an item as the policy needs it (ItemRecusalFacts): whether the
 * actor is inhabil for it (the item or its case), whether the meeting's chair
 * is, and whom the chair named to chair the item.
 */
export async function loadItemRecusal(
  db: Db,
  userId: string,
  /** The item's id, or the item itself when the caller has read it already. */
  itemOrId: string | { id: string; caseId: string | null; actingChairId: string | null },
  meeting: Pick<MeetingFacts, 'chairId' | 'unitId'>,
): Promise<ItemRecusalFacts> {
  const item =
    typeof itemOrId === 'string'
      ? await db.agendaItem.findUnique({ where: { id: itemOrId }, select: { id: true, caseId: true, actingChairId: true } })
      : itemOrId;
  if (!item) return { recused: false, chairRecused: false, actingChairId: null };
  // The chair asking about their own item is one person, asked about once.
  const chairId = meeting.chairId ?? null;
  const [recused, chairRecused] = await Promise.all([
    inhabilItemIds(db, userId, [item]).then((ids) => ids.has(item.id)),
    chairId === null
      ? chairCapableInhabil(db, meeting.unitId, [item]).then((ids) => ids.has(item.id))
      : chairId === userId
        ? null
        : inhabilItemIds(db, chairId, [item]).then((ids) => ids.has(item.id)),
  ]);
  return { recused, chairRecused: chairRecused ?? recused, actingChairId: item.actingChairId };
}

/**
 * For a meeting with no named chair (an ad hoc one, a series without a default
 * chair), whoever may chair the unit's meetings chairs it: the items for which
 * one of them has declared themselves inhabil (for the item or its case) are
 * the items "the chair" is inhabil for — else, with the unit's only møteleder
 * inhabil, nobody could lock the item.
 */
export async function chairCapableInhabil(
  db: Db,
  unitId: string,
  items: readonly { id: string; caseId: string | null }[],
): Promise<Set<string>> {
  const caseIds = items.flatMap((i) => (i.caseId ? [i.caseId] : []));
  const rows = await db.recusal.findMany({
    where: { OR: [{ itemId: { in: items.map((i) => i.id) } }, { item: { caseId: { in: caseIds } } }] },
    select: { userId: true, item: { select: { id: true, caseId: true } } },
  });
  const members = await db.membership.findMany({
    where: { unitId, userId: { in: [...new Set(rows.map((r) => r.userId))] } },
    select: { unitId: true, userId: true, role: true },
  });
  const chairs = new Set(
    members
      .filter((m) => canChairMeeting([{ unitId: m.unitId, role: roleSchema.catch('saksbehandler').parse(m.role) }], unitId))
      .map((m) => m.userId),
  );
  const found = new Set<string>();
  for (const item of items) {
    if (rows.some((r) => chairs.has(r.userId) && (r.item.id === item.id || (item.caseId !== null && r.item.caseId === item.caseId))))
      found.add(item.id);
  }
  return found;
}

/**
 * The meeting's row if the actor may run a chair's command on this item of it
 * (canChairItem): refused in Norwegian when they are inhabil for the item, as
 * "chair only" when they may not chair at all.
 */
export async function requireItemChair(db: Db, actor: Actor, meetingId: string, itemId: string): Promise<MeetingFacts> {
  const { meeting } = await requireMeetingAccess(db, actor, meetingId);
  const item = await db.agendaItem.findFirst({ where: { id: itemId, meetingId }, select: { id: true } });
  if (!item) throw new AppError('not_found');
  const recusal = await loadItemRecusal(db, actor.userId, itemId, meeting);
  if (recusal.recused) throw new AppError('forbidden', nbRecusal.chairCommandRefused);
  if (!canChairItem(actor.memberships, actor.userId, meeting, recusal)) throw new AppError('forbidden', 'chair_only');
  return meeting;
}

/**
 * The facts `meetingAccess` needs: the meeting's unit and status, and — for a
 * closed meeting, which is history — whether one of the actor's cases was on
 * its agenda. Null for a missing meeting.
 */
export async function loadMeetingFacts(db: Db, actor: Actor, meetingId: string): Promise<MeetingFacts | null> {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: { unitId: true, status: true, referentId: true, chairId: true, kind: true },
  });
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

/**
 * A case's facts for the policy. With `userId`, also whether that person
 * declared themselves inhabil for an item about the case (then they see none
 * of it, wherever they ask).
 */
export async function loadCaseFacts(db: Db, caseId: string, now: Date = systemClock.now(), userId?: string): Promise<CaseFacts | null> {
  const found = await db.case.findUnique({ where: { id: caseId }, select: caseFactsSelect });
  if (!found) return null;
  const recused = userId ? (await inhabilCaseIds(db, userId, [caseId])).has(caseId) : false;
  return caseFactsOf(found, now, recused);
}

const caseFactsSelect = {
  id: true,
  unitId: true,
  status: true,
  createdById: true,
  meeting: { select: { startsAt: true, status: true } },
} as const;

function caseFactsOf(
  found: { unitId: string; status: string; createdById: string; meeting: { startsAt: Date; status: string } | null },
  now: Date,
  recused: boolean,
): CaseFacts {
  const meetingStarted = found.meeting ? found.meeting.status !== 'planned' || found.meeting.startsAt <= now : false;
  const meetingStartsAt = found.meeting && !meetingStarted ? found.meeting.startsAt : null;
  return { unitId: found.unitId, status: found.status, createdById: found.createdById, meetingStarted, meetingStartsAt, recused };
}

/**
 * The same check as requireCaseAccess('read') for many cases at once (a
 * meeting's agenda): the facts of those the actor may read, in a fixed
 * number of queries however many cases there are. The others are left out.
 */
export async function readableCases(
  db: Db,
  actor: Actor,
  caseIds: readonly string[],
  /** The actor's inhabilCaseIds, when the caller has them already. */
  knownInhabil?: ReadonlySet<string>,
): Promise<Map<string, CaseFacts>> {
  if (caseIds.length === 0) return new Map();
  const now = systemClock.now();
  const [rows, inhabil] = await Promise.all([
    db.case.findMany({ where: { id: { in: [...new Set(caseIds)] } }, select: caseFactsSelect }),
    knownInhabil ?? inhabilCaseIds(db, actor.userId, caseIds),
  ]);
  const readable = new Map<string, CaseFacts>();
  for (const row of rows) {
    const facts = caseFactsOf(row, now, inhabil.has(row.id));
    if (caseAccess(actor.userId, actor.memberships, facts) !== 'none') readable.set(row.id, facts);
  }
  return readable;
}

/** The level this actor has on a case, or an AppError for none (hidden = missing). */
export async function requireCaseAccess(db: Db, actor: Actor, caseId: string, needed: 'read' | 'edit'): Promise<CaseFacts> {
  const facts = await loadCaseFacts(db, caseId, systemClock.now(), actor.userId);
  const level = facts ? caseAccess(actor.userId, actor.memberships, facts) : 'none';
  if (!facts || level === 'none') throw new AppError('not_found');
  if (needed === 'edit' && level !== 'edit') throw new AppError('forbidden');
  return facts;
}

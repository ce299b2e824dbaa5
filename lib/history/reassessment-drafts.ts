import { loadActor } from '../access/access-service';
import { canStartRevision } from '../access/policy';
import type { CaseContentStore } from '../cases/case-content-store';
import type { Db } from '../db/db';
import { inChunks } from '../db/in-chunks';
import { formatDate, formatDateTime } from '../i18n/format';
import { nbNotifications } from '../i18n/nb-notifications';
import { draftDue, proposedMeeting, type ComingMeeting } from './reassessment-plan';
import { createRevisionDraft, loadDecidedCase } from './revision-draft';
import { caseMeetingKind } from '../access/leader-case-policy';

/** A decided case whose re-assessment date is set and not yet taken up by a revurdering that went on. */
export type DueReassessment = {
  caseId: string;
  unitId: string;
  title: string;
  personRef: string;
  caseworkerId: string;
  reassessmentDate: string;
  /** The decided item (its meeting's conclusion). */
  itemId: string;
  outcome: string | null;
  conclusion: string | null;
  decidedAt: Date;
  /** The revurdering draft made for it, while it is a draft (a submitted one is on an agenda). */
  draftId: string | null;
  /** Its caseworker deleted a revurdering draft of it: none is made again by itself ('Start revurdering' still can). */
  draftDeleted: boolean;
};

/**
 * The unit's (or every unit's) decided cases with a re-assessment date, by the
 * case's last conclusion; a case whose revurdering has been submitted or
 * decided is no longer due (its own conclusion sets the next date).
 */
export async function dueReassessments(db: Db, where: { unitId?: string } = {}): Promise<DueReassessment[]> {
  const closedInUnit = { status: 'closed', ...(where.unitId ? { unitId: where.unitId } : {}) };
  // The cases that ever got a date (few), then all their conclusions (the history itself is large).
  const withDate = await db.agendaItem.findMany({
    where: { status: 'concluded', caseId: { not: null }, reassessmentDate: { not: null }, meeting: closedInUnit },
    select: { caseId: true },
    distinct: ['caseId'],
  });
  const items = await inChunks(
    withDate.map((i) => i.caseId!),
    (caseIds) =>
      db.agendaItem.findMany({
        where: { status: 'concluded', caseId: { in: caseIds }, meeting: { status: 'closed' } },
        select: {
          id: true,
          caseId: true,
          reassessmentDate: true,
          outcome: true,
          conclusion: true,
          meeting: { select: { startsAt: true } },
        },
      }),
  );
  // The last conclusion decides: a later one without a date clears an earlier date.
  const last = new Map<string, (typeof items)[number]>();
  for (const item of items) {
    const kept = last.get(item.caseId!);
    if (!kept || item.meeting.startsAt > kept.meeting.startsAt) last.set(item.caseId!, item);
  }
  const datedIds = [...last.values()].filter((item) => item.reassessmentDate).map((item) => item.caseId!);
  const [cases, revisions] = await Promise.all([
    inChunks(datedIds, (ids) =>
      db.case.findMany({
        where: { id: { in: ids }, status: 'concluded', anonymisedAt: null },
        select: { id: true, unitId: true, title: true, personRef: true, createdById: true },
      }),
    ),
    inChunks(datedIds, (ids) =>
      db.case.findMany({
        where: { revisesCaseId: { in: ids }, status: { not: 'withdrawn' } },
        select: { id: true, status: true, revisesCaseId: true },
      }),
    ),
  ]);
  // A live revision (draft, submitted, decided) counts; a deleted draft only says its caseworker let it go.
  const revisionOf = new Map(revisions.filter((r) => r.status !== 'deleted').map((r) => [r.revisesCaseId!, r]));
  const letGo = new Set(revisions.filter((r) => r.status === 'deleted').map((r) => r.revisesCaseId!));
  const dated = cases.map((found) => ({ found, item: last.get(found.id)! }));
  return dated
    .flatMap(({ found, item }) => {
      const revision = revisionOf.get(found.id);
      if (revision && revision.status !== 'draft') return [];
      return [
        {
          caseId: found.id,
          unitId: found.unitId,
          title: found.title,
          personRef: found.personRef,
          caseworkerId: found.createdById,
          reassessmentDate: item.reassessmentDate!,
          itemId: item.id,
          outcome: item.outcome,
          conclusion: item.conclusion,
          decidedAt: item.meeting.startsAt,
          draftId: revision?.id ?? null,
          draftDeleted: !revision && letGo.has(found.id),
        },
      ];
    })
    .sort((a, b) => a.reassessmentDate.localeCompare(b.reassessmentDate));
}

/** The unit's meetings still to come whose agenda is open (planned or running), by start. */
export function comingMeetings(db: Db, unitId: string, now: Date): Promise<ComingMeeting[]> {
  return db.meeting.findMany({
    where: { unitId, kind: caseMeetingKind, status: { in: ['planned', 'open'] }, startsAt: { gt: now } },
    orderBy: { startsAt: 'asc' },
    select: { id: true, startsAt: true, submissionDeadline: true },
  });
}

/**
 * Prepares the revurdering drafts that are due (lib/history/reassessment-plan.ts:
 * ten working days before the proposed meeting's deadline): one per decided
 * case, for its caseworker, prefilled from the last submission with the
 * meeting's conclusion, and tells the caseworker. Runs with meeting generation
 * (at start and daily). Idempotent: a case with a draft gets no second one. A
 * case whose caseworker may no longer start it (left the unit) gets none; the
 * chair still sees it proposed. Returns how many were made.
 */
export async function prepareReassessmentDrafts(deps: {
  db: Db;
  store: CaseContentStore;
  now: Date;
  /** A case whose draft could not be made: told, and the others still get theirs (it is tried again tomorrow). */
  onError?: (caseId: string, error: Error) => void;
}): Promise<number> {
  const { db } = deps;
  const meetingsByUnit = new Map<string, ComingMeeting[]>();
  let made = 0;
  for (const due of await dueReassessments(db)) {
    if (due.draftId || due.draftDeleted) continue;
    try {
      if (await prepareDraft(deps, due, meetingsByUnit)) made += 1;
    } catch (error) {
      deps.onError?.(due.caseId, error as Error);
    }
  }
  return made;
}

async function prepareDraft(
  deps: { db: Db; store: CaseContentStore; now: Date },
  due: DueReassessment,
  meetingsByUnit: Map<string, ComingMeeting[]>,
): Promise<boolean> {
  const { db, store, now } = deps;
  if (!meetingsByUnit.has(due.unitId)) meetingsByUnit.set(due.unitId, await comingMeetings(db, due.unitId, now));
  const meeting = proposedMeeting(due.reassessmentDate, meetingsByUnit.get(due.unitId)!, now);
  if (!draftDue(due.reassessmentDate, meeting, now)) return false;
  const caseworker = await loadActor(db, due.caseworkerId);
  if (!caseworker || !canStartRevision(caseworker.userId, caseworker.memberships, { unitId: due.unitId, createdById: due.caseworkerId }))
    return false;
  const decided = await loadDecidedCase(db, due.caseId);
  if (!decided) return false;
  const draft = await createRevisionDraft({ db, store, actor: caseworker, now }, decided, 'reassessment_date');
  await db.notification.create({
    data: {
      userId: caseworker.userId,
      text: nbNotifications.reassessmentDraftReady(
        due.title,
        formatDate(due.reassessmentDate),
        meeting ? formatDateTime(meeting.startsAt) : null,
      ),
      link: `/saker/${draft.id}`,
    },
  });
  return true;
}

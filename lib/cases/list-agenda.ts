import { requireMeetingAccess, type Actor } from '../access/access-service';
import { canChairMeeting } from '../access/policy';
import { recordAuditEvents } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { caseReadEvents } from '../history/log-case-reads';
import type { CaseContent } from './case-form';
import { diffContent, type FieldChange } from './diff-versions';
import { maskNationalIds as mask } from '../privacy/national-id';
import { agendaItemsFor } from '../meetings/agenda-items';
import { caseReadiness, isReady } from '../meetings/case-readiness';
import { missingInWords } from '../meetings/ask-for-missing';

export type AgendaCase = {
  id: string;
  title: string;
  personRef: string;
  purpose: string | null;
  caseType: string;
  severityLevel: string | null;
  urgent: boolean;
  childrenAffected: boolean;
  caseworker: string;
  version: number;
  submittedAt: Date | null;
  acceptedLate: boolean;
  /** What changed in the latest submission compared with the one before. */
  changes: FieldChange[];
  /** For whoever may chair the meeting, before it closes: what the case lacks, in words (empty: nothing). */
  missing: string[];
};

/** One item of the agenda: a submitted case (with its summary), or a matter the chair added (no case). */
export type AgendaEntry = {
  itemId: string;
  title: string;
  purpose: string | null;
  /** submitted | carried_over | accepted_late | added */
  reason: string;
  case: AgendaCase | null;
};

/**
 * A meeting's agenda as the saksliste page shows it — the same items in the
 * same order as the room (lib/meetings/agenda-items.ts) — and, for its
 * chair, late requests.
 */
export async function listAgenda(options: { db: Db; actor: Actor; meetingId: string }) {
  const { db, actor, meetingId } = options;
  // The one rule of who sees a meeting: a closed one is hidden from a caseworker with no case on it.
  await requireMeetingAccess(db, actor, meetingId);
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { unit: { select: { name: true } }, chair: { select: { name: true } } },
  });
  const select = {
    id: true,
    title: true,
    personRef: true,
    purpose: true,
    caseType: true,
    severityLevel: true,
    urgent: true,
    childrenAffected: true,
    version: true,
    submittedAt: true,
    acceptedLate: true,
    createdBy: { select: { name: true } },
    versions: { orderBy: { version: 'desc' as const }, take: 2, select: { content: true } },
  };
  const items = await agendaItemsFor(db, actor, meeting);
  const caseIds = items.flatMap((i) => (i.caseId ? [i.caseId] : []));
  const [cases, late] = await Promise.all([
    db.case.findMany({ where: { id: { in: caseIds } }, select }),
    canChairMeeting(actor.memberships, meeting.unitId)
      ? db.case.findMany({ where: { lateRequestMeetingId: meetingId, status: 'submitted' }, select })
      : Promise.resolve([]),
  ]);
  const chairing = canChairMeeting(actor.memberships, meeting.unitId) && meeting.status !== 'closed';
  const present = (row: (typeof cases)[number]): AgendaCase => {
    const [latest, previous] = row.versions.map((v) => JSON.parse(v.content) as CaseContent);
    const readiness = chairing && latest ? caseReadiness(latest) : null;
    return {
      id: row.id,
      title: mask(row.title),
      personRef: mask(row.personRef),
      purpose: row.purpose,
      caseType: row.caseType,
      severityLevel: row.severityLevel,
      urgent: row.urgent,
      childrenAffected: row.childrenAffected,
      caseworker: row.createdBy.name,
      version: row.version,
      submittedAt: row.submittedAt,
      acceptedLate: row.acceptedLate,
      changes: latest && previous ? diffContent(previous, latest) : [],
      missing: readiness && !isReady(readiness) ? missingInWords(readiness) : [],
    };
  };
  // The agenda shows each case's title, person reference and changed text: a read of the meeting and of each
  // case (late requests too), in one insert, written before anything is shown.
  await recordAuditEvents(db, [
    { actorId: actor.userId, action: 'meeting.read', entityType: 'meeting', entityId: meetingId, unitId: meeting.unitId },
    ...caseReadEvents(
      actor,
      [...cases, ...late].map((c) => ({ caseId: c.id, unitId: meeting.unitId })),
      'agenda',
      { meetingId },
    ),
  ]);
  const caseById = new Map(cases.map((row) => [row.id, present(row)]));
  return {
    meeting: {
      id: meeting.id,
      unitName: meeting.unit.name,
      chair: meeting.chair?.name ?? null,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      submissionDeadline: meeting.submissionDeadline,
      status: meeting.status,
      location: meeting.location,
    },
    canChair: canChairMeeting(actor.memberships, meeting.unitId),
    items: items.map((item): AgendaEntry => {
      const found = item.caseId ? (caseById.get(item.caseId) ?? null) : null;
      return {
        itemId: item.id,
        title: found?.title ?? mask(item.title ?? ''),
        purpose: found?.purpose ?? item.purpose,
        reason: item.reason,
        case: found,
      };
    }),
    lateRequests: late.map(present),
  };
}

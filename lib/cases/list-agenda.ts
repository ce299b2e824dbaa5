import { requireMeetingAccess, type Actor } from '../access/access-service';
import { canChairMeeting } from '../access/policy';
import { recordAuditEvents, type AuditEventInput } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { caseReadEvents } from '../history/log-case-reads';
import type { CaseContent } from './case-form';
import { diffContent, type FieldChange } from './diff-versions';
import { maskNationalIds as mask } from '../privacy/national-id';
import { agendaItemsFor } from '../meetings/agenda-items';
import { nbRoomAgenda } from '../i18n/nb-room-agenda';
import { inhabilItemIds } from '../access/access-service';
import { lastAsks, type LastAsk } from '../meetings/ask-for-missing';
import { liveMissing } from '../meetings/live-readiness';
import { getCaseContentStore } from './case-content-store';
import type { AgendaPlace } from '../meetings/item-state';

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
  /** For whoever may chair the meeting, before it closes: what the case lacks now (its live document), in words (empty: nothing). */
  missing: string[];
  /** For the chair: the latest ask of its caseworker for this meeting ("Spurt 14:02 av Mona Møteleder"). */
  lastAsk: LastAsk | null;
};

/** One item of the agenda: a submitted case (with its summary), or a matter the chair added (no case). */
export type AgendaEntry = {
  itemId: string;
  title: string;
  purpose: string | null;
  /** submitted | carried_over | accepted_late | added */
  reason: string;
  /** On the A-list (til orientering uten drøfting): listed apart (lib/meetings/agenda-rules.ts, splitAList). */
  aList: boolean;
  /** Its number on the whole agenda, as in the room (lib/meetings/item-state.ts). */
  place: AgendaPlace;
  case: AgendaCase | null;
  /** The actor declared themselves inhabil for it: the title alone, no summary (and `case` is null). */
  recused: boolean;
  /** A closed meeting's item this caseworker may not see (lib/meetings/agenda-items.ts): no title, no case. */
  withheld: boolean;
  locked: boolean;
  /** pending | concluded | postponed | carried_over, as in the room. */
  status: string;
  /** The item the chair presents now. */
  current: boolean;
  /** The actor takes part in the meeting (may declare themselves inhabil for an item). */
  participant: boolean;
};

/**
 * A meeting's agenda as the saksliste page shows it — the same items in the
 * same order as the room (lib/meetings/agenda-items.ts) — and, for its
 * chair, late requests. Its reads are logged here, or — with `reads` — added
 * to it for the caller's one insert (load-agenda-page.ts).
 */
export async function listAgenda(options: { db: Db; actor: Actor; meetingId: string; reads?: AuditEventInput[] }) {
  const { db, actor, meetingId } = options;
  // The one rule of who sees a meeting: a closed one is hidden from a caseworker with no case on it.
  const { level } = await requireMeetingAccess(db, actor, meetingId);
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
  const recused = await inhabilItemIds(db, actor.userId, items);
  // Habilitet (per case, lib/access): nothing of a case the actor is inhabil for — only its title, read apart from the summaries.
  const caseIds = items.flatMap((i) => (i.caseId && !recused.has(i.id) ? [i.caseId] : []));
  const recusedCaseIds = items.flatMap((i) => (i.caseId && recused.has(i.id) ? [i.caseId] : []));
  const recusedTitles = new Map(
    (recusedCaseIds.length === 0
      ? []
      : await db.case.findMany({ where: { id: { in: recusedCaseIds } }, select: { id: true, title: true } })
    ).map((c) => [c.id, mask(c.title)]),
  );
  const [cases, late] = await Promise.all([
    db.case.findMany({ where: { id: { in: caseIds } }, select }),
    canChairMeeting(actor.memberships, meeting.unitId)
      ? db.case.findMany({ where: { lateRequestMeetingId: meetingId, status: 'submitted' }, select })
      : Promise.resolve([]),
  ]);
  const chairing = canChairMeeting(actor.memberships, meeting.unitId) && meeting.status !== 'closed';
  const [missing, asks] = chairing
    ? await Promise.all([liveMissing(getCaseContentStore(), caseIds), lastAsks(db, meetingId)])
    : [new Map<string, string[]>(), new Map<string, LastAsk>()];
  const present = (row: (typeof cases)[number]): AgendaCase => {
    const [latest, previous] = row.versions.map((v) => JSON.parse(v.content) as CaseContent);
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
      missing: missing.get(row.id) ?? [],
      lastAsk: asks.get(row.id) ?? null,
    };
  };
  // The agenda shows each case's title, person reference and changed text: a read of the meeting and of each
  // case (late requests too), in one insert, written before anything is shown.
  const reads: AuditEventInput[] = [
    { actorId: actor.userId, action: 'meeting.read', entityType: 'meeting', entityId: meetingId, unitId: meeting.unitId },
    ...caseReadEvents(
      actor,
      [...cases, ...late].map((c) => ({ caseId: c.id, unitId: meeting.unitId })),
      'agenda',
      { meetingId },
    ),
  ];
  if (options.reads) options.reads.push(...reads);
  else await recordAuditEvents(db, reads);
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
        title: item.withheld
          ? nbRoomAgenda.withheldTitle
          : (found?.title ?? (item.caseId ? recusedTitles.get(item.caseId) : undefined) ?? mask(item.title ?? '')),
        purpose: found?.purpose ?? item.purpose,
        reason: item.reason,
        aList: item.aList,
        place: item.place,
        case: found,
        recused: recused.has(item.id),
        withheld: item.withheld,
        locked: item.locked,
        status: item.status,
        current: item.id === meeting.currentItemId,
        participant: level === 'edit',
      };
    }),
    lateRequests: late.map(present),
  };
}

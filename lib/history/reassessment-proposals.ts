import { inhabilCaseIds, type Actor } from '../access/access-service';
import { canChairMeeting } from '../access/policy';
import type { Db } from '../db/db';
import { maskNationalIds as mask } from '../privacy/national-id';
import { recordAuditEvents, type AuditEventInput } from '../audit/record-audit-event';
import { caseReadEvents } from './log-case-reads';
import { proposedMeeting } from './reassessment-plan';
import { comingMeetings, dueReassessments } from './reassessment-drafts';

export type ReassessmentProposal = {
  caseId: string;
  title: string;
  personRef: string;
  caseworker: string;
  reassessmentDate: string;
  /** The earlier meeting's conclusion, attached so the chair sees what is to be decided again. */
  decidedAt: Date;
  outcome: string | null;
  conclusion: string | null;
  /** The caseworker's revurdering draft exists (prepared, not yet submitted). */
  draftReady: boolean;
};

/**
 * The decided cases proposed to this meeting for revurdering (the last coming
 * meeting before each one's re-assessment date: lib/history/reassessment-plan.ts),
 * for whoever may chair it; anyone else gets none. A case the actor was
 * inhabil for is left out. Each case shown is logged as read — here, or with
 * `reads` in the caller's one insert for the page (lib/cases/load-agenda-page.ts).
 */
export async function reassessmentProposals(options: {
  db: Db;
  actor: Actor;
  meetingId: string;
  now: Date;
  reads?: AuditEventInput[];
}): Promise<ReassessmentProposal[]> {
  const { db, actor, meetingId, now } = options;
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { unitId: true, status: true } });
  if (!meeting || !canChairMeeting(actor.memberships, meeting.unitId)) return [];
  if (meeting.status !== 'planned' && meeting.status !== 'open') return [];
  const [due, coming] = await Promise.all([dueReassessments(db, { unitId: meeting.unitId }), comingMeetings(db, meeting.unitId, now)]);
  const here = due.filter((d) => proposedMeeting(d.reassessmentDate, coming, now)?.id === meetingId);
  if (here.length === 0) return [];
  const [inhabil, caseworkers] = await Promise.all([
    inhabilCaseIds(
      db,
      actor.userId,
      here.map((d) => d.caseId),
    ),
    db.user.findMany({ where: { id: { in: [...new Set(here.map((d) => d.caseworkerId))] } }, select: { id: true, name: true } }),
  ]);
  const skip = inhabil;
  const names = new Map(caseworkers.map((u) => [u.id, u.name]));
  const shown = here.filter((d) => !skip.has(d.caseId));
  const reads = caseReadEvents(
    actor,
    shown.map((d) => ({ caseId: d.caseId, unitId: d.unitId })),
    'reassessment_proposal',
    { meetingId },
  );
  if (options.reads) options.reads.push(...reads);
  else await recordAuditEvents(db, reads);
  return shown.map((d) => ({
    caseId: d.caseId,
    title: mask(d.title),
    personRef: mask(d.personRef),
    caseworker: names.get(d.caseworkerId) ?? '–',
    reassessmentDate: d.reassessmentDate,
    decidedAt: d.decidedAt,
    outcome: d.outcome,
    conclusion: d.conclusion === null ? null : mask(d.conclusion),
    draftReady: d.draftId !== null,
  }));
}

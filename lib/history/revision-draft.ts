import { recordAuditEvent } from '../audit/record-audit-event';
import type { CaseContext } from '../cases/case-commands-context';
import { caseContentSchema, type CaseContent } from '../cases/case-form';
import { createCase } from '../cases/create-case';
import type { Db } from '../db/db';
import { formatDate } from '../i18n/format';
import { nbMeeting } from '../i18n/nb-meeting';
import { parseFields } from '../validation/parse-fields';

const maxText = 20_000;

/** A decided case as a revurdering starts from it: its last submission and the meeting's conclusion. */
export type DecidedCase = {
  id: string;
  unitId: string;
  lastSubmission: string | null;
  conclusion: { meetingDate: Date; outcome: string | null; text: string | null } | null;
};

/** The decided case with its last concluded item, or null when it has none. */
export async function loadDecidedCase(db: Db, caseId: string): Promise<DecidedCase | null> {
  const found = await db.case.findUnique({
    where: { id: caseId },
    select: { id: true, unitId: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { content: true } } },
  });
  if (!found) return null;
  const item = await db.agendaItem.findFirst({
    where: { caseId, status: 'concluded', meeting: { status: 'closed' } },
    orderBy: { meeting: { startsAt: 'desc' } },
    select: { outcome: true, conclusion: true, meeting: { select: { startsAt: true } } },
  });
  return {
    id: found.id,
    unitId: found.unitId,
    lastSubmission: found.versions[0]?.content ?? null,
    conclusion: item ? { meetingDate: item.meeting.startsAt, outcome: item.outcome, text: item.conclusion } : null,
  };
}

/** The meeting's conclusion in words, as the draft's "ongoing decision" starts. */
export function previousConclusionText(conclusion: NonNullable<DecidedCase['conclusion']>): string {
  const outcome = conclusion.outcome ? (nbMeeting.outcomes[conclusion.outcome] ?? conclusion.outcome) : null;
  const head = `Konklusjon i saksmøtet ${formatDate(conclusion.meetingDate)}${outcome ? ` (${outcome.toLowerCase()})` : ''}:`;
  return `${head} ${conclusion.text?.trim() || '–'}`;
}

/**
 * The revurdering draft's content: the decided case's last submission, marked
 * as a revurdering of an ongoing decision, with the meeting's conclusion put
 * first in what the ongoing decision is — the caseworker starts from what was
 * decided, not from a blank form.
 */
export function revisionContent(decided: DecidedCase): CaseContent {
  const base: CaseContent = parseFields(caseContentSchema, decided.lastSubmission ? JSON.parse(decided.lastSubmission) : {}).data;
  const before = base.ongoingDecisionWhat?.trim();
  const conclusion = decided.conclusion ? previousConclusionText(decided.conclusion) : null;
  return {
    ...base,
    caseType: 'revurdering',
    hasOngoingDecision: true,
    question: base.question ? `Revurdering: ${base.question}`.slice(0, maxText) : 'Revurdering',
    ...(conclusion ? { ongoingDecisionWhat: (before ? `${conclusion}\n\n${before}` : conclusion).slice(0, maxText) } : {}),
  };
}

/**
 * Creates the revurdering draft for `context.actor` (the caseworker whose it
 * will be), linked to the decided case, and audits it. `by` says who started
 * it: the caseworker, or the re-assessment date (no person acting).
 */
export async function createRevisionDraft(context: CaseContext, decided: DecidedCase, by: 'caseworker' | 'reassessment_date') {
  const created = await createCase({
    ...context,
    input: { unitId: decided.unitId, content: revisionContent(decided) },
    ...(by === 'caseworker' ? {} : { madeFor: by }),
  });
  await context.db.case.update({ where: { id: created.id }, data: { revisesCaseId: decided.id } });
  await recordAuditEvent(context.db, {
    actorId: by === 'caseworker' ? context.actor.userId : null,
    action: 'case.start_revision',
    entityType: 'case',
    entityId: created.id,
    unitId: decided.unitId,
    detail: { revises: decided.id, ...(by === 'caseworker' ? {} : { by }) },
  });
  return created;
}

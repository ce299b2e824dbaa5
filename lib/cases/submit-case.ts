import { z } from 'zod';
import { requireCaseAccess } from '../access/access-service';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation/parse-input';
import { caseContentSchema } from './case-form';
import { parseFields } from '../validation/parse-fields';
import type { CaseContext } from './case-commands-context';
import { caseSummary } from './case-summary';
import { resolveSubmissionTarget } from './target-meeting';
import { checkSubmission } from './validate-submission';
import { loadOverrideCheck } from '../privacy/national-id-override';
import { systemClock } from '../time/clock';
import { caseMeetingKind } from '../access/leader-case-policy';

export const submitCaseInputSchema = z.object({ meetingId: z.string().min(1).max(40).nullish() }).strict();

export type SubmitResult = {
  version: number;
  meetingId: string;
  lateRequestFor: string | null;
  warnings: Record<string, string[]>;
};

/**
 * Sends a case to a meeting, or sends in changes to a case already on one.
 * The form is read from the case's document and validated here, whatever the
 * client checked; a valid submission is frozen as a new CaseVersion.
 */
export async function submitCase(context: CaseContext & { caseId: string; input: unknown }): Promise<SubmitResult> {
  const { db, store, actor, caseId } = context;
  const now = context.now ?? systemClock.now();
  const input = parseInput(submitCaseInputSchema, context.input ?? {}, 'invalid body');
  const facts = await requireCaseAccess(db, actor, caseId, 'edit');
  if (facts.status !== 'draft' && facts.status !== 'submitted') throw new AppError('conflict', 'case_closed');
  if (facts.meetingStarted) throw new AppError('conflict', 'meeting_started');

  // The version first, the form after it: the write below succeeds only if the version is still this one,
  // so the form frozen is one read after that version was current (read the other way round, a
  // submission landing in between would go unnoticed and older text would be frozen as the newer version).
  const current = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { meetingId: true, version: true, lateRequestMeetingId: true },
  });
  // Checked again here, field by field: a field the document holds that fails its schema (old data, a
  // past bug) counts as empty, as the editor shows it — a required one is then missing and named.
  const content = parseFields(caseContentSchema, await store.read(caseId)).data;
  // A national identity number in any field refuses it, unless its author said explicitly that it is none.
  const check = checkSubmission(content, await loadOverrideCheck(db, `case:${caseId}`));
  if (Object.keys(check.errors).length) throw new AppError('invalid_input', 'incomplete case', check.errors);

  // Changes to a case already on a meeting stay on that meeting; a new
  // submission (or an explicit choice) goes through the deadline rules.
  const keepMeeting = facts.status === 'submitted' && current.meetingId && !input.meetingId;
  const target = keepMeeting
    ? { meetingId: current.meetingId!, lateRequestFor: current.lateRequestMeetingId }
    : resolveSubmissionTarget(
        await db.meeting.findMany({
          where: { unitId: facts.unitId, kind: caseMeetingKind, status: 'planned', startsAt: { gt: now } },
          select: { id: true, startsAt: true, submissionDeadline: true, status: true },
        }),
        input.meetingId ?? null,
        now,
      );

  const version = current.version + 1;
  await db.$transaction(async (tx) => {
    // Only if nobody submitted or withdrew it meanwhile (the version and status we read are still true).
    const updated = await tx.case.updateMany({
      where: { id: caseId, version: current.version, status: { in: ['draft', 'submitted'] } },
      data: {
        ...caseSummary(content),
        status: 'submitted',
        version,
        meetingId: target.meetingId,
        lateRequestMeetingId: target.lateRequestFor,
        ...(keepMeeting ? {} : { acceptedLate: false }),
        submittedAt: now,
      },
    });
    if (updated.count === 0) throw new AppError('conflict', 'case_changed');
    await tx.caseVersion.create({
      data: {
        caseId,
        version,
        content: JSON.stringify(content),
        submittedById: actor.userId,
        meetingId: target.meetingId,
        submittedAt: now,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'case.submit',
      entityType: 'case',
      entityId: caseId,
      unitId: facts.unitId,
      detail: { version, meetingId: target.meetingId, late: Boolean(target.lateRequestFor) },
    });
  });
  // A co-author who is not the author may no longer edit a submitted case, and an author sending it to
  // another meeting edits until that one starts: open editors are checked again.
  if (facts.status === 'draft' || target.meetingId !== current.meetingId) await store.recheckAccess(caseId);
  return { version, meetingId: target.meetingId, lateRequestFor: target.lateRequestFor, warnings: check.warnings };
}

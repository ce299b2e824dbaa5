import { z } from 'zod';
import type { Actor } from '../access/access-service';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { formatDateTime } from '../i18n/format';
import { nb } from '../i18n/nb';
import { nbNotifications } from '../i18n/nb-notifications';
import { maskNationalIds } from '../privacy/national-id';
import { parseInput } from '../validation/parse-input';
import { caseReadiness, isReady, type CaseReadiness } from './case-readiness';
import { loadMeetingForChair } from './load-meeting-for-chair';

const id = z.string().regex(/^[a-z0-9]{8,40}$/);
export const askForMissingSchema = z.object({ meetingId: id, caseId: id });

/** The missing parts in words, for the notice ("Alternativer og synspunkter, samlet vurdering"). */
export function missingInWords(readiness: CaseReadiness): string[] {
  return [
    ...readiness.emptySections.map((key) => nb.cases.sections[key]),
    ...(readiness.noAssessment ? [nb.cases.readiness.noAssessment] : []),
    ...(readiness.noPurpose ? [nb.cases.readiness.noPurpose] : []),
  ];
}

/**
 * The chair asks the caseworker of a case on the agenda to fill in what is
 * missing before the meeting: a notice in the app to the case's author,
 * naming what is missing, and an audit entry. Only whoever may chair the
 * meeting, before it has closed; a case with nothing missing is refused.
 */
export async function askForMissing(options: { db: Db; actor: Actor; input: unknown }): Promise<{ caseworker: string }> {
  const { db, actor } = options;
  const input = parseInput(askForMissingSchema, options.input);
  const meeting = await loadMeetingForChair(db, actor, input.meetingId);
  const found = await db.case.findFirst({
    where: { id: input.caseId, meetingId: meeting.id, status: 'submitted' },
    select: {
      id: true,
      title: true,
      createdById: true,
      createdBy: { select: { name: true } },
      versions: { orderBy: { version: 'desc' }, take: 1, select: { content: true } },
    },
  });
  if (!found) throw new AppError('not_found');
  const readiness = caseReadiness(JSON.parse(found.versions[0]?.content ?? '{}') as Record<string, unknown>);
  if (isReady(readiness)) throw new AppError('conflict', 'nothing_missing');
  const missing = missingInWords(readiness);
  await db.$transaction(async (tx) => {
    await tx.notification.create({
      data: {
        userId: found.createdById,
        text: nbNotifications.missingBeforeMeeting(maskNationalIds(found.title), formatDateTime(meeting.startsAt), missing),
        link: `/saker/${found.id}`,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'case.ask_missing',
      entityType: 'case',
      entityId: found.id,
      unitId: meeting.unitId,
      detail: { meetingId: meeting.id, missing: missing.join(', ') },
    });
  });
  return { caseworker: found.createdBy.name };
}

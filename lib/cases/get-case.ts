import { requireCaseAccess } from '../access/access-service';
import { caseAccess } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import { caseContentSchema, type CaseContent } from './case-form';
import { parseFields } from '../validation/parse-fields';
import type { CaseContext } from './case-commands-context';

/** One case with its current form and submitted versions. Every read is audit-logged. */
export async function getCase(context: CaseContext & { caseId: string; channel: 'page' | 'api' }) {
  const { db, store, actor, caseId } = context;
  const facts = await requireCaseAccess(db, actor, caseId, 'read');
  const row = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      createdBy: { select: { name: true } },
      meeting: { select: { id: true, startsAt: true, status: true } },
      versions: { orderBy: { version: 'asc' }, select: { version: true, content: true, submittedAt: true, meetingId: true } },
    },
  });
  // Field by field: a stored field that fails its schema is left out and named, the rest is returned.
  const content = parseFields(caseContentSchema, await store.read(caseId));
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'case.read',
    entityType: 'case',
    entityId: caseId,
    unitId: facts.unitId,
    detail: { channel: context.channel },
  });
  return {
    id: row.id,
    unitId: row.unitId,
    status: row.status,
    title: row.title,
    personRef: row.personRef,
    caseType: row.caseType,
    purpose: row.purpose,
    createdBy: row.createdBy.name,
    createdById: row.createdById,
    meeting: row.meeting,
    lateRequestMeetingId: row.lateRequestMeetingId,
    acceptedLate: row.acceptedLate,
    version: row.version,
    access: caseAccess(actor.userId, actor.memberships, facts),
    content: content.data as CaseContent,
    /** Stored fields that failed their schema and are left out of `content` (the editor shows a notice). */
    invalidFields: content.invalid,
    versions: row.versions.map((v) => ({ ...v, content: parseFields(caseContentSchema, JSON.parse(v.content)).data as CaseContent })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type CaseDetails = Awaited<ReturnType<typeof getCase>>;

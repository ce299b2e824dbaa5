import { requireCaseAccess } from '../access/access-service';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { containsNationalId, findNationalIds } from '../privacy/national-id';
import { parseInput } from '../validation/parse-input';
import { caseContentSchema, type CaseContent } from './case-form';
import { parseFields } from '../validation/parse-fields';
import type { CaseContext } from './case-commands-context';
import { caseSummary } from './case-summary';

/**
 * Changes some fields of a case's form (a draft, or a submitted case until its
 * meeting starts). The change goes through the case's Yjs document, so people
 * editing it live see it at once.
 */
export async function updateCase(context: CaseContext & { caseId: string; patch: unknown }): Promise<{ nationalIdFields: string[] }> {
  const { db, store, actor, caseId } = context;
  const facts = await requireCaseAccess(db, actor, caseId, 'edit');
  const patch = parseInput(caseContentSchema, context.patch, 'invalid content');
  if (patch.personRef && findNationalIds(patch.personRef).length) {
    throw new AppError('invalid_input', 'national id as reference', { personRef: 'national_id_not_allowed' });
  }
  await store.write(caseId, patch);
  if (facts.status === 'draft') await syncCaseSummary(context, caseId);
  await recordAuditEvent(db, {
    actorId: actor.userId,
    action: 'case.update',
    entityType: 'case',
    entityId: caseId,
    unitId: facts.unitId,
    // The field names too: a version history says who changed what (lib/versions/attribution.ts).
    detail: { fields: Object.keys(patch).length, touched: Object.keys(patch).sort().join(','), channel: 'api' },
  });
  // Stored, like any draft typing, but flagged: submission refuses these fields until the number is gone (or overridden).
  return {
    nationalIdFields: Object.entries(patch).flatMap(([field, value]) =>
      typeof value === 'string' && containsNationalId(value) ? [field] : [],
    ),
  };
}

/**
 * Re-derives a draft's summary columns from its current form. (A submitted
 * case keeps the summary of its latest submitted version until it is sent in
 * again: the agenda shows what was submitted.)
 */
export async function syncCaseSummary(context: Pick<CaseContext, 'db' | 'store'>, caseId: string): Promise<CaseContent> {
  const content = parseFields(caseContentSchema, await context.store.read(caseId)).data;
  await context.db.case.update({ where: { id: caseId }, data: caseSummary(content) });
  return content;
}

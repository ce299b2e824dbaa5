import { z } from 'zod';
import { caseworkRoles } from '../access/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { findNationalIds } from '../privacy/national-id';
import { caseContentSchema, fieldErrorsFrom } from './case-form';
import type { CaseContext } from './case-commands-context';
import { caseSummary } from './case-summary';

export const createCaseInputSchema = z.object({
  unitId: z.string().min(1).max(40).optional(),
  content: caseContentSchema.default({}),
});

/** Starts a draft in one of the actor's units (the only one, or the one named). */
export async function createCase(context: CaseContext & { input: unknown }): Promise<{ id: string }> {
  const { db, store, actor } = context;
  const parsed = createCaseInputSchema.safeParse(context.input);
  if (!parsed.success) {
    const contentIssues = parsed.error.issues.filter((i) => i.path[0] === 'content');
    const fields = contentIssues.length
      ? fieldErrorsFrom(new z.ZodError(contentIssues.map((i) => ({ ...i, path: i.path.slice(1) }))))
      : { unitId: 'invalid' };
    throw new AppError('invalid_input', 'invalid case', fields);
  }
  const { content } = parsed.data;
  const eligible = actor.memberships.filter((m) => caseworkRoles.includes(m.role));
  if (eligible.length === 0) throw new AppError('forbidden');
  const unitId = parsed.data.unitId ?? (eligible.length === 1 ? eligible[0].unitId : null);
  if (!unitId) throw new AppError('invalid_input', 'choose a unit', { unitId: 'required' });
  if (!eligible.some((m) => m.unitId === unitId)) throw new AppError('forbidden');
  if (content.personRef && findNationalIds(content.personRef).length) {
    throw new AppError('invalid_input', 'national id as reference', { personRef: 'national_id_not_allowed' });
  }
  const created = await db.case.create({
    data: { ...caseSummary(content), unitId, createdById: actor.userId, status: 'draft' },
    select: { id: true },
  });
  if (Object.keys(content).length) await store.write(created.id, content);
  await recordAuditEvent(db, { actorId: actor.userId, action: 'case.create', entityType: 'case', entityId: created.id, unitId });
  return created;
}

import { z } from 'zod';
import { unitsForNewCases } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { findNationalIds } from '../privacy/national-id';
import { parseInput } from '../validation/parse-input';
import { caseContentSchema } from './case-form';
import type { CaseContext } from './case-commands-context';
import { caseSummary } from './case-summary';

export const createCaseInputSchema = z.object({
  unitId: z.string().min(1).max(40).optional(),
  content: z.unknown().optional(),
});

/**
 * Starts a draft in one of the actor's units (the only one, or the one named).
 * `madeFor`: the draft is made for the actor by the system (a revurdering
 * prepared from a re-assessment date), so the audit log names no one as its maker.
 */
export async function createCase(context: CaseContext & { input: unknown; madeFor?: 'reassessment_date' }): Promise<{ id: string }> {
  const { db, store, actor } = context;
  const input = parseInput(createCaseInputSchema, context.input, 'invalid case');
  // The content is checked on its own so its field errors name the form's fields, as for an update.
  const content = parseInput(caseContentSchema.default({}), input.content, 'invalid case');
  const eligible = unitsForNewCases(actor.memberships);
  if (eligible.length === 0) throw new AppError('forbidden');
  const unitId = input.unitId ?? (eligible.length === 1 ? eligible[0] : null);
  if (!unitId) throw new AppError('invalid_input', 'choose a unit', { unitId: 'required' });
  if (!eligible.includes(unitId)) throw new AppError('forbidden');
  if (content.personRef && findNationalIds(content.personRef).length) {
    throw new AppError('invalid_input', 'national id as reference', { personRef: 'national_id_not_allowed' });
  }
  const created = await db.case.create({
    data: { ...caseSummary(content), unitId, createdById: actor.userId, status: 'draft' },
    select: { id: true },
  });
  if (Object.keys(content).length) await store.write(created.id, content);
  await recordAuditEvent(db, {
    actorId: context.madeFor ? null : actor.userId,
    action: 'case.create',
    entityType: 'case',
    entityId: created.id,
    unitId,
    ...(context.madeFor ? { detail: { by: context.madeFor, for: actor.userId } } : {}),
  });
  return created;
}

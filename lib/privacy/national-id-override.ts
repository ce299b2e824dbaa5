import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { requireCaseAccess } from '../access/access-service';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { CaseContext } from '../cases/case-commands-context';
import { caseContentSchema, textFields } from '../cases/case-form';
import { parseFields } from '../validation/parse-fields';
import type { Db, DbTransaction } from '../db/db';
import { AppError } from '../errors/app-error';
import { runtimeConfig } from '../runtime/services';
import { parseInput } from '../validation/parse-input';
import { findNationalIds } from './national-id';

/**
 * The explicit "this is not a national identity number": a number the
 * validator accepts that the author says is something else (an account or a
 * reference in another system). Stored per document, field and number — a
 * keyed hash of the number, so the table alone reveals nothing — and
 * audited. A different number typed later in the same field is refused again.
 */

/** Asks whether one number in one field has been overridden. */
export type OverrideCheck = (field: string, digits: string) => boolean;
export const noOverrides: OverrideCheck = () => false;

export function nationalIdHash(document: string, field: string, digits: string, secret = runtimeConfig().authSecret): string {
  return createHmac('sha256', secret).update(`${document}\u0000${field}\u0000${digits}`).digest('hex');
}

export async function loadOverrideCheck(db: Db | DbTransaction, document: string): Promise<OverrideCheck> {
  const rows = await db.nationalIdOverride.findMany({ where: { document }, select: { field: true, valueHash: true } });
  if (rows.length === 0) return noOverrides;
  const keys = new Set(rows.map((r) => `${r.field}\u0000${r.valueHash}`));
  return (field, digits) => keys.has(`${field}\u0000${nationalIdHash(document, field, digits)}`);
}

/** The numbers of each text field that are overridden, for the editor's own check (it holds the text anyway). */
export function overriddenNumbers(content: Record<string, unknown>, overridden: OverrideCheck): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(content)) {
    if (typeof value !== 'string') continue;
    const digits = findNationalIds(value)
      .map((m) => m.digits)
      .filter((d) => overridden(field, d));
    if (digits.length) result[field] = [...new Set(digits)];
  }
  return result;
}

export const overrideInputSchema = z.object({ field: z.enum(textFields) }).strict();

/**
 * Marks every number now in one field of a case's form as "not a national
 * identity number". The person reference is never overridable: it must be a
 * pseudonymous reference.
 */
export async function overrideNationalId(
  context: CaseContext & { caseId: string; input: unknown },
): Promise<{ field: string; count: number }> {
  const { db, store, actor, caseId } = context;
  const input = parseInput(overrideInputSchema, context.input, 'invalid body');
  const facts = await requireCaseAccess(db, actor, caseId, 'edit');
  if (input.field === 'personRef') throw new AppError('invalid_input', 'person reference', { field: 'national_id_not_allowed' });
  const text = parseFields(caseContentSchema, await store.read(caseId)).data[input.field] ?? '';
  const numbers = [...new Set(findNationalIds(text).map((m) => m.digits))];
  if (numbers.length === 0) throw new AppError('invalid_input', 'no number in field', { field: 'no_national_id' });
  const document = `case:${caseId}`;
  await db.$transaction(async (tx) => {
    for (const digits of numbers) {
      const valueHash = nationalIdHash(document, input.field, digits);
      await tx.nationalIdOverride.upsert({
        where: { document_field_valueHash: { document, field: input.field, valueHash } },
        create: { document, field: input.field, valueHash, unitId: facts.unitId, createdById: actor.userId, createdAt: context.now },
        update: {},
      });
    }
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'case.national_id_override',
      entityType: 'case',
      entityId: caseId,
      unitId: facts.unitId,
      detail: { field: input.field, numbers: numbers.length },
    });
  });
  return { field: input.field, count: numbers.length };
}

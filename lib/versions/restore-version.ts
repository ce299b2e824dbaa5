import { z } from 'zod';
import { documentAccess, type Actor } from '../access/access-service';
import { canRestoreVersion } from '../access/policy';
import { recordAuditEvent } from '../audit/record-audit-event';
import { isTextField } from '../cases/case-document';
import { caseContentSchema } from '../cases/case-form';
import { diffFields } from '../cases/diff-versions';
import { syncCaseSummary } from '../cases/update-case';
import type { CaseContentStore } from '../cases/case-content-store';
import type { Db } from '../db/db';
import { AppError } from '../errors/app-error';
import { isItemTextField, itemContentSchema } from '../meetings/item-content';
import type { ItemContentStore } from '../meetings/item-content-store';
import { documentKinds, documentName } from '../realtime/document-name';
import { systemClock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import { recordSnapshot } from './record-version';
import { storedVersions, versionIdSchema } from './version-history';

export const restoreVersionInputSchema = z
  .object({ kind: z.enum(documentKinds), id: z.string().regex(/^[a-z0-9]{8,40}$/), versionId: versionIdSchema })
  .strict();

/**
 * What restoring writes: the version's fields, and every field the document
 * has now that the version did not (added later) emptied — so the form reads
 * as the version did. Texts go through the document as the smallest change
 * (lib/realtime/y-form.ts), so someone typing elsewhere keeps their words.
 */
export function restorePatch(
  current: Record<string, unknown>,
  version: Record<string, unknown>,
  isText: (field: string) => boolean,
): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...version };
  for (const [field, value] of Object.entries(current)) {
    if (field in version) continue;
    if (isText(field) || typeof value === 'string') patch[field] = '';
    else if (typeof value === 'boolean') patch[field] = false;
    else if (Array.isArray(value)) patch[field] = [];
  }
  return patch;
}

/**
 * Restores an earlier version of a case or an item as a NEW edit through the
 * live document (the stores the API and the meeting use), never by swapping
 * the stored state: everyone editing sees it at once, it merges with what they
 * type, and the history gains a `restored` version. Needs edit access now
 * (`canRestoreVersion`); writes a `version.restore` audit entry naming the
 * fields it changed, so the next version attributes them to the restorer.
 */
export async function restoreVersion(options: {
  db: Db;
  actor: Actor;
  input: unknown;
  cases: CaseContentStore;
  items: ItemContentStore;
  now?: Date;
}): Promise<{ versionId: string; changed: string[] }> {
  const { db, actor } = options;
  const input = parseInput(restoreVersionInputSchema, options.input);
  const now = options.now ?? systemClock.now();
  const doc = { kind: input.kind, id: input.id, name: documentName(input.kind, input.id) };
  const access = await documentAccess(db, actor, doc, now);
  if (access.level === 'none') throw new AppError('not_found');
  if (!canRestoreVersion(access.level)) throw new AppError('forbidden', 'read_only');
  const version = (await storedVersions(db, doc)).find((v) => v.id === input.versionId);
  if (!version) throw new AppError('not_found');

  const isCase = doc.kind === 'case';
  const read = () => (isCase ? options.cases.read(doc.id) : options.items.read(doc.id));
  const current = await read();
  const raw = restorePatch(current, version.content, isCase ? isTextField : isItemTextField);
  // Checked as any edit is: a version stored under older rules that no longer passes is refused, not written.
  const changed = diffFields(current, raw).map((c) => c.field);
  if (isCase) await options.cases.write(doc.id, parseInput(caseContentSchema, raw, 'invalid content'));
  else await options.items.write(doc.id, parseInput(itemContentSchema, raw, 'invalid content'));
  if (isCase && (await db.case.findUnique({ where: { id: doc.id }, select: { status: true } }))?.status === 'draft') {
    await syncCaseSummary({ db, store: options.cases }, doc.id);
  }

  const after = await read();
  const target = isCase ? { caseId: doc.id } : { itemId: doc.id };
  const versionId = await db.$transaction(async (tx) => {
    const id = await recordSnapshot(tx, {
      ...target,
      kind: 'restored',
      content: after,
      createdById: actor.userId,
      restoredFrom: version.id,
      now,
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'version.restore',
      entityType: doc.kind,
      entityId: doc.id,
      unitId: access.unitId,
      // The instant of the restore (not the entry's own, a moment later): the restored version is where it counts.
      detail: { restoredFrom: version.id, touched: changed.join(','), firstEdit: now.toISOString(), lastEdit: now.toISOString() },
    });
    return id;
  });
  return { versionId: `document-version:${versionId}`, changed };
}

import { z } from 'zod';
import type * as Y from 'yjs';
import { criterionLevels } from '../cases/case-form';
import { applyForm, textIn } from '../realtime/y-form';
import { readFormWithRows, readRows, rowIdPattern, writeRows, type RowLayout } from '../realtime/y-rows';
import { outcomes, referralTargets } from './agenda-rules';

/**
 * What the meeting writes about one agenda item, kept in the Yjs document
 * `item:<id>` (map "item") while the meeting runs and frozen into AgendaItem
 * and FollowUp rows when it closes.
 */
export const itemMapName = 'item';
export const itemTextFields = ['notes', 'conclusion', 'dissent', 'assessmentNote'] as const;
const itemTextSet = new Set<string>(itemTextFields);

const text = z.string().max(50_000);
export const maxFollowUps = 50;
export const followUpDescriptionMax = 2000;
const level = z.enum(criterionLevels).or(z.literal('')).optional();

export const followUpSchema = z.object({
  id: z.string().regex(rowIdPattern),
  ownerId: z.string().max(40).default(''),
  description: z.string().max(followUpDescriptionMax).default(''),
  dueDate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/)
    .default(''),
});

export const itemContentSchema = z.object({
  notes: text.optional(),
  conclusion: text.optional(),
  dissent: text.optional(),
  assessmentNote: text.optional(),
  outcome: z.enum(outcomes).or(z.literal('')).optional(),
  referredTo: z.enum(referralTargets).or(z.literal('')).optional(),
  reassessmentDate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/)
    .optional(),
  epjDocumentation: z.boolean().optional(),
  epjResponsibleId: z.string().max(40).optional(),
  alvorlighetLevel: level,
  nytteLevel: level,
  ressursLevel: level,
  followUps: z.array(followUpSchema).max(maxFollowUps).optional(),
});

/**
 * Follow-up rows in the document (lib/realtime/y-rows.ts): each row's owner
 * and due date at `item` key `followUps.<id>`, its description in the text
 * `item.followUps.<id>` — so the chair and the referent can write different
 * rows, or the same description, at once. The API and every reader still see
 * `followUps` as a list (readItemContent).
 */
export const followUpRows: RowLayout = { mapName: itemMapName, list: 'followUps', textProp: 'description' };

/** A row's plain values as stored (the description is its text; the position orders the rows). */
export const followUpRowSchema = z
  .object({
    ownerId: followUpSchema.shape.ownerId,
    dueDate: followUpSchema.shape.dueDate,
    position: z.number().int().min(0).max(1_000_000),
  })
  .strict();

export type ItemContent = z.infer<typeof itemContentSchema>;
export type FollowUpDraft = z.infer<typeof followUpSchema>;

export const isItemTextField = (field: string) => itemTextSet.has(field);

/**
 * The fields that are the item's conclusion: written only by the chair and
 * the meeting's referent (lib/access/policy.ts canWriteConclusion); the notes
 * and the adjusted assessment are everyone's.
 */
export const conclusionFields = [
  'outcome',
  'referredTo',
  'conclusion',
  'dissent',
  'followUps',
  'reassessmentDate',
  'epjDocumentation',
  'epjResponsibleId',
] as const;
const conclusionSet = new Set<string>(conclusionFields);
/** A map key or text field (a follow-up row `followUps.<id>` counts as `followUps`) that belongs to the conclusion. */
export const isConclusionField = (field: string) => conclusionSet.has(field.split('.')[0]);

/**
 * The item's content as plain values, follow-ups as a list. A document from
 * before the rows (`followUps` a plain list in the map) reads as it was until
 * it is migrated (migrateLegacyFollowUps).
 */
export function readItemContent(doc: Y.Doc): Record<string, unknown> {
  return readFormWithRows(doc, itemMapName, itemTextFields, [followUpRows]);
}

/**
 * Moves a document's follow-ups from the old shape (one plain list under
 * `followUps`, last writer wins for the whole list) to rows. Returns whether
 * anything changed. Run once per document by the server at start
 * (server/meetings/migrate-item-documents.ts), never by clients: two clients
 * converting the same list at once would each write its descriptions.
 */
export function migrateLegacyFollowUps(doc: Y.Doc, origin: unknown = null): boolean {
  const map = doc.getMap<unknown>(itemMapName);
  if (!map.has('followUps')) return false;
  const legacy = z.array(followUpSchema).max(maxFollowUps).safeParse(map.get('followUps'));
  doc.transact(() => {
    // A list that fails the schema (a past bug) cannot be converted; it is dropped, as its readers showed it empty.
    if (legacy.success && readRows(doc, followUpRows).length === 0) writeRows(doc, followUpRows, legacy.data);
    map.delete('followUps');
  }, origin);
  return true;
}

export function itemText(doc: Y.Doc, field: (typeof itemTextFields)[number]): Y.Text {
  return textIn(doc, itemMapName, field);
}

/** Writes content as the API and a restored version give it (plain values, follow-ups as a list). */
export function applyItemContent(doc: Y.Doc, patch: ItemContent, origin: unknown = null): void {
  const { followUps, ...rest } = patch;
  doc.transact(() => {
    applyForm(doc, itemMapName, isItemTextField, rest as Record<string, unknown>, origin);
    if (followUps !== undefined) writeRows(doc, followUpRows, followUps);
  }, origin);
}

/** The criteria as adjusted in the meeting, where set: the frozen AgendaItem.adjustedAssessment (JSON), or null. */
export function adjustedAssessment(content: ItemContent): string | null {
  const adjusted = {
    alvorlighetLevel: content.alvorlighetLevel || undefined,
    nytteLevel: content.nytteLevel || undefined,
    ressursLevel: content.ressursLevel || undefined,
    note: content.assessmentNote?.trim() || undefined,
  };
  return Object.values(adjusted).some(Boolean) ? JSON.stringify(adjusted) : null;
}

import { z } from 'zod';
import type * as Y from 'yjs';
import { criterionLevels } from '../cases/case-form';
import { applyForm, readForm, textIn } from '../realtime/y-form';
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
const level = z.enum(criterionLevels).or(z.literal('')).optional();

export const followUpSchema = z.object({
  id: z.string().min(1).max(40),
  ownerId: z.string().max(40).default(''),
  description: z.string().max(2000).default(''),
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
  followUps: z.array(followUpSchema).max(50).optional(),
});

export type ItemContent = z.infer<typeof itemContentSchema>;
export type FollowUpDraft = z.infer<typeof followUpSchema>;

export const isItemTextField = (field: string) => itemTextSet.has(field);

export function readItemContent(doc: Y.Doc): Record<string, unknown> {
  return readForm(doc, itemMapName, itemTextFields);
}

export function itemText(doc: Y.Doc, field: (typeof itemTextFields)[number]): Y.Text {
  return textIn(doc, itemMapName, field);
}

export function applyItemContent(doc: Y.Doc, patch: ItemContent, origin: unknown = null): void {
  applyForm(doc, itemMapName, isItemTextField, patch as Record<string, unknown>, origin);
}

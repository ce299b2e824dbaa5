import { z } from 'zod';
import { formMapName } from '../cases/case-document';
import { caseContentSchema, textFields } from '../cases/case-form';
import { itemContentSchema, itemMapName, itemTextFields } from '../meetings/item-content';
import type { DocumentKind } from './document-name';
import { textName } from './y-form';

/**
 * What a collaborative document may hold, per kind, derived from the same zod
 * schemas the API validates with (lib/cases/case-form.ts,
 * lib/meetings/item-content.ts), so the socket and the API cannot drift apart:
 * the top-level texts `<form>.<field>` with each field's length cap, the plain
 * values of the map `<form>` with their schemas, and a cap on the whole
 * document's encoded size. Nothing else: no other top-level type, no other
 * map key, no nested types, no embeds or formatting in a text.
 */
export type DocumentShape = {
  mapName: string;
  /** Top-level text name (`form.facts`) → the form field and its cap, in UTF-16 units as zod counts. */
  texts: ReadonlyMap<string, { field: string; maxLength: number }>;
  /** Map key → schema of its plain value. */
  values: ReadonlyMap<string, z.ZodType>;
  /** Cap on `Y.encodeStateAsUpdate(doc).length`. */
  maxEncodedBytes: number;
};

/** A text field's cap, read from its schema; a text field without one is a programming error. */
function maxLengthOf(field: string, schema: z.ZodType): number {
  const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  const max = inner instanceof z.ZodString ? inner.maxLength : null;
  if (max === null) throw new Error(`document shape: text field ${field} has no length cap`);
  return max;
}

function shapeOf(mapName: string, schema: z.ZodObject<z.ZodRawShape>, texts: readonly string[]): DocumentShape {
  const shape = schema.shape as Record<string, z.ZodType>;
  const textSet = new Set(texts);
  const textCaps = new Map(texts.map((field) => [textName(mapName, field), { field, maxLength: maxLengthOf(field, shape[field]) }]));
  const values = new Map(Object.entries(shape).filter(([key]) => !textSet.has(key)));
  const longest = [...textCaps.values()].reduce((sum, { maxLength }) => sum + maxLength, 0);
  // Room for every text at its cap twice over, each unit at its longest UTF-8 (3 bytes): Yjs's
  // per-item metadata and deletion records stay well inside it, a flood of hidden content does not.
  return { mapName, texts: textCaps, values, maxEncodedBytes: longest * 3 * 2 };
}

export const documentShapes: Record<DocumentKind, DocumentShape> = {
  case: shapeOf(formMapName, caseContentSchema, textFields),
  item: shapeOf(itemMapName, itemContentSchema, itemTextFields),
};

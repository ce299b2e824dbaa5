import { z } from 'zod';
import { formMapName } from '../cases/case-document';
import { caseContentSchema, textFields } from '../cases/case-form';
import {
  followUpDescriptionMax,
  followUpRows,
  followUpRowSchema,
  itemContentSchema,
  itemMapName,
  itemTextFields,
  maxFollowUps,
} from '../meetings/item-content';
import type { DocumentKind } from './document-name';
import { textName } from './y-form';
import { rowIdOf, type RowLayout } from './y-rows';

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
  /** Lists of rows (lib/realtime/y-rows.ts): map keys `<list>.<id>` with the row's values, texts `<form>.<list>.<id>`. */
  rows: readonly RowsShape[];
  /** Cap on `Y.encodeStateAsUpdate(doc).length`. */
  maxEncodedBytes: number;
};

export type RowsShape = {
  layout: RowLayout;
  /** Schema of a row's plain values (strict: nothing else rides along). */
  value: z.ZodType;
  /** Cap on a row's text, in UTF-16 units. */
  textMaxLength: number;
  maxRows: number;
};

/** A text field's cap, read from its schema; a text field without one is a programming error. */
function maxLengthOf(field: string, schema: z.ZodType): number {
  const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  const max = inner instanceof z.ZodString ? inner.maxLength : null;
  if (max === null) throw new Error(`document shape: text field ${field} has no length cap`);
  return max;
}

function shapeOf(
  mapName: string,
  schema: z.ZodObject<z.ZodRawShape>,
  texts: readonly string[],
  rows: readonly RowsShape[] = [],
): DocumentShape {
  const shape = schema.shape as Record<string, z.ZodType>;
  // A list kept as rows has no plain value of its own: a client writing the whole list (the shape before
  // the rows) is refused like any unknown key.
  const notValues = new Set([...texts, ...rows.map((r) => r.layout.list)]);
  const textCaps = new Map(texts.map((field) => [textName(mapName, field), { field, maxLength: maxLengthOf(field, shape[field]) }]));
  const values = new Map(Object.entries(shape).filter(([key]) => !notValues.has(key)));
  const longest =
    [...textCaps.values()].reduce((sum, { maxLength }) => sum + maxLength, 0) +
    rows.reduce((sum, r) => sum + r.textMaxLength * r.maxRows, 0);
  // Room for every text at its cap twice over, each unit at its longest UTF-8 (3 bytes): Yjs's
  // per-item metadata and deletion records stay well inside it, a flood of hidden content does not.
  return { mapName, texts: textCaps, values, rows, maxEncodedBytes: longest * 3 * 2 };
}

/** The rows a map key (`followUps.<id>`) belongs to, or null. */
export function rowsOfKey(shape: DocumentShape, key: string): RowsShape | null {
  return shape.rows.find((rows) => rowIdOf(rows.layout, key) !== null) ?? null;
}

/** The cap of a top-level text of the shape (a field's or a row's), or null for a name the shape has no text for. */
export function textCapOf(shape: DocumentShape, name: string): number | null {
  const field = shape.texts.get(name);
  if (field) return field.maxLength;
  const prefix = `${shape.mapName}.`;
  if (!name.startsWith(prefix)) return null;
  return rowsOfKey(shape, name.slice(prefix.length))?.textMaxLength ?? null;
}

export const documentShapes: Record<DocumentKind, DocumentShape> = {
  case: shapeOf(formMapName, caseContentSchema, textFields),
  item: shapeOf(itemMapName, itemContentSchema, itemTextFields, [
    { layout: followUpRows, value: followUpRowSchema, textMaxLength: followUpDescriptionMax, maxRows: maxFollowUps },
  ]),
};

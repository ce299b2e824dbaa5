import * as Y from 'yjs';
import type { DocumentChanges } from './document-changes';
import type { DocumentKind } from './document-name';
import { documentShapes, rowsOfKey, textCapOf, type DocumentShape } from './document-shape';
import { rowIdOf } from './y-rows';
import { isConclusionField, itemMapName } from '../meetings/item-content';

/** Who sent the update: the connection's actor, and what its access check granted it beyond editing. */
export type UpdateActor = {
  userId: string;
  /** May write an item's conclusion fields (lib/access/policy.ts canWriteConclusion), checked at connect. */
  mayConclude?: boolean;
};

/**
 * One incoming update, seen by a rule: the document as it is (`before`, the
 * live document — read it, never write it) and as it would be (`after`, a
 * scratch copy with the update applied), and what the update changed.
 */
export type UpdateCheck = {
  kind: DocumentKind;
  actor: UpdateActor;
  before: Y.Doc;
  after: Y.Doc;
  changes: DocumentChanges;
};

/**
 * A per-field rule: null lets the update through, a string refuses it (the
 * sender is closed with 4400 and the string is logged). Rules see only what
 * changed, so old bad content elsewhere never refuses an unrelated edit.
 * "Only the chair writes the conclusion" (issue 18) is one more of these:
 * `({ kind, actor, changes }) => kind === 'item' && changes.texts.has('item.conclusion') && !actor.isChair ? 'conclusion: chair only' : null`.
 */
export type UpdateRule = (check: UpdateCheck) => string | null;

/**
 * The document's shape, for what the update touched: each changed value
 * passes its field's schema; each changed text stays under its field's cap
 * (or, if old content was over it already, does not grow); nothing lands
 * where the form has no field.
 */
export const shapeRule: UpdateRule = ({ kind, before, after, changes }) => {
  const shape = documentShapes[kind];
  if (changes.misplaced.length) return changes.misplaced[0];
  const map = after.getMap<unknown>(shape.mapName);
  for (const key of changes.values) {
    const rows = rowsOfKey(shape, key);
    const schema = shape.values.get(key) ?? rows?.value;
    if (!schema) return `unknown field ${shape.mapName}.${key}`;
    // A deleted row is a removal; a deleted plain value is a field emptied. Both fine.
    if (!map.has(key)) continue;
    const value = map.get(key);
    if (value instanceof Y.AbstractType || !schema.safeParse(value).success) return `invalid value for ${shape.mapName}.${key}`;
  }
  for (const rows of shape.rows) {
    if (![...changes.values].some((key) => rowIdOf(rows.layout, key) !== null)) continue;
    const count = rowCount(after, shape, rows.layout);
    if (count > rows.maxRows && count > rowCount(before, shape, rows.layout)) return `more than ${rows.maxRows} ${rows.layout.list}`;
  }
  for (const name of changes.texts) {
    const maxLength = textCapOf(shape, name)!;
    const length = after.getText(name).length;
    if (length > maxLength && length > before.getText(name).length) return `${name} longer than ${maxLength}`;
  }
  return null;
};

function rowCount(doc: Y.Doc, shape: DocumentShape, layout: DocumentShape['rows'][number]['layout']): number {
  let count = 0;
  doc.getMap<unknown>(shape.mapName).forEach((_value, key) => {
    if (rowIdOf(layout, key) !== null) count++;
  });
  return count;
}

/**
 * An item's conclusion belongs to the chair and the meeting's referent: an
 * update from anyone else that touches one of its fields — a value, a text, a
 * follow-up row or its description — is refused like any invalid update.
 */
export const conclusionRule: UpdateRule = ({ kind, actor, changes }) => {
  if (kind !== 'item' || actor.mayConclude) return null;
  const prefix = `${itemMapName}.`;
  const touched = [...changes.values, ...[...changes.texts].map((name) => name.slice(prefix.length))].find(isConclusionField);
  return touched ? `${itemMapName}.${touched}: only the chair and the referent write the conclusion` : null;
};

/** Every rule an update must pass, in order. Add per-field rules here. */
export const updateRules: readonly UpdateRule[] = [shapeRule, conclusionRule];

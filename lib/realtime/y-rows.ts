import * as Y from 'yjs';
import { applyTextChange, readForm, textName } from './y-form';

/**
 * A list of rows in a form's Yjs document (the follow-ups of an agenda item),
 * laid out so that people editing different rows — or the same row's text —
 * at once never lose each other's work:
 * - each row's plain values are one map entry, `<list>.<rowId>` in the map
 *   `<form>` ({ ownerId, dueDate, position }): two rows added at once are two
 *   keys, not two versions of one list where the last writer wins;
 * - each row's free text is a top-level text `<form>.<list>.<rowId>`, merged
 *   character by character like the form's own texts (y-form.ts says why
 *   top-level).
 * A removed row's map entry is deleted and its text emptied; a top-level type
 * cannot be deleted, so an emptied text stays behind and readers ignore a
 * text with no row.
 */
export type RowLayout = {
  mapName: string;
  /** The list's name in the form (`followUps`). */
  list: string;
  /** The row property kept as text (`description`). */
  textProp: string;
};

/** A row id as the app makes them (crypto.randomUUID, dashes removed, cut to 20); bounded for the guard. */
export const rowIdPattern = /^[A-Za-z0-9_-]{1,40}$/;

export function rowKey(layout: RowLayout, id: string): string {
  return `${layout.list}.${id}`;
}

export function rowTextName(layout: RowLayout, id: string): string {
  return textName(layout.mapName, rowKey(layout, id));
}

/** The row id a map key or a form field (`followUps.<id>`) names, or null if it names no row of the list. */
export function rowIdOf(layout: RowLayout, keyOrField: string): string | null {
  const prefix = `${layout.list}.`;
  if (!keyOrField.startsWith(prefix)) return null;
  const id = keyOrField.slice(prefix.length);
  return rowIdPattern.test(id) ? id : null;
}

type StoredRow = Record<string, unknown> & { position?: unknown };

/**
 * The rows in order (by position, then id: two rows added at once may share a
 * position), each as `{ id, ...values, [textProp]: text }`. The position is
 * layout, not content, and is left out. Values that are not objects are left
 * as they are for the reader's schema to refuse.
 */
export function readRows(doc: Y.Doc, layout: RowLayout): Record<string, unknown>[] {
  const rows: { id: string; position: number; value: unknown }[] = [];
  doc.getMap<unknown>(layout.mapName).forEach((value, key) => {
    const id = rowIdOf(layout, key);
    if (id === null || value instanceof Y.AbstractType) return;
    const position = typeof (value as StoredRow)?.position === 'number' ? ((value as StoredRow).position as number) : 0;
    rows.push({ id, position, value });
  });
  rows.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map(({ id, value }) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { id, value };
    const { position: _position, ...values } = value as StoredRow;
    return { id, ...values, [layout.textProp]: doc.getText(rowTextName(layout, id)).toString() };
  });
}

/** The next position: after every row there is. */
export function nextPosition(doc: Y.Doc, layout: RowLayout): number {
  let max = -1;
  doc.getMap<unknown>(layout.mapName).forEach((value, key) => {
    const position = (value as StoredRow | null)?.position;
    if (rowIdOf(layout, key) !== null && typeof position === 'number' && position > max) max = position;
  });
  return max + 1;
}

/** Adds a row at the end (one map entry; its text starts empty). */
export function addRow(doc: Y.Doc, layout: RowLayout, id: string, values: Record<string, unknown>, origin: unknown = null): void {
  doc.transact(() => {
    doc.getMap<unknown>(layout.mapName).set(rowKey(layout, id), { ...values, position: nextPosition(doc, layout) });
  }, origin);
}

/** Changes a row's plain values (its position kept); a row someone removed meanwhile stays removed. */
export function updateRow(doc: Y.Doc, layout: RowLayout, id: string, patch: Record<string, unknown>, origin: unknown = null): void {
  doc.transact(() => {
    const map = doc.getMap<unknown>(layout.mapName);
    const current = map.get(rowKey(layout, id)) as StoredRow | undefined;
    if (!current || typeof current !== 'object') return;
    const next = { ...current, ...patch };
    if (JSON.stringify(next) !== JSON.stringify(current)) map.set(rowKey(layout, id), next);
  }, origin);
}

/** Removes a row: its map entry, and its text emptied (what it said does not linger in the document). */
export function removeRow(doc: Y.Doc, layout: RowLayout, id: string, origin: unknown = null): void {
  doc.transact(() => {
    doc.getMap<unknown>(layout.mapName).delete(rowKey(layout, id));
    const text = doc.getText(rowTextName(layout, id));
    if (text.length > 0) text.delete(0, text.length);
  }, origin);
}

/**
 * Makes the document's rows equal `rows` (the API, a restored version, the
 * demo data): rows missing are removed, new ones added in the given order,
 * changed values set, and each text changed only where it differs, so a
 * concurrent edit elsewhere in it survives. Runs inside the caller's
 * transaction when there is one.
 */
export function writeRows(doc: Y.Doc, layout: RowLayout, rows: readonly ({ id: string } & Record<string, unknown>)[]): void {
  const map = doc.getMap<unknown>(layout.mapName);
  const wanted = new Set(rows.map((row) => row.id));
  for (const existing of readRows(doc, layout)) {
    if (!wanted.has(String(existing.id))) removeRow(doc, layout, String(existing.id));
  }
  rows.forEach((row, position) => {
    const { id, [layout.textProp]: text, ...values } = row;
    const key = rowKey(layout, id);
    const next = { ...values, position };
    if (JSON.stringify(map.get(key)) !== JSON.stringify(next)) map.set(key, next);
    applyTextChange(doc.getText(rowTextName(layout, id)), typeof text === 'string' ? text : '');
  });
}

/**
 * A form's content as plain values (y-form.ts readForm), with each list of
 * rows read as one list under its name. A document still holding the list as
 * one plain value (the shape before rows) reads that value while it has no rows.
 */
export function readFormWithRows(
  doc: Y.Doc,
  mapName: string,
  textFields: readonly string[],
  layouts: readonly RowLayout[],
): Record<string, unknown> {
  const content = readForm(doc, mapName, textFields);
  for (const layout of layouts) {
    for (const key of Object.keys(content)) if (rowIdOf(layout, key) !== null) delete content[key];
    const rows = readRows(doc, layout);
    if (rows.length > 0) content[layout.list] = rows;
  }
  return content;
}

import * as Y from 'yjs';

/**
 * A form in a Yjs document. Free-text fields are top-level texts named
 * `<form>.<field>` (so people typing in one field merge character by
 * character); everything else is a plain value in the map `<form>` (last
 * writer wins, which is what a choice or a tick box means).
 *
 * Why not a Y.Text inside the map: a nested text is created lazily, and when
 * two people start typing in an empty field at once, both create one under the
 * same key — the map keeps one and the other person's words are lost. Top-level
 * types are identified by name and always merge.
 * Used by the case form (`case:<id>`) and by agenda items (`item:<id>`).
 */
export function textName(mapName: string, field: string): string {
  return `${mapName}.${field}`;
}

export function readForm(doc: Y.Doc, mapName: string, textFields: readonly string[]): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  doc.getMap(mapName).forEach((value, key) => {
    if (!(value instanceof Y.AbstractType)) content[key] = value;
  });
  for (const field of textFields) {
    const text = doc.getText(textName(mapName, field));
    if (text.length > 0) content[field] = text.toString();
  }
  return content;
}

/**
 * Replaces a Y.Text's content with `next`, touching only the changed middle:
 * a concurrent edit elsewhere in the text survives.
 */
export function applyTextChange(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current[endCurrent - 1] === next[endNext - 1]) {
    endCurrent--;
    endNext--;
  }
  const change = () => {
    if (endCurrent > start) text.delete(start, endCurrent - start);
    if (endNext > start) text.insert(start, next.slice(start, endNext));
  };
  // One transaction: one update (and one log row) per change, not two.
  if (text.doc) text.doc.transact(change);
  else change();
}

export function textIn(doc: Y.Doc, mapName: string, field: string): Y.Text {
  return doc.getText(textName(mapName, field));
}

export function applyForm(
  doc: Y.Doc,
  mapName: string,
  isText: (field: string) => boolean,
  patch: Record<string, unknown>,
  origin: unknown = null,
): void {
  doc.transact(() => {
    const form = doc.getMap<unknown>(mapName);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (isText(key)) applyTextChange(textIn(doc, mapName, key), String(value));
      else if (JSON.stringify(form.get(key)) !== JSON.stringify(value)) form.set(key, value);
    }
  }, origin);
}

import * as Y from 'yjs';

/** A snapshot plus the updates after it, as one garbage-collected state. */
export function foldUpdates(snapshot: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot));
  for (const update of updates) Y.applyUpdate(doc, new Uint8Array(update));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

import * as Y from 'yjs';
import { textCapOf, type DocumentShape } from './document-shape';

/** What a plain text edit does: per top-level text it touches, how many UTF-16 units it inserts there. */
/** Any root type of a document (Yjs types it by its events). */
type RootType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type PlainTextEdit = { texts: Map<string, number> };

/**
 * Recognises, from the decoded update alone, the edit people make all day: new
 * strings and deletions in the form's top-level texts, appended to each
 * client's history exactly where the document's is, next to content the
 * document has. For such an update the update guard (server/realtime/yjs/update-guard.ts)
 * knows without a scratch copy what applying it would change — which texts, and
 * at most how much longer each gets — and that the document would store and
 * relay it as it came. Anything else returns null and goes the guard's full
 * way: a map value, a nested type, an embed or format, an item whose
 * neighbours sit in different places, content or deletes the document does not
 * have yet, a resent edit, a document holding waiting content. Null is never
 * a refusal, only "not sure".
 */
export function plainTextEdit(update: Uint8Array, doc: Y.Doc, shape: DocumentShape): PlainTextEdit | null {
  const { store } = doc;
  // Waiting content could be completed by this update, which would then integrate more than it carries.
  if (store.pendingStructs || store.pendingDs) return null;
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return null; // the full way reports it as malformed
  }
  const textNames = rootTextNames(doc, shape);
  const texts = new Map<string, number>();
  // The update's own new items, per client, with the text each lands in (an item's origin may be one of them).
  const added = new Map<number, { clock: number; end: number; name: string }[]>();
  const nextClock = new Map<number, number>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString) || struct.parentSub !== null) return null;
    const { client, clock } = struct.id;
    // Exactly where the document's history of this client ends: nothing resent, nothing skipped.
    if (clock !== (nextClock.get(client) ?? Y.getState(store, client))) return null;
    nextClock.set(client, clock + struct.length);
    const name = landingText(struct, doc, textNames, added);
    if (name === null) return null;
    texts.set(name, (texts.get(name) ?? 0) + struct.length);
    const own = added.get(client) ?? [];
    own.push({ clock, end: clock + struct.length, name });
    added.set(client, own);
  }
  for (const [client, deletes] of decoded.ds.clients) {
    const structs = store.clients.get(client);
    const state = Y.getState(store, client);
    for (const { clock, len } of deletes) {
      // Only what the document has already (a delete of its own new content, or of what is missing, goes the full way).
      if (!structs || clock + len > state) return null;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i].id.clock < clock + len; i++) {
        const struct = structs[i];
        const name = struct instanceof Y.Item && struct.parentSub === null ? textNames.get(struct.parent as RootType) : undefined;
        if (name === undefined) return null;
        if (!texts.has(name)) texts.set(name, 0);
      }
    }
  }
  return { texts };
}

/**
 * The top-level text a new item lands in, or null when that is not plain:
 * its origins (left and right neighbours when it was made) must be items of
 * one and the same text of the shape — or, without neighbours, the parent it
 * names must be such a text.
 */
function landingText(
  item: Y.Item,
  doc: Y.Doc,
  textNames: ReadonlyMap<RootType, string>,
  added: ReadonlyMap<number, { clock: number; end: number; name: string }[]>,
): string | null {
  if (item.origin === null && item.rightOrigin === null) {
    // Decoded without neighbours, the parent is a root's name (a string) or a nested type's id (not plain).
    if (typeof item.parent !== 'string') return null;
    const root = doc.share.get(item.parent);
    return root && textNames.has(root) ? item.parent : null;
  }
  // Decoded with neighbours, Yjs takes the parent from them: both must agree.
  const left = item.origin ? neighbourText(item.origin, doc, textNames, added) : undefined;
  const right = item.rightOrigin ? neighbourText(item.rightOrigin, doc, textNames, added) : undefined;
  if (left === null || right === null) return null;
  if (left !== undefined && right !== undefined && left !== right) return null;
  return left ?? right ?? null;
}

function neighbourText(
  id: Y.ID,
  doc: Y.Doc,
  textNames: ReadonlyMap<RootType, string>,
  added: ReadonlyMap<number, { clock: number; end: number; name: string }[]>,
): string | null {
  const own = added.get(id.client)?.find((entry) => id.clock >= entry.clock && id.clock < entry.end);
  if (own) return own.name;
  const structs = doc.store.clients.get(id.client);
  if (!structs || id.clock >= Y.getState(doc.store, id.client)) return null;
  const struct = structs[Y.findIndexSS(structs, id.clock)];
  // A garbage-collected neighbour turns the new item into garbage too: not plain.
  if (!(struct instanceof Y.Item) || struct.parentSub !== null) return null;
  return textNames.get(struct.parent as RootType) ?? null;
}

/**
 * The document's root types that are texts of the shape, by type. A root
 * Yjs made from an update is untyped until read as a text; it is made a text
 * here, as the guard's copy and every reader does. A text holding formatting
 * (old content) is left out: Yjs tidies formatting in a second transaction,
 * which only the full way judges.
 */
function rootTextNames(doc: Y.Doc, shape: DocumentShape): Map<RootType, string> {
  const names = new Map<RootType, string>();
  doc.share.forEach((type, name) => {
    if (textCapOf(shape, name) === null) return;
    const text = type.constructor === Y.AbstractType ? doc.getText(name) : type;
    if (text instanceof Y.Text && !(text as Y.Text & { _hasFormatting: boolean })._hasFormatting) names.set(text, name);
  });
  return names;
}

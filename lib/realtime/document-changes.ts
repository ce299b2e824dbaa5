import * as Y from 'yjs';
import { textCapOf, type DocumentShape } from './document-shape';

/** What one update changed, in the terms of a form: which values and texts, and what fits no field at all. */
export type DocumentChanges = {
  /** Map keys set or deleted. */
  values: Set<string>;
  /** Top-level texts (`form.facts`, a row's `item.followUps.<id>`) inserted into or deleted from. */
  texts: Set<string>;
  /** Content that has no place in the shape (an unknown top-level type, a nested type, an embed…), described. */
  misplaced: string[];
};

/**
 * Reads a transaction (after an update was applied to a scratch copy) as
 * changes to the form. Only what the transaction touched is looked at — its
 * changed types and the structs it added — so the cost follows the size of the
 * update, not of the document.
 */
export function changesOf(transaction: Y.Transaction, shape: DocumentShape): DocumentChanges {
  const changes: DocumentChanges = { values: new Set(), texts: new Set(), misplaced: [] };
  transaction.changed.forEach((keys, type) => {
    // A change inside a nested type counts as a change of the top-level field holding it.
    let top = type;
    let key: string | null = null;
    while (top._item) {
      key = top._item.parentSub;
      top = top._item.parent as typeof type;
    }
    const name = Y.findRootTypeKey(top);
    const nested = top !== type;
    if (name === shape.mapName) {
      const changedKeys = nested ? [key] : [...keys];
      for (const changed of changedKeys) {
        if (changed === null) changes.misplaced.push(`list content in map ${name}`);
        else changes.values.add(changed);
      }
    } else if (textCapOf(shape, name) !== null) {
      changes.texts.add(name);
      if (!nested && [...keys].some((changed) => changed !== null)) changes.misplaced.push(`map entries on text ${name}`);
    } else {
      changes.misplaced.push(`unknown top-level type ${name}`);
    }
  });
  forEachAddedItem(transaction, (item) => {
    const parent = item.parent as Y.AbstractType<Y.YEvent<never>>;
    if (parent._item !== null) changes.misplaced.push('nested type');
    else if (!item.deleted && textCapOf(shape, Y.findRootTypeKey(parent)) !== null && !(item.content instanceof Y.ContentString))
      changes.misplaced.push(`${item.content.constructor.name} in text ${Y.findRootTypeKey(parent)}`);
  });
  return changes;
}

/** The items a transaction added to the document (from its state before to its state after). */
function forEachAddedItem(transaction: Y.Transaction, visit: (item: Y.Item) => void): void {
  const store = transaction.doc.store;
  transaction.afterState.forEach((after, client) => {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) return;
    const structs = store.clients.get(client)!;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (struct.id.clock >= after) break;
      if (struct.id.clock >= before && struct instanceof Y.Item) visit(struct);
    }
  });
}

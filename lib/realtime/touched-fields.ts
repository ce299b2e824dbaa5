import type * as Y from 'yjs';

/**
 * The form fields a Yjs transaction changed, for attribution ("who changed
 * what"): a top-level text `<form>.<field>` names its field, a key of the map
 * `<form>` names itself, a row's value or text names its list, and a change inside a nested type counts for the map
 * key it hangs under. Field-level, not per character: it says that someone
 * edited `facts`, not which words.
 */
/** A row of a list (`followUps.<id>`, lib/realtime/y-rows.ts) counts for its list: "changed the follow-ups". */
const fieldOf = (keyOrField: string) => keyOrField.split('.')[0];

export function touchedFields(doc: Y.Doc, changed: ReadonlyMap<Y.AbstractType<unknown>, Set<string | null>>): string[] {
  const rootNames = new Map<unknown, string>();
  doc.share.forEach((type, name) => rootNames.set(type, name));
  const fields = new Set<string>();
  for (const [type, keys] of changed) {
    // Walk up to the top-level type, remembering the map key of the outermost nested type.
    let root: Y.AbstractType<unknown> = type;
    let key: string | null = null;
    while (root._item) {
      key = root._item.parentSub;
      root = root._item.parent as Y.AbstractType<unknown>;
    }
    const name = rootNames.get(root);
    if (!name) continue;
    const dot = name.indexOf('.');
    if (dot > 0) fields.add(fieldOf(name.slice(dot + 1)));
    else if (key) fields.add(fieldOf(key));
    else for (const changedKey of keys) if (changedKey) fields.add(fieldOf(changedKey));
  }
  return [...fields].sort();
}

import type * as Y from 'yjs';
import { touchedFields } from '../../../lib/realtime/touched-fields';
import type { Clock } from '../../../lib/time/clock';

export type EditAttribution = { touched: string; firstEdit: string; lastEdit: string };

/**
 * Which fields one connection's edits touched, and between which instants:
 * the detail of the editing session's audit entry (`case.update` /
 * `item.update`), from which a version history tells who changed what since
 * the previous version (lib/versions/attribution.ts). Watches the shared
 * document's transactions whose origin is this connection; edits the server
 * refused never become transactions and are not counted.
 */
export function trackEditAttribution(doc: Y.Doc, origin: unknown, clock: Clock): { stop: () => EditAttribution | null } {
  const fields = new Set<string>();
  let first: Date | null = null;
  let last: Date | null = null;
  const listener = (transaction: Y.Transaction) => {
    if (transaction.origin !== origin) return;
    const touched = touchedFields(doc, transaction.changed as ReadonlyMap<Y.AbstractType<unknown>, Set<string | null>>);
    if (touched.length === 0) return;
    for (const field of touched) fields.add(field);
    last = clock.now();
    first ??= last;
  };
  doc.on('afterTransaction', listener);
  return {
    stop: () => {
      doc.off('afterTransaction', listener);
      if (!first || !last || fields.size === 0) return null;
      return { touched: [...fields].sort().join(','), firstEdit: (first as Date).toISOString(), lastEdit: (last as Date).toISOString() };
    },
  };
}

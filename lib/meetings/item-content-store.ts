import { runtimeServices, RuntimeServicesMissing } from '../runtime/services';
import type { ItemContent } from './item-content';

/**
 * Reads and writes an agenda item's content in its live Yjs document, for
 * code that runs in Next (a version restore): the server registers it over
 * its document registry, beside the case content store, so a write reaches
 * everyone in the meeting room at once.
 */
export interface ItemContentStore {
  read(itemId: string): Promise<Record<string, unknown>>;
  write(itemId: string, patch: ItemContent): Promise<void>;
}

export function getItemContentStore(): ItemContentStore {
  const store = runtimeServices().itemContent;
  if (!store) throw new RuntimeServicesMissing(['itemContent']);
  return store;
}

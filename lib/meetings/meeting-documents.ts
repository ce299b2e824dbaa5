import type { ItemContent } from './item-content';
import type { UnsavedWriters } from './await-saved-writers';

/**
 * The live documents of a meeting, as the meeting commands need them:
 * implemented by the server over its Yjs registry (server/realtime/yjs/
 * meeting-documents.ts), so commands read and write exactly what people see.
 */
export interface MeetingDocuments {
  readItem(itemId: string): Promise<Record<string, unknown>>;
  writeItem(itemId: string, patch: ItemContent): Promise<void>;
  /**
   * Waits up to a few seconds (await-saved-writers.ts) until nobody writing the
   * item has edits the server has not confirmed stored; says who still has.
   */
  awaitSavedWriters(itemId: string): Promise<UnsavedWriters>;
  /**
   * Access to a document changed: `read-only` makes open connections read-only
   * at once (lock, close); `restore` undoes a freeze that was called off;
   * `recheck` makes them reconnect and be checked again.
   */
  changeAccess(documentName: string, change: 'read-only' | 'restore' | 'recheck'): Promise<void>;
}

export type MeetingContext = {
  db: import('../db/db').Db;
  documents: MeetingDocuments;
  actor: import('../access/access-service').Actor;
  now?: Date;
};

import { applyItemContent, readItemContent } from '../../../lib/meetings/item-content';
import type { MeetingDocuments } from '../../../lib/meetings/meeting-documents';
import { AppError } from '../../../lib/errors/app-error';
import { documentName } from '../../../lib/realtime/document-name';
import type { Logger } from '../../logger';
import { closeCodes } from '../close-codes';
import { apiOrigin } from './case-content-store';
import type { DocumentRegistry } from './document-registry';
import type { DocumentStore } from './document-store';
import { awaitSavedWriters, realWaiter, type Waiter } from '../../../lib/meetings/await-saved-writers';
import { unsavedWriters } from './unsaved-writers';

/** How often a waiting lock retries a failed write of the document (persistence-queue.ts, retryNow). */
const lockRetryEveryMs = 500;

/** The meeting commands' view of the live item documents, over the node's registry. */
export function createMeetingDocuments(
  registry: DocumentRegistry,
  store: DocumentStore,
  log: Logger,
  /** The lock's wait runs on it (tests of the wait drive their own: lib/meetings/await-saved-writers.test.ts). */
  waiter: Waiter = realWaiter,
): MeetingDocuments {
  return {
    // What a lock or a close reads: this node's copy merged with everything stored, so edits another
    // node wrote while it could not relay them (Redis away) are read too (merging is idempotent).
    readItem: (itemId) =>
      registry.use(documentName('item', itemId), async (shared) => {
        const stored = await store.load(shared.name);
        if (stored) shared.applyStored(stored);
        return readItemContent(shared.doc);
      }),
    writeItem: (itemId, patch) =>
      registry.use(documentName('item', itemId), async (shared) => {
        applyItemContent(shared.doc, patch, apiOrigin);
        if (!(await shared.persistence.flush())) throw new AppError('unavailable');
      }),
    // Held open while waiting: a document not loaded on this node is loaded (its other nodes' presence
    // and pending flags arrive with the catch-up), so the wait sees every node's writers.
    awaitSavedWriters: (itemId) =>
      registry.use(documentName('item', itemId), async (shared) => {
        let told = false;
        let retriedAt = -Infinity;
        const result = await awaitSavedWriters(() => {
          const now = unsavedWriters(shared);
          // A failed write waits out its backoff (up to 5 s, longer than the lock's wait): the chair is
          // waiting, so retry it now, and again every lockRetryEveryMs while the wait lasts.
          if (now.unwritten && waiter.now() - retriedAt >= lockRetryEveryMs) {
            retriedAt = waiter.now();
            shared.persistence.retryNow();
          }
          if (!told && (now.names.length > 0 || now.unwritten)) {
            told = true;
            log.info({ doc: shared.name, ...now }, 'yjs: lock waits for unsaved edits');
          }
          return now;
        }, waiter);
        if (result.names.length > 0 || result.unwritten)
          log.info({ doc: shared.name, ...result }, 'yjs: lock gave up waiting for unsaved edits');
        return result;
      }),
    changeAccess: async (name, change) => {
      await registry.changeAccess(name, change, closeCodes.accessChanged);
      log.debug({ doc: name, change }, 'yjs: access of open connections changed');
    },
  };
}

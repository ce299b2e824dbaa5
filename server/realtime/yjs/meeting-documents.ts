import { applyItemContent, readItemContent } from '../../../lib/meetings/item-content';
import type { MeetingDocuments } from '../../../lib/meetings/meeting-documents';
import { AppError } from '../../../lib/errors/app-error';
import { documentName } from '../../../lib/realtime/document-name';
import type { Logger } from '../../logger';
import { closeCodes } from '../close-codes';
import { apiOrigin } from './case-content-store';
import type { DocumentRegistry } from './document-registry';
import type { DocumentStore } from './document-store';

/** The meeting commands' view of the live item documents, over the node's registry. */
export function createMeetingDocuments(registry: DocumentRegistry, store: DocumentStore, log: Logger): MeetingDocuments {
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
    changeAccess: async (name, change) => {
      await registry.changeAccess(name, change, closeCodes.accessChanged);
      log.debug({ doc: name, change }, 'yjs: access of open connections changed');
    },
  };
}

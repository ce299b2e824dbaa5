import { applyItemContent, readItemContent } from '../../../lib/meetings/item-content';
import type { MeetingDocuments } from '../../../lib/meetings/meeting-documents';
import { AppError } from '../../../lib/errors/app-error';
import { documentName } from '../../../lib/realtime/document-name';
import type { Logger } from '../../logger';
import { closeCodes } from '../close-codes';
import { apiOrigin } from './case-content-store';
import type { DocumentRegistry } from './document-registry';

/** The meeting commands' view of the live item documents, over the node's registry. */
export function createMeetingDocuments(registry: DocumentRegistry, log: Logger): MeetingDocuments {
  return {
    readItem: (itemId) => registry.use(documentName('item', itemId), (shared) => readItemContent(shared.doc)),
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

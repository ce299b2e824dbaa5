import { applyCaseContent, readCaseContent } from '../../../lib/cases/case-document';
import type { CaseContentStore } from '../../../lib/cases/case-content-store';
import { AppError } from '../../../lib/errors/app-error';
import { documentName } from '../../../lib/realtime/document-name';
import { closeCodes } from '../close-codes';
import type { DocumentRegistry } from './document-registry';

/** Origin of changes made through the API (not a websocket connection). */
export const apiOrigin = Symbol('api');

/**
 * The case form read from and written to the case's Yjs document, through
 * the same registry the websockets use: an API change reaches live editors at
 * once, and a write returns only when it is durable.
 */
export function createYjsCaseContentStore(registry: DocumentRegistry): CaseContentStore {
  return {
    read: (caseId) => registry.use(documentName('case', caseId), (shared) => readCaseContent(shared.doc)),
    write: (caseId, patch) =>
      registry.use(documentName('case', caseId), async (shared) => {
        applyCaseContent(shared.doc, patch, apiOrigin);
        if (!(await shared.persistence.flush())) {
          throw new AppError('unavailable', 'the change is kept in memory and written when the database answers');
        }
      }),
    recheckAccess: (caseId) => registry.changeAccess(documentName('case', caseId), 'recheck', closeCodes.accessChanged),
  };
}

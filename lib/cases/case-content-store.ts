import { runtimeServices } from '../runtime/services';
import type { CaseContent } from './case-form';

/**
 * Reads and writes the form content of a case — which lives in its Yjs
 * document, shared with anyone editing it live. The Node server implements
 * this over its document registry (server/realtime/yjs/case-content-store.ts)
 * and registers it with the runtime services (lib/runtime/services.ts), so route handlers change a case exactly as a live
 * editor would, and never load a second copy of Yjs into Next's bundle.
 */
export interface CaseContentStore {
  read(caseId: string): Promise<Record<string, unknown>>;
  write(caseId: string, patch: CaseContent): Promise<void>;
  /** The case's status changed: live connections reconnect and are checked again. */
  recheckAccess(caseId: string): Promise<void>;
}

/** The server's store (registered with the runtime services at start). */
export function getCaseContentStore(): CaseContentStore {
  return runtimeServices().caseContent;
}

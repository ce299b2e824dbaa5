import type { CaseContentStore } from '../../../lib/cases/case-content-store';
import { syncCaseSummary } from '../../../lib/cases/update-case';
import type { Db } from '../../../lib/db/db';
import { parseDocumentName } from '../../../lib/realtime/document-name';
import type { Logger } from '../../logger';

/**
 * Keeps a draft's summary columns (title, person reference, purpose, levels)
 * in step with what is typed live, so queues and lists show the current
 * draft. Debounced per case: at most one update per `delayMs` while typing.
 */
export function createCaseSummarySync(deps: { db: Db; store: CaseContentStore; log: Logger; delayMs?: number }) {
  const timers = new Map<string, NodeJS.Timeout>();
  const delayMs = deps.delayMs ?? 1500;

  async function sync(caseId: string): Promise<void> {
    const row = await deps.db.case.findUnique({ where: { id: caseId }, select: { status: true } });
    if (row?.status === 'draft') await syncCaseSummary(deps, caseId);
  }

  return {
    /** Called after a document's edits were written. */
    schedule(docName: string): void {
      const ref = parseDocumentName(docName);
      if (ref?.kind !== 'case' || timers.has(ref.id)) return;
      const timer = setTimeout(() => {
        timers.delete(ref.id);
        sync(ref.id).catch((error: Error) => deps.log.warn({ caseId: ref.id, err: error.message }, 'case summary sync failed'));
      }, delayMs);
      timer.unref();
      timers.set(ref.id, timer);
    },
    stop(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

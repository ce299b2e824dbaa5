import type { CaseContentStore } from '../../../lib/cases/case-content-store';
import { syncCaseSummary } from '../../../lib/cases/update-case';
import type { Db } from '../../../lib/db/db';
import type { Logger } from '../../logger';
import { afterCaseWrites } from './after-case-writes';

/**
 * Keeps a draft's summary columns (title, person reference, purpose, levels)
 * in step with what is typed live, so queues and lists show the current
 * draft. Debounced per case: at most one update per `delayMs` while typing.
 */
export function createCaseSummarySync(deps: { db: Db; store: CaseContentStore; log: Logger; delayMs?: number }) {
  const delayMs = deps.delayMs ?? 1500;

  async function sync(caseId: string): Promise<void> {
    const row = await deps.db.case.findUnique({ where: { id: caseId }, select: { status: true } });
    if (row?.status === 'draft') await syncCaseSummary(deps, caseId);
  }

  return afterCaseWrites({ delayMs, log: deps.log, failure: 'case summary sync failed', work: sync });
}

import type { CaseContentStore } from '../../lib/cases/case-content-store';
import type { Db } from '../../lib/db/db';
import { liveMissing } from '../../lib/meetings/live-readiness';
import type { Logger } from '../logger';
import { afterCaseWrites } from './yjs/after-case-writes';

/**
 * A caseworker filling in what the chair asked for reaches the open rooms of
 * the meetings her case is on: after her edits are written (debounced per
 * case, as the summary sync is), what the case lacks is read again from its
 * live document (lib/meetings/live-readiness.ts, what the room shows the
 * chair) and, when it changed, those rooms are told their agenda changed.
 * Only a change: typing within a section already filled in sends nothing.
 */
export function createReadinessPush(deps: {
  db: Db;
  store: CaseContentStore;
  log: Logger;
  agendaChanged: (meetingId: string) => void;
  delayMs?: number;
}) {
  /** What each case lacked when last read (gaps in words, joined); unknown after a start, so the first read tells. */
  const lastMissing = new Map<string, string>();
  const delayMs = deps.delayMs ?? 1000;

  async function check(caseId: string): Promise<void> {
    const items = await deps.db.agendaItem.findMany({
      where: { caseId, meeting: { status: { in: ['planned', 'open'] } } },
      select: { meetingId: true },
    });
    if (items.length === 0) {
      lastMissing.delete(caseId);
      return;
    }
    const missing = ((await liveMissing(deps.store, [caseId])).get(caseId) ?? []).join('\n');
    if (lastMissing.get(caseId) === missing) return;
    lastMissing.set(caseId, missing);
    for (const meetingId of new Set(items.map((i) => i.meetingId))) deps.agendaChanged(meetingId);
  }

  return afterCaseWrites({ delayMs, log: deps.log, failure: 'readiness push failed', work: check });
}

import type { Db } from '../../lib/db/db';
import type { CaseContentStore } from '../../lib/cases/case-content-store';
import { generateAllSeries } from '../../lib/meetings/generate-series-meetings';
import { prepareReassessmentDrafts } from '../../lib/history/reassessment-drafts';
import { systemClock } from '../../lib/time/clock';
import type { Logger } from '../logger';
import { alone, type RunExclusive } from '../cluster/run-exclusive';

const dayMs = 24 * 3600_000;

/**
 * Keeps every active series' meetings 8 weeks ahead: at start and daily; then
 * prepares the revurdering drafts that are due — ten working days before the
 * deadline of the meeting each case is proposed to (lib/history/reassessment-drafts.ts).
 * Both are idempotent, so every node may run them.
 */
export function scheduleMeetingGeneration(deps: { db: Db; log: Logger; store: CaseContentStore; exclusive?: RunExclusive }) {
  const exclusive = deps.exclusive ?? alone;
  const run = () =>
    exclusive('meeting-generation', async () => {
      const created = await generateAllSeries(deps.db);
      const drafts = await prepareReassessmentDrafts({
        db: deps.db,
        store: deps.store,
        now: systemClock.now(),
        onError: (caseId, error) => deps.log.error({ caseId, err: error.message }, 'revurdering draft not prepared; tried again tomorrow'),
      });
      return { created, drafts };
    })
      .then((done) => {
        if (done?.created) deps.log.info({ created: done.created }, 'meetings generated from the series');
        if (done?.drafts) deps.log.info({ drafts: done.drafts }, 'revurdering drafts prepared from re-assessment dates');
      })
      .catch((error: Error) => deps.log.error({ err: error.message }, 'meeting generation failed; it runs again tomorrow'));
  void run();
  const daily = setInterval(run, dayMs);
  daily.unref();
  return { stop: () => clearInterval(daily) };
}

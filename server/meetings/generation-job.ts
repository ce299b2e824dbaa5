import type { Db } from '../../lib/db/db';
import { generateAllSeries } from '../../lib/meetings/generate-series-meetings';
import type { Logger } from '../logger';
import { alone, type RunExclusive } from '../cluster/run-exclusive';

const dayMs = 24 * 3600_000;

/**
 * Keeps every active series' meetings 8 weeks ahead: at start and daily.
 * Idempotent (one meeting per series slot), so every node may run it.
 */
export function scheduleMeetingGeneration(deps: { db: Db; log: Logger; exclusive?: RunExclusive }) {
  const exclusive = deps.exclusive ?? alone;
  const run = () =>
    exclusive('meeting-generation', () => generateAllSeries(deps.db))
      .then((created) => created && deps.log.info({ created }, 'meetings generated from the series'))
      .catch((error: Error) => deps.log.error({ err: error.message }, 'meeting generation failed; it runs again tomorrow'));
  void run();
  const daily = setInterval(run, dayMs);
  daily.unref();
  return { stop: () => clearInterval(daily) };
}

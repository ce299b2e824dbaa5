import { runRetention, type DocumentsInUse } from '../../lib/privacy/retention';
import type { Db } from '../../lib/db/db';
import type { Logger } from '../logger';
import { alone, type RunExclusive } from '../cluster/run-exclusive';

const dayMs = 24 * 3600_000;

/**
 * Runs retention a minute after start and then daily. Idempotent, so every
 * node may run it; with `months` 0 it never runs. Logs counts, never content.
 */
export function scheduleRetention(deps: {
  db: Db;
  log: Logger;
  months: number;
  exclusive?: RunExclusive;
  documentsInUse?: DocumentsInUse;
}) {
  if (deps.months <= 0) {
    deps.log.warn('retention is off (SAMLET_RETENTION_MONTHS=0): cases are kept until deleted by hand');
    return { stop: () => undefined };
  }
  const exclusive = deps.exclusive ?? alone;
  // With several nodes, one of them runs it at a time (the others skip that run).
  const run = () =>
    exclusive('retention', () => runRetention(deps.db, { months: deps.months, documentsInUse: deps.documentsInUse }))
      .then((result) => result && deps.log.info({ ...result, months: deps.months }, 'retention: anonymised what was due'))
      .catch((error: Error) => deps.log.error({ err: error.message }, 'retention failed; it runs again tomorrow'));
  const first = setTimeout(run, 60_000);
  const daily = setInterval(run, dayMs);
  first.unref();
  daily.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(daily);
    },
  };
}

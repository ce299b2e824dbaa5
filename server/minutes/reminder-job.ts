import type { Db } from '../../lib/db/db';
import { remindUnapprovedMinutes } from '../../lib/minutes/remind-unapproved-minutes';
import { systemClock } from '../../lib/time/clock';
import type { Logger } from '../logger';
import { alone, type RunExclusive } from '../cluster/run-exclusive';

const hourMs = 3600_000;

/**
 * Reminds chairs of draft minutes whose comment period has ended (issue 19):
 * at start and every hour, so a period that ends overnight is reminded of in
 * the morning's first hour. Idempotent (each meeting is reminded once), and on
 * several nodes one runs it at a time (run-exclusive).
 */
export function scheduleMinutesReminders(deps: { db: Db; log: Logger; exclusive?: RunExclusive }) {
  const exclusive = deps.exclusive ?? alone;
  const run = () =>
    exclusive('minutes-reminder', () => remindUnapprovedMinutes(deps.db, systemClock.now()))
      .then((reminded) => reminded && deps.log.info({ reminded }, 'chairs reminded of unapproved minutes'))
      .catch((error: Error) => deps.log.error({ err: error.message }, 'minutes reminder failed; it runs again within the hour'));
  void run();
  const hourly = setInterval(run, hourMs);
  hourly.unref();
  return { stop: () => clearInterval(hourly) };
}

import { endedSessionIds, pruneUserSessions } from '../../lib/auth/user-sessions';
import type { Db } from '../../lib/db/db';
import type { Logger } from '../logger';
import type { LiveConnections } from './live-connections';

const everyMs = 30_000;
const pruneEveryMs = 3600_000;

/**
 * A logout on this node closes its websockets at once (lib/realtime/live-sessions.ts).
 * This periodic re-check catches the rest within 30 s: a session ended on
 * another node or straight in the database, a user deactivated, an expiry
 * beyond a timer's range. One query for all of this node's open sessions.
 */
export function watchLiveSessions(deps: { db: Db; live: LiveConnections; log: Logger }) {
  const timer = setInterval(() => {
    const ids = deps.live.sessionIds();
    if (ids.length === 0) return;
    endedSessionIds(deps.db, ids)
      .then((ended) => {
        if (ended.size === 0) return;
        const closed = deps.live.end(ended);
        deps.log.info({ sessions: ended.size, closed }, 'closed the websockets of ended sessions');
      })
      .catch((error: Error) => deps.log.warn({ err: error.message }, 'could not re-check live sessions'));
  }, everyMs);
  timer.unref();
  // Ended and expired sessions are kept a week, then deleted (data minimisation).
  const prune = () =>
    pruneUserSessions(deps.db)
      .then((count) => count > 0 && deps.log.info({ count }, 'deleted old sessions'))
      .catch((error: Error) => deps.log.warn({ err: error.message }, 'could not delete old sessions'));
  const pruneTimer = setInterval(prune, pruneEveryMs);
  pruneTimer.unref();
  void prune();
  return {
    stop: () => {
      clearInterval(timer);
      clearInterval(pruneTimer);
    },
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../../lib/db/db';

const timeoutMs = 2000;

/**
 * `GET /api/health`: 200 when the database answers within two seconds and
 * every write succeeds; else 503 — `unavailable` (no answer) or `degraded`
 * (it answers, but writes fail: a full disk, a read-only database). Edits are
 * kept in memory meanwhile and written when writes work again.
 */
export function createHealthHandler(db: Db, options: { unsavedDocuments: () => number; redisConnected?: () => boolean }) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    let ok: boolean;
    try {
      await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
      ok = true;
    } catch {
      ok = false;
    } finally {
      clearTimeout(timer);
    }
    const unsavedDocuments = options.unsavedDocuments();
    const status = !ok ? 'unavailable' : unsavedDocuments > 0 ? 'degraded' : 'ok';
    res.writeHead(status === 'ok' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    // Redis down does not take the node out of rotation: it keeps serving and saving; only the relay between nodes waits.
    const redis = options.redisConnected ? { redis: options.redisConnected() ? 'connected' : 'disconnected' } : {};
    res.end(JSON.stringify({ status, ...(unsavedDocuments > 0 ? { unsavedDocuments } : {}), ...redis }));
  };
}

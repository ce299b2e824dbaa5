import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../../lib/db/db';

const timeoutMs = 2000;

/** `GET /api/health`: 200 when the database answers within two seconds, else 503. */
export function createHealthHandler(db: Db) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    let ok = false;
    try {
      await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
      ok = true;
    } catch {
      ok = false;
    } finally {
      clearTimeout(timer);
    }
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable' }));
  };
}

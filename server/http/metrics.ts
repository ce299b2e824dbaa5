import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const resolutionMs = 10;
/** The histogram records the time between samples; the delay is what exceeds the sampling interval. */
const delayMs = (ns: number) => Math.max(0, Math.round((ns / 1e6 - resolutionMs) * 100) / 100);

/** Resident memory, and the JavaScript heap inside it (RSS may stay high after the heap has shrunk: the allocator keeps pages). */
function memory() {
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rssBytes: rss, heapUsedBytes: heapUsed, externalBytes: external };
}

/**
 * `GET /api/metrics`, on only with `SAMLET_METRICS=1` (for bench/; off, the
 * path is a 404): event-loop delay since the previous read (p50, p99, max in
 * ms; the histogram is reset on every read), resident memory and heap, and how
 * many Yjs documents are open and how many hold edits whose write failed,
 * and how many SQL statements the process has sent since it started.
 * `gcCollected` says whether `?gc=1` ran a collection. Figures about the
 * process only, never content.
 */
export function createMetricsHandler(options: {
  openDocuments: () => number;
  unsavedDocuments: () => number;
  databaseQueries: () => number;
}) {
  const delay = monitorEventLoopDelay({ resolution: resolutionMs });
  delay.enable();
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' });
      res.end();
      return;
    }
    // `?gc=1` collects garbage first when the process runs with --expose-gc (the
    // memory benchmark does), so what is left is what is held, not what is not yet collected.
    const collect = new URL(req.url ?? '/', 'http://x').searchParams.get('gc') === '1';
    if (collect) (globalThis as { gc?: () => void }).gc?.();
    const body = {
      eventLoopDelayMs: { p50: delayMs(delay.percentile(50)), p99: delayMs(delay.percentile(99)), max: delayMs(delay.max) },
      ...memory(),
      gcCollected: collect && typeof (globalThis as { gc?: unknown }).gc === 'function',
      openDocuments: options.openDocuments(),
      unsavedDocuments: options.unsavedDocuments(),
      databaseQueries: options.databaseQueries(),
    };
    delay.reset();
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
}

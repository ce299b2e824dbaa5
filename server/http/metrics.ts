import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const resolutionMs = 10;
/** The histogram records the time between samples; the delay is what exceeds the sampling interval. */
const delayMs = (ns: number) => Math.max(0, Math.round((ns / 1e6 - resolutionMs) * 100) / 100);

/**
 * `GET /api/metrics`, on only with `SAMLET_METRICS=1` (for bench/; off, the
 * path is a 404): event-loop delay since the previous read (p50, p99, max in
 * ms; the histogram is reset on every read), resident memory, and how many
 * Yjs documents are open and how many hold edits whose write failed. Figures about the process only, never content.
 */
export function createMetricsHandler(options: { openDocuments: () => number; unsavedDocuments: () => number }) {
  const delay = monitorEventLoopDelay({ resolution: resolutionMs });
  delay.enable();
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' });
      res.end();
      return;
    }
    const body = {
      eventLoopDelayMs: { p50: delayMs(delay.percentile(50)), p99: delayMs(delay.percentile(99)), max: delayMs(delay.max) },
      rssBytes: process.memoryUsage.rss(),
      openDocuments: options.openDocuments(),
      unsavedDocuments: options.unsavedDocuments(),
    };
    delay.reset();
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
}

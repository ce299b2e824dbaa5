/**
 * The reference y-websocket server (`@y/websocket-server` 0.1.1, in memory, no
 * auth, no persistence) for bench/meeting-load.ts, in its own process: a
 * plain http server with a ws WebSocketServer on 127.0.0.1 and a free port.
 * `/yjs/<docName>` speaks the y-websocket protocol (the same URLs as Samlet);
 * `GET /metrics` answers with the same figures as Samlet's `/api/metrics`.
 * Tells the parent its port over IPC; exits when the parent goes or on SIGTERM.
 */
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const prefix = '/yjs/';
const resolutionMs = 10;
const delay = monitorEventLoopDelay({ resolution: resolutionMs });
delay.enable();
// As in server/http/metrics.ts: the delay is what exceeds the sampling interval.
const delayMs = (ns: number) => Math.max(0, Math.round((ns / 1e6 - resolutionMs) * 100) / 100);

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/metrics') {
    const body = {
      eventLoopDelayMs: { p50: delayMs(delay.percentile(50)), p99: delayMs(delay.percentile(99)), max: delayMs(delay.max) },
      rssBytes: process.memoryUsage.rss(),
      openDocuments: docs.size,
    };
    delay.reset();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
    return;
  }
  res.writeHead(404);
  res.end();
});

const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  const pathname = (req.url ?? '/').split('?')[0];
  if (!pathname.startsWith(prefix)) {
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    return;
  }
  // Pass the name ourselves: the default would include the /yjs/ prefix.
  const docName = decodeURIComponent(pathname.slice(prefix.length));
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req, { docName }));
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});

const stop = () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);

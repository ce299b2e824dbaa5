import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';
import { refuseUpgrade } from '../realtime/refuse-upgrade';
import { isSafeMethod, isSameOriginRequest } from './origin-policy';
import { withPageErrorStatus } from './page-error-status';
import { socketIoPath } from '../realtime/socketio/socket-server';
import { yjsPathPrefix } from '../realtime/yjs/yjs-endpoint';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void | Promise<void>;

const requestIdPattern = /^[\w-]{8,64}$/;

/** Carries the client's address to Next (app/_auth/options.ts reads it for the login throttle). */
export const clientAddressHeader = 'x-samlet-client-address';

/**
 * The address a request came from. `X-Forwarded-For` is the client's own
 * say-so unless a proxy we trust wrote it, so it counts only with
 * SAMLET_TRUST_PROXY — else one client could rotate it to escape the
 * per-address login throttle.
 */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = trustProxy && typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : '';
  return first || req.socket.remoteAddress || 'unknown';
}

function pathnameOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}

/**
 * The one place that decides who answers a request or an upgrade: socket.io
 * and the Yjs endpoint claim their paths, the health check its own, and Next
 * everything else. Every request gets an id (kept from `x-request-id` when
 * sane) that is echoed back and carried in its log lines. Logs carry the path,
 * never the query string, so nothing typed into a search box reaches a log.
 */
export function createRequestRouter(deps: {
  log: Logger;
  next: RequestHandler;
  health: RequestHandler;
  socketIo: RequestHandler;
  /** `GET /api/metrics`, only when enabled (server/http/metrics.ts); otherwise Next answers 404. */
  metrics?: RequestHandler;
  /** The public URL (NEXTAUTH_URL): its origin is trusted, and https there turns on HSTS. */
  publicUrl: string;
  /** Behind a reverse proxy: the client's address is the first of `X-Forwarded-For`. */
  trustProxy: boolean;
}): RequestHandler {
  const publicOrigin = new URL(deps.publicUrl).origin;
  // Only when the public URL is https: browsers ignore HSTS over http, and a test or demo on http must keep working.
  const hsts = deps.publicUrl.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : null;
  const httpLog = pinoHttp({
    logger: deps.log,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req) => pathnameOf(req).startsWith('/_next/static') || pathnameOf(req).startsWith(socketIoPath) },
    serializers: {
      req: (req: { id: string; method: string; raw: IncomingMessage }) => ({ id: req.id, method: req.method, path: pathnameOf(req.raw) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });

  return (req, res) => {
    httpLog(req, res);
    if (hsts) res.setHeader('Strict-Transport-Security', hsts);
    // The one client address Next's code may use (the login throttle): set here, never taken from the client.
    req.headers[clientAddressHeader] = clientAddress(req, deps.trustProxy);
    const pathname = pathnameOf(req);
    // CSRF: every state change (API routes, server actions, login, socket.io polling) must come from this site.
    if (!isSafeMethod(req.method) && !isSameOriginRequest(req.headers, publicOrigin)) {
      deps.log.warn(
        { path: pathname, origin: req.headers.origin ?? null, site: req.headers['sec-fetch-site'] ?? null },
        'refused a cross-site request',
      );
      res.writeHead(403, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ error: 'forbidden', message: 'cross-site request refused' }));
      return;
    }
    if (pathname.startsWith(socketIoPath)) return deps.socketIo(req, res);
    if (pathname === '/api/health') return deps.health(req, res);
    if (pathname === '/api/metrics' && deps.metrics) return deps.metrics(req, res);
    return withPageErrorStatus(res, () => deps.next(req, res));
  };
}

export function createUpgradeRouter(deps: {
  dev: boolean;
  publicUrl: string;
  log: Logger;
  yjs: (req: IncomingMessage, socket: Duplex, head: Buffer, pathname: string) => Promise<void>;
  socketIo: UpgradeHandler;
}): UpgradeHandler {
  const publicOrigin = new URL(deps.publicUrl).origin;
  return (req, socket, head) => {
    const pathname = pathnameOf(req);
    // Cross-site websocket hijacking: a handshake from another site's page carries the cookie too.
    if (!isSameOriginRequest(req.headers, publicOrigin) && (pathname.startsWith(yjsPathPrefix) || pathname.startsWith(socketIoPath))) {
      deps.log.warn({ path: pathname, origin: req.headers.origin ?? null }, 'refused a cross-site websocket');
      return refuseUpgrade(socket, { status: 403 });
    }
    if (pathname.startsWith(yjsPathPrefix)) return deps.yjs(req, socket, head, pathname);
    if (pathname.startsWith(socketIoPath)) return deps.socketIo(req, socket, head);
    // In development Next adds its own upgrade listener for hot reload: leave those alone.
    if (deps.dev) return;
    refuseUpgrade(socket, { status: 404 });
  };
}

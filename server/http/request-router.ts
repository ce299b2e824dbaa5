import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';
import { refuseUpgrade } from '../realtime/refuse-upgrade';
import { errorJson, errorPageHtml, refusalStatus, type RouterRefusal } from './error-page';
import { rewriteForwardedHeaders } from './forwarded-headers';
import { acceptedOrigin, isSafeMethod, isSameOriginRequest, type OriginContext } from './origin-policy';
import { withPageErrorStatus } from './page-error-status';
import { refusalFor } from './request-checks';
import { hstsFor, lockedDownCsp, setSecurityHeaders } from './security-headers';
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

/**
 * Who may send state changes and open websockets (server/http/origin-policy.ts): the public URL's
 * origin; with SAMLET_TRUST_PROXY the one the proxy names; in demo mode the loopback origins of the
 * port the request arrived on.
 */
export function originContextFor(req: IncomingMessage, options: { publicUrl: string; trustProxy: boolean; demo: boolean }): OriginContext {
  return {
    publicOrigin: new URL(options.publicUrl).origin,
    trustProxy: options.trustProxy,
    loopbackPort: options.demo ? (req.socket.localPort ?? null) : null,
  };
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
  /** Behind a reverse proxy: its X-Forwarded-For, -Host and -Proto count (else they are replaced). */
  trustProxy: boolean;
  /** Demo mode (server/config.ts): loopback origins of the same port count as our own. */
  demo: boolean;
}): RequestHandler {
  const publicUrl = new URL(deps.publicUrl);
  const hsts = hstsFor(publicUrl);
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
    const pathname = pathnameOf(req);
    // Pages set their own nonce-based CSP (proxy.ts); JSON, socket.io and the router's own answers allow nothing.
    const page = !pathname.startsWith('/api/') && !pathname.startsWith(socketIoPath);
    setSecurityHeaders(res, { hsts, csp: page ? null : lockedDownCsp });
    const context = originContextFor(req, deps);
    // The one client address Next's code may use (the login throttle): set here, never taken from the client.
    req.headers[clientAddressHeader] = clientAddress(req, deps.trustProxy);
    // CSRF: every state change (API routes, server actions, login, socket.io polling) must come from this site.
    if (!isSafeMethod(req.method) && !isSameOriginRequest(req.headers, context)) {
      deps.log.warn(
        { path: pathname, origin: req.headers.origin ?? null, site: req.headers['sec-fetch-site'] ?? null },
        'refused a cross-site request',
      );
      res.writeHead(403, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ error: 'forbidden', message: 'cross-site request refused' }));
      return;
    }
    // Nothing downstream (Next's own server-action check, next-auth) may go by forwarded headers we do not trust.
    rewriteForwardedHeaders(req, { trustProxy: deps.trustProxy, publicUrl, acceptedOrigin: acceptedOrigin(req.headers, context) });
    const refusal = refusalFor(req, pathname);
    if (refusal) return refuse(req, res, pathname, refusal);
    if (pathname.startsWith(socketIoPath)) return deps.socketIo(req, res);
    if (pathname === '/api/health') return deps.health(req, res);
    if (pathname === '/api/metrics' && deps.metrics) return deps.metrics(req, res);
    return withPageErrorStatus(res, () => deps.next(req, res));
  };
}

/** A refused body is read and dropped (so the browser, still sending, sees the answer) unless it says it is huge. */
const maxDrainedBytes = 64 * 1024 * 1024;

/** 400/411/413/414 with the Norwegian page (JSON for the API), never Next's 500. */
function refuse(req: IncomingMessage, res: ServerResponse, pathname: string, refusal: RouterRefusal): void {
  const json = pathname.startsWith('/api/');
  const body = json ? errorJson(refusal) : errorPageHtml(refusal);
  const hugeBody = Number(req.headers['content-length'] ?? 0) > maxDrainedBytes || refusal === 'length_required';
  res.writeHead(refusalStatus[refusal], {
    'content-type': json ? 'application/json' : 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'content-security-policy': lockedDownCsp,
    'cache-control': 'no-store',
    ...(hugeBody ? { connection: 'close' } : {}),
  });
  req.resume();
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function createUpgradeRouter(deps: {
  dev: boolean;
  publicUrl: string;
  trustProxy: boolean;
  demo: boolean;
  log: Logger;
  yjs: (req: IncomingMessage, socket: Duplex, head: Buffer, pathname: string) => Promise<void>;
  socketIo: UpgradeHandler;
}): UpgradeHandler {
  const publicUrl = new URL(deps.publicUrl);
  return (req, socket, head) => {
    const pathname = pathnameOf(req);
    const context = originContextFor(req, deps);
    // Cross-site websocket hijacking: a handshake from another site's page carries the cookie too.
    if (!isSameOriginRequest(req.headers, context) && (pathname.startsWith(yjsPathPrefix) || pathname.startsWith(socketIoPath))) {
      deps.log.warn({ path: pathname, origin: req.headers.origin ?? null }, 'refused a cross-site websocket');
      return refuseUpgrade(socket, { status: 403 });
    }
    rewriteForwardedHeaders(req, { trustProxy: deps.trustProxy, publicUrl, acceptedOrigin: acceptedOrigin(req.headers, context) });
    if (pathname.startsWith(yjsPathPrefix)) return deps.yjs(req, socket, head, pathname);
    if (pathname.startsWith(socketIoPath)) return deps.socketIo(req, socket, head);
    // In development Next adds its own upgrade listener for hot reload: leave those alone.
    if (deps.dev) return;
    refuseUpgrade(socket, { status: 404 });
  };
}

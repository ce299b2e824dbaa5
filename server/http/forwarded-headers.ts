import type { IncomingMessage } from 'node:http';

/**
 * What a request says about how it reached us (`X-Forwarded-For`, `-Host`,
 * `-Proto`, `-Port`, `Forwarded`) is the client's own say-so unless a proxy
 * we trust (SAMLET_TRUST_PROXY) wrote it. Without that trust the router
 * replaces these headers before anyone downstream (Next, next-auth, our own
 * code) reads them: the client's address is the socket's, the host and
 * protocol the public URL's.
 *
 * The host and protocol of an `Origin` the router has just accepted are
 * written too, trusted or not: Next checks a server action's Origin against
 * X-Forwarded-Host itself, and must agree with the one origin check that
 * already let the request through (a proxy that names its upstream host, a
 * demo at localhost while the public URL says 127.0.0.1).
 */
export function rewriteForwardedHeaders(
  req: IncomingMessage,
  options: { trustProxy: boolean; publicUrl: URL; acceptedOrigin: string | null },
): void {
  const headers = req.headers;
  if (!options.trustProxy) {
    delete headers.forwarded;
    delete headers['x-forwarded-port'];
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    headers['x-forwarded-host'] = options.publicUrl.host;
    headers['x-forwarded-proto'] = options.publicUrl.protocol.slice(0, -1);
  }
  if (options.acceptedOrigin !== null) {
    const origin = new URL(options.acceptedOrigin);
    headers['x-forwarded-host'] = origin.host;
    headers['x-forwarded-proto'] = origin.protocol.slice(0, -1);
  }
}

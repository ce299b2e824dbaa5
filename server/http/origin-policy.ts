import type { IncomingHttpHeaders } from 'node:http';

/**
 * Cross-site request forgery and cross-site websocket hijacking: a page on
 * another site can make the browser send Samlet's cookie with a form post or
 * a websocket handshake, but it cannot hide where it comes from. Browsers
 * send `Origin` on every websocket handshake and every POST, and
 * `Sec-Fetch-Site` on every request. Requests with neither header come from
 * programs (the JSON API's integrations, the tests), which hold their own
 * cookie and cannot be forged through a victim's browser.
 *
 * Which origins count is decided here only. `Host`, `X-Forwarded-Host` and
 * `X-Forwarded-Proto` are whatever the sender (or a DNS-rebinding page) put
 * there, so they count only when a proxy we trust wrote them
 * (SAMLET_TRUST_PROXY); otherwise only the public URL's origin counts, and in
 * demo mode also the loopback origins of the port the request arrived on
 * (someone trying Samlet on their own machine at localhost or 127.0.0.1).
 */
export type OriginContext = {
  /** The public URL's origin (NEXTAUTH_URL), e.g. `https://samlet.kommune.no`. */
  publicOrigin: string;
  /** SAMLET_TRUST_PROXY: the proxy's X-Forwarded-Host / -Proto (else Host) name the origin the browser saw. */
  trustProxy: boolean;
  /** Demo mode: the local port the request arrived on, whose loopback origins count too; null otherwise. */
  loopbackPort: number | null;
};

const loopbackHosts = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The accepted origin a request names in its `Origin` header, or null when
 * it sends none, or one that is not ours (another site, a look-alike,
 * `null`, garbage).
 */
export function acceptedOrigin(headers: IncomingHttpHeaders, context: OriginContext): string | null {
  const origin = originOf(single(headers.origin));
  if (origin === null) return null;
  if (origin === context.publicOrigin) return origin;
  if (context.trustProxy && origin === forwardedOrigin(headers)) return origin;
  if (context.loopbackPort !== null && loopbackHosts.some((host) => origin === `http://${host}:${context.loopbackPort}`)) return origin;
  return null;
}

/** True when the request comes from one of our own pages, or from a program (neither Origin nor Sec-Fetch-Site). */
export function isSameOriginRequest(headers: IncomingHttpHeaders, context: OriginContext): boolean {
  if (headers.origin !== undefined) return acceptedOrigin(headers, context) !== null;
  const site = single(headers['sec-fetch-site']);
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Methods that change nothing; everything else must be same-origin. */
export function isSafeMethod(method: string | undefined): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

/** The origin a trusted proxy says the browser used: X-Forwarded-Proto (else http) and X-Forwarded-Host (else Host). */
function forwardedOrigin(headers: IncomingHttpHeaders): string | null {
  const host = firstListed(headers['x-forwarded-host']) ?? single(headers.host);
  const proto = firstListed(headers['x-forwarded-proto']) ?? 'http';
  if (!host || !/^https?$/i.test(proto)) return null;
  return originOf(`${proto.toLowerCase()}://${host}`);
}

/** The serialised origin of a URL (lower case, default port dropped), or null for `null` and garbage. */
function originOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The first entry of a header a chain of proxies may have appended to (`a, b`). */
function firstListed(value: string | string[] | undefined): string | undefined {
  return single(value)?.split(',')[0]?.trim() || undefined;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

import type { IncomingHttpHeaders } from 'node:http';

/**
 * Cross-site request forgery and cross-site websocket hijacking: a page on
 * another site can make the browser send Samlet's cookie with a form post or
 * a websocket handshake, but it cannot hide where it comes from. Browsers
 * send `Origin` on every websocket handshake and every POST, and
 * `Sec-Fetch-Site` on every request; a request is same-origin when its
 * Origin is the public URL's origin or names the very host the request was
 * sent to. Requests with neither header come from programs (the JSON API's
 * integrations, the tests), which hold their own cookie and cannot be forged
 * through a victim's browser.
 */
export function isSameOriginRequest(headers: IncomingHttpHeaders, publicOrigin: string): boolean {
  const origin = single(headers.origin);
  if (origin !== undefined) {
    if (origin === publicOrigin) return true;
    const host = single(headers['x-forwarded-host']) ?? single(headers.host);
    try {
      return host !== undefined && new URL(origin).host === host.toLowerCase();
    } catch {
      return false; // "null" (sandboxed frames, some redirects) or garbage
    }
  }
  const site = single(headers['sec-fetch-site']);
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Methods that change nothing; everything else must be same-origin. */
export function isSafeMethod(method: string | undefined): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

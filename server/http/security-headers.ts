import type { ServerResponse } from 'node:http';

/**
 * The headers every answer carries, whoever writes it (Next's pages and API
 * routes, the health check, socket.io polling, the router's own refusals and
 * error pages): set by the request router before anyone answers, so no path
 * can miss them. Pages replace the CSP with their own nonce-based one
 * (proxy.ts); everything else is no document to run anything in, so its CSP
 * allows nothing.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** For answers that are not pages: JSON, the server's own error pages (which need no script and no style sheet). */
export const lockedDownCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Browsers ignore HSTS over http, so it is sent only when the public URL is https (a test or demo on http keeps working). */
export function hstsFor(publicUrl: URL): string | null {
  return publicUrl.protocol === 'https:' ? 'max-age=31536000; includeSubDomains' : null;
}

export function setSecurityHeaders(res: ServerResponse, options: { hsts: string | null; csp: string | null }): void {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
  if (options.hsts) res.setHeader('Strict-Transport-Security', options.hsts);
  if (options.csp) res.setHeader('Content-Security-Policy', options.csp);
}

/** The same headers as raw lines, for answers written straight to a socket (server/http/client-error.ts). */
export function securityHeaderLines(options: { hsts: string | null }): string {
  const lines = Object.entries(securityHeaders).map(([name, value]) => `${name}: ${value}\r\n`);
  if (options.hsts) lines.push(`Strict-Transport-Security: ${options.hsts}\r\n`);
  lines.push(`Content-Security-Policy: ${lockedDownCsp}\r\n`);
  return lines.join('');
}

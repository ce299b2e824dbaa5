import { NextResponse, type NextRequest } from 'next/server';

/**
 * A Content-Security-Policy with a fresh nonce per request: Next puts the
 * nonce on its own inline scripts, so no other inline script runs
 * ('strict-dynamic' lets the scripts it loads load theirs). Styles allow
 * inline attributes (charts and Next's style props use them); nothing else
 * comes from anywhere but this origin. All pages are rendered per request
 * already (they depend on the session), so the nonce costs nothing more.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const dev = process.env.NODE_ENV !== 'production';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Pages only: API routes, downloads and static files answer no HTML.
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|icon.svg|.*\\.(?:pdf|csv)$).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};

import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native modules and Prisma stay outside Next's bundle; Prisma is reached
  // through the client the Node server registers (lib/db/db.ts).
  serverExternalPackages: ['argon2', 'pino', 'better-sqlite3', 'pg', '@prisma/client', 'pdfkit'],
  // The security headers (X-Content-Type-Options, Referrer-Policy, X-Frame-Options, Permissions-Policy,
  // HSTS) are set by the request router on every answer, Next's or not (server/http/security-headers.ts);
  // pages add their CSP in proxy.ts.
  experimental: {
    // A page's form post may be 1 MB: the router refuses larger ones with 413 and the Norwegian page
    // (server/http/request-checks.ts) before Next's own check, which would answer 500, is reached.
    serverActions: { bodySizeLimit: '1mb' },
  },
};

export default nextConfig;

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RuntimeConfig } from '../lib/runtime/runtime-config';
import { defaultThemeColor } from '../lib/theme/theme-css';

/**
 * Configuration from the environment, validated once at start. A bad value
 * stops the process with a message naming the variable (see docs/configuration.md).
 */
const flag = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((value) => ['1', 'true', 'yes'].includes(value));

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
      .default('file:./data/samlet.db'),
    SAMLET_DATA_DIR: z.string().min(1).default('./data'),
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    NEXTAUTH_URL: z.url().optional(),
    SAMLET_DEMO: flag.optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default('Kommunens innlogging'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** How long an edit may wait in memory before it is written (the durability window). */
    SAMLET_YJS_FLUSH_MS: z.coerce.number().int().min(1).max(1000).default(20),
    /** How long a checked session is kept before the database is asked again (0: never kept; lib/auth/session-cache.ts). */
    SAMLET_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
    /**
     * SQLite's fsync policy (WAL mode). normal: a commit survives a crash of the process, not
     * necessarily of the machine, and writes do not wait for the disk (docs/performance.md).
     */
    SAMLET_SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
    /** How long a login lasts, in seconds (absolute: activity does not extend it). A work day by default. */
    SAMLET_SESSION_MAX_AGE: z.coerce
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3600)
      .default(8 * 3600),
    /** Months after a person's last conclusion before their cases are anonymised (0 = never). */
    SAMLET_RETENTION_MONTHS: z.coerce.number().int().min(0).max(600).default(24),
    /** Behind a reverse proxy that overwrites X-Forwarded-For/-Host/-Proto: the client's address and the origin the browser used come from them. */
    SAMLET_TRUST_PROXY: flag.optional(),
    /** GET /api/metrics for the benchmark (process figures only, never content). */
    SAMLET_METRICS: flag.optional(),
    /** Several nodes: the Redis that carries socket.io, Yjs relay and cluster control between them (docs/architecture.md). */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
      .optional(),
    /** Prefix of every Redis key and channel, so several installations (or test runs) can share one Redis. */
    SAMLET_REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, colon, dash or underscore (at most 64)')
      .default('samlet:'),
    /** The installation's main colour: Designsystemet's accent scale is derived from it (docs/configuration.md, "Look"). */
    SAMLET_THEME_COLOR: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
      .default(defaultThemeColor),
    /** A logo Samlet serves itself (the page's CSP allows only its own images): a path such as /logo.svg, or a data:image/ URL. */
    SAMLET_LOGO_URL: z
      .string()
      .regex(/^(\/(?!\/)\S*|data:image\/\S+)$/, 'a path on this site (/logo.svg) or a data:image/ URL')
      .optional(),
    /** Who runs this installation, named in the accessibility statement. */
    SAMLET_ORGANISATION: z.string().min(1).max(200).default('Kommunen'),
    /** The published accessibility statement (uustatus.no), linked from /tilgjengelighet. */
    SAMLET_ACCESSIBILITY_STATEMENT_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Where people report accessibility problems (an e-mail address), named in the statement. */
    SAMLET_ACCESSIBILITY_CONTACT: z.email().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.REDIS_URL && env.DATABASE_URL.startsWith('file:')) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: "several nodes need PostgreSQL: SQLite is one node's own file (unset REDIS_URL or set a postgresql:// DATABASE_URL)",
      });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none',
      });
    }
  });

export type Config = {
  env: Environment;
  port: number;
  host: string;
  dev: boolean;
  databaseUrl: string;
  dataDir: string;
  authSecret: string;
  authUrl: string;
  /** True when no secret was configured: a generated one is used and demo data may be seeded. */
  demo: boolean;
  secretGenerated: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
  yjsFlushMs: number;
  sessionCacheMs: number;
  metrics: boolean;
  sqliteSynchronous: 'normal' | 'full';
  trustProxy: boolean;
  /** Null: one node on its own (the default). */
  redis: { url: string; prefix: string } | null;
};

export class ConfigError extends Error {}

export type Environment = z.infer<typeof envSchema>;

/** The environment, validated: what the command-line tools use (server/cli), and loadConfig builds on. */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function loadConfig(source: Record<string, string | undefined>, options: { dev?: boolean } = {}): Config {
  const env = parseEnvironment(source);
  const dataDir = path.resolve(env.SAMLET_DATA_DIR);
  const secret = env.NEXTAUTH_SECRET ?? readOrCreateDemoSecret(dataDir);
  const port = env.PORT;
  return {
    env,
    port,
    host: env.HOST,
    dev: options.dev ?? false,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    authSecret: secret,
    authUrl: env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    demo: env.SAMLET_DEMO ?? !env.NEXTAUTH_SECRET,
    secretGenerated: !env.NEXTAUTH_SECRET,
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, name: env.OIDC_NAME }
        : null,
    yjsFlushMs: env.SAMLET_YJS_FLUSH_MS,
    sessionCacheMs: env.SAMLET_SESSION_CACHE_MS,
    metrics: env.SAMLET_METRICS ?? false,
    sqliteSynchronous: env.SAMLET_SQLITE_SYNCHRONOUS,
    trustProxy: env.SAMLET_TRUST_PROXY ?? false,
    redis: env.REDIS_URL ? { url: env.REDIS_URL, prefix: env.SAMLET_REDIS_PREFIX } : null,
  };
}

/** Demo mode: a random secret kept under the data folder so sessions survive restarts. */
function readOrCreateDemoSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** What lib/ and app/ get of the configuration, through the runtime services (lib/runtime/services.ts). */
export function runtimeConfigOf(config: Config): RuntimeConfig {
  return {
    publicUrl: config.authUrl,
    authSecret: config.authSecret,
    demo: config.demo,
    sessionMaxAgeSeconds: config.env.SAMLET_SESSION_MAX_AGE,
    retentionMonths: config.env.SAMLET_RETENTION_MONTHS,
    oidc: config.oidc,
    theme: { color: config.env.SAMLET_THEME_COLOR, logoUrl: config.env.SAMLET_LOGO_URL ?? null },
    organisation: config.env.SAMLET_ORGANISATION,
    accessibilityStatementUrl: config.env.SAMLET_ACCESSIBILITY_STATEMENT_URL ?? null,
    accessibilityContact: config.env.SAMLET_ACCESSIBILITY_CONTACT ?? null,
  };
}

/**
 * next-auth reads NEXTAUTH_URL and NEXTAUTH_SECRET from process.env on its
 * own (callback URLs, its secret fallback), so the resolved values are
 * published there before Next loads. Samlet's own code reads the runtime
 * config instead.
 */
export function publishAuthEnvironment(config: Config): void {
  process.env.NEXTAUTH_SECRET = config.authSecret;
  process.env.NEXTAUTH_URL = config.authUrl;
}

import type { LiveSessionControl } from '../realtime/live-sessions';
import type { LiveMeetingControl } from '../realtime/live-meetings';
import type { CaseContentStore } from '../cases/case-content-store';
import type { ItemContentStore } from '../meetings/item-content-store';
import type { ThrottleStore } from '../auth/login-throttle';
import type { SessionCache } from '../auth/session-cache';
import type { Db, DbProvider } from '../db/db';
import type { RuntimeConfig } from './runtime-config';

/**
 * What the running process provides to lib/: the one seam between the Node
 * server (server/start-server.ts registers these at start) and the domain
 * code that Next's bundled pages, route handlers and actions run. Next's
 * bundle holds its own copy of every lib/ module, so the values live on
 * globalThis under one key, and nothing else in lib/ touches globalThis.
 *
 * A process that renders pages elsewhere (a worker thread or a process of
 * its own) registers its own set before it renders: its own database client,
 * the configuration it was handed, and for the rest proxies that message the
 * process holding the documents and live connections. Every service is an
 * interface of async (or fire-and-forget) calls so that such a proxy fits.
 */
export type RuntimeServices = {
  config: RuntimeConfig;
  db: Db;
  dbProvider: DbProvider;
  /** Case form content, which lives in Yjs documents held by the server. */
  caseContent: CaseContentStore;
  /** Agenda item content in its Yjs document (a version restore). Absent in the command-line tools. */
  itemContent?: ItemContentStore;
  /** Failed logins shared between nodes (Redis). Absent: each node counts in its own memory. */
  throttleStore?: ThrottleStore;
  /** The server's live websockets. Absent where none are held (command-line tools): nothing to close. */
  liveSessions?: LiveSessionControl;
  /** The open meeting rooms (socket.io). Absent where none are held (command-line tools): nobody to tell. */
  liveMeetings?: LiveMeetingControl;
  /** Live sessions kept for a few seconds (lib/auth/session-cache.ts). Absent: each check reads the database. */
  sessionCache?: SessionCache;
};

type Optional = 'throttleStore' | 'liveSessions' | 'liveMeetings' | 'sessionCache';
type Required = Exclude<keyof RuntimeServices, Optional>;
const required: readonly Required[] = ['config', 'db', 'dbProvider', 'caseContent'];

const slot = Symbol.for('samlet.runtime-services');
type WithServices = typeof globalThis & { [slot]?: Partial<RuntimeServices> };

export class RuntimeServicesMissing extends Error {
  constructor(missing: readonly string[]) {
    super(`Samlet's runtime services are not registered (${missing.join(', ')}): start Samlet through server/main.ts`);
    this.name = 'RuntimeServicesMissing';
  }
}

/** Registers (or replaces) services; several calls add up, so an optional one may come later (the cluster's throttle store). */
export function registerRuntimeServices(services: Partial<RuntimeServices>): void {
  const holder = globalThis as WithServices;
  holder[slot] = { ...holder[slot], ...services };
}

/** The registered services, or one clear error naming what is missing. */
export function runtimeServices(): RuntimeServices {
  const services = (globalThis as WithServices)[slot] ?? {};
  const missing = required.filter((name) => services[name] === undefined);
  if (missing.length > 0) throw new RuntimeServicesMissing(missing);
  return services as RuntimeServices;
}

/** An optional service, or undefined when the process runs without it. */
export function optionalRuntimeService<K extends Optional>(name: K): RuntimeServices[K] | undefined {
  return (globalThis as WithServices)[slot]?.[name];
}

/** The validated configuration (server/config.ts), never process.env. */
export function runtimeConfig(): RuntimeConfig {
  return runtimeServices().config;
}

/**
 * The configuration when the process has registered it, else undefined: for
 * the root layout, which Next also renders at build time (the static
 * not-found page), where the defaults stand in.
 */
export function optionalRuntimeConfig(): RuntimeConfig | undefined {
  return (globalThis as WithServices)[slot]?.config;
}

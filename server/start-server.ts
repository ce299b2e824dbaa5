import { createServer, type Server } from 'node:http';
import path from 'node:path';
import next from 'next';
import { sessionCookieName } from '../lib/auth/session-cookie';
import { seedDemoData } from '../lib/seed/demo-seed';
import { createSessionResolver } from './auth/session-resolver';
import { registerRuntimeServices } from '../lib/runtime/services';
import { loadConfig, publishAuthEnvironment, runtimeConfigOf, type Config } from './config';
import { applyMigrations } from './db/apply-migrations';
import { restemSearchEntries } from '../lib/history/restem-search-entries';
import { backfillConcludedDecisions } from '../lib/history/concluded-decisions';
import { systemClock } from '../lib/time/clock';
import { createPrismaClient } from './db/create-prisma-client';
import { SessionCache } from '../lib/auth/session-cache';
import { resolveDatabaseTarget } from './db/database-url';
import { createHealthHandler } from './http/health';
import { createMetricsHandler } from './http/metrics';
import { createRequestRouter, createUpgradeRouter, originContextFor } from './http/request-router';
import { createLogger } from './logger';
import { closeCodes } from './realtime/close-codes';
import { LiveConnections } from './realtime/live-connections';
import { watchLiveSessions } from './realtime/watch-live-sessions';
import { createClientErrorHandler } from './http/client-error';
import { isSameOriginRequest } from './http/origin-policy';
import { hstsFor } from './http/security-headers';
import { scheduleRetention } from './privacy/retention-job';
import { documentsInUse } from './privacy/documents-in-use';
import { scheduleMeetingGeneration } from './meetings/generation-job';
import { scheduleMinutesReminders } from './minutes/reminder-job';
import { migrateItemDocuments } from './meetings/migrate-item-documents';
import { createSocketServer } from './realtime/socketio/socket-server';
import { createReadinessPush } from './realtime/readiness-push';
import { SqliteDocumentStore } from './realtime/yjs/sqlite-document-store';
import { PrismaDocumentStore, type DocumentStore } from './realtime/yjs/document-store';
import { DocumentRegistry } from './realtime/yjs/document-registry';
import { createYjsEndpoint } from './realtime/yjs/yjs-endpoint';
import { createYjsCaseContentStore } from './realtime/yjs/case-content-store';
import { createCaseSummarySync } from './realtime/yjs/case-summary-sync';
import { createMeetingDocuments } from './realtime/yjs/meeting-documents';
import { startCluster } from './cluster/start-cluster';
import { exclusiveOnCluster } from './cluster/run-exclusive';
import { meetingRooms } from '../lib/realtime/meeting-socket-contract';

/** Waits for a closing step at most `ms`, then moves on with a warning naming it. */
async function settleWithin(step: Promise<unknown>, ms: number, name: string, log: ReturnType<typeof createLogger>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const outcome = await Promise.race([
    step.then(
      () => 'done' as const,
      () => 'done' as const,
    ),
    late,
  ]);
  clearTimeout(timer);
  if (outcome === 'late') log.warn({ step: name, ms }, 'shutting down: a closing step did not finish in time; going on');
}

export type RunningServer = { server: Server; config: Config; shutdown: (reason: string) => Promise<boolean> };

/**
 * Boots the one Samlet process: configuration, migrations, demo data, Next,
 * socket.io and the Yjs endpoint on one port.
 */
export async function startServer(options: { dev: boolean; root?: string }): Promise<RunningServer> {
  const root = options.root ?? path.resolve(import.meta.dirname, '..');
  const config = loadConfig(process.env, { dev: options.dev });
  const log = createLogger(config.env.LOG_LEVEL);
  publishAuthEnvironment(config);
  if (config.secretGenerated) {
    log.warn(
      { file: path.join(config.dataDir, 'auth-secret') },
      'demo mode: no NEXTAUTH_SECRET set, using a generated secret kept under the data folder',
    );
  }

  const target = resolveDatabaseTarget(config.databaseUrl);
  const migrations = await applyMigrations(target, root);
  log.info({ provider: target.provider, applied: migrations.applied }, 'database ready');
  // With metrics on, every SQL statement is counted (bench/page-cost.ts, tests/integration/page-queries.test.ts).
  let databaseQueries = 0;
  const db = createPrismaClient(target, config.metrics ? { onQuery: () => (databaseQueries += 1) } : {});
  // better-sqlite3 writes on the event loop: a wait for fsync on every commit stalls every websocket.
  if (target.provider === 'sqlite') await db.$executeRawUnsafe(`PRAGMA synchronous = ${config.sqliteSynchronous.toUpperCase()}`);
  // SQLite keeps no statistics by itself: without them its planner reads a unit's whole history where an index
  // would find a few rows (docs/performance.md). Gathered at start, then every few hours, as SQLite advises for
  // long-lived connections; PostgreSQL's autovacuum does the same there.
  const optimizeSqlite =
    target.provider === 'sqlite'
      ? setInterval(() => void db.$executeRawUnsafe('PRAGMA optimize').catch(() => undefined), 6 * 3600_000)
      : null;
  optimizeSqlite?.unref();
  if (target.provider === 'sqlite') await db.$executeRawUnsafe('PRAGMA optimize=0x10002');
  // Search entries written before the index held stems (or by a writer that left them out) get them now.
  const restemmed = await restemSearchEntries(db);
  if (restemmed) log.info({ entries: restemmed }, 'search entries stemmed for the index');
  // Meetings closed before the store of concluded decisions existed get their rows now (lib/history/concluded-decisions.ts).
  const backfilled = await backfillConcludedDecisions(db, systemClock.now());
  if (backfilled) log.info({ meetings: backfilled }, 'concluded decisions stored for the similar-cases panel');
  if (config.demo) {
    const { seeded } = await seedDemoData(db);
    if (seeded) log.info('demo data seeded (logins in README.md, password demo1234)');
  }

  const nextApp = next({ dev: config.dev, dir: root, hostname: 'localhost', port: config.port });
  await nextApp.prepare();
  const nextHandler = nextApp.getRequestHandler();

  const resolveSession = createSessionResolver({ db, secret: config.authSecret, cookieName: sessionCookieName(config.authUrl) });
  const documentStore: DocumentStore =
    target.provider === 'sqlite'
      ? new SqliteDocumentStore({ filePath: target.filePath, synchronous: config.sqliteSynchronous })
      : new PrismaDocumentStore(db);
  const registry: DocumentRegistry = new DocumentRegistry(documentStore, {
    flushMs: config.yjsFlushMs,
    // While in use, a document is compacted every 1000–1500 writes (and always when its last client leaves).
    compactEvery: 1000,
    log,
    afterWrite: (name) => {
      summarySync.schedule(name);
      readinessPush.schedule(name);
    },
  });
  const caseContent = createYjsCaseContentStore(registry);
  const summarySync = createCaseSummarySync({ db, store: caseContent, log });
  // What a case lacks, pushed to the open rooms of its meetings as the caseworker fills it in (set below, once socket.io is up).
  let agendaChanged: (meetingId: string) => void = () => undefined;
  const readinessPush = createReadinessPush({ db, store: caseContent, log, agendaChanged: (meetingId) => agendaChanged(meetingId) });
  const live = new LiveConnections();
  // Checked sessions kept a few seconds; every logout and access change empties it on every node (below, and the cluster's).
  const sessions = new SessionCache({ ttlMs: config.sessionCacheMs });
  // With REDIS_URL: documents, access changes, ended sessions and socket.io rooms span every node.
  const cluster = config.redis ? await startCluster({ ...config.redis, log, registry, live, sessions }) : null;
  // All that lib/ reaches beyond its arguments, registered in one place before the first request
  // (the cluster has added its shared login throttle store already).
  const meetingDocuments = createMeetingDocuments(registry, documentStore, log);
  registerRuntimeServices({
    config: runtimeConfigOf(config),
    db,
    dbProvider: target.provider,
    caseContent,
    itemContent: { read: meetingDocuments.readItem, write: meetingDocuments.writeItem },
    // Answered once every node has forgotten the sessions (or a second has passed: cluster-control.ts).
    liveSessions: {
      endSessions: async (ids) => {
        sessions.dropSessions(ids);
        live.end(ids);
        await cluster?.control.endSessions(ids);
      },
      recheckUser: async (userId) => {
        sessions.dropUser(userId);
        live.recheckUser(userId);
        await cluster?.control.recheckUser(userId);
      },
      forgetUser: async (userId) => {
        sessions.dropUser(userId);
        await cluster?.control.forgetUser(userId);
      },
    },
    ...(config.sessionCacheMs > 0 ? { sessionCache: sessions } : {}),
  });
  const sessionWatch = watchLiveSessions({ db, live, log });
  const exclusive = cluster
    ? exclusiveOnCluster(cluster.bus, { onLost: (job) => log.warn({ job }, 'job lock taken by another node; the job may run twice') })
    : undefined;
  // Before the first connection: documents in the old shape are converted while no one edits them.
  await migrateItemDocuments({ db, registry, log, exclusive });
  const retention = scheduleRetention({
    db,
    log,
    months: config.env.SAMLET_RETENTION_MONTHS,
    exclusive,
    documentsInUse: documentsInUse(registry, cluster?.bus ?? null),
  });
  const generation = scheduleMeetingGeneration({ db, log, exclusive, store: caseContent });
  const originOptions = { publicUrl: config.authUrl, trustProxy: config.trustProxy, demo: config.demo };
  const yjs = createYjsEndpoint({ db, registry, resolveSession, log, live });
  const minutesReminders = scheduleMinutesReminders({ db, log, exclusive });
  const socketServer = createSocketServer({
    db,
    resolveSession,
    log,
    live,
    documents: meetingDocuments,
    originAllowed: (req) => isSameOriginRequest(req.headers, originContextFor(req, originOptions)),
    adapter: cluster?.socketIoAdapter,
  });
  // Changes made outside the room's socket (server actions, the readiness push) reach every open room, on every node.
  agendaChanged = (meetingId) => {
    const { room, agenda } = meetingRooms(meetingId);
    socketServer.io.to([room, agenda]).emit('meeting:agenda-changed', { meetingId });
  };
  registerRuntimeServices({ liveMeetings: { agendaChanged } });

  const metrics = config.metrics
    ? createMetricsHandler({
        openDocuments: () => registry.openCount,
        unsavedDocuments: () => registry.unsavedCount,
        databaseQueries: () => databaseQueries,
      })
    : undefined;
  const server = createServer(
    createRequestRouter({
      log,
      next: nextHandler,
      health: createHealthHandler(db, {
        unsavedDocuments: () => registry.unsavedCount,
        redisConnected: cluster ? () => cluster.bus.healthy : undefined,
      }),
      socketIo: socketServer.handleRequest,
      metrics,
      ...originOptions,
    }),
  );
  server.on(
    'upgrade',
    createUpgradeRouter({ dev: config.dev, ...originOptions, log, yjs: yjs.handleUpgrade, socketIo: socketServer.handleUpgrade }),
  );
  server.on('clientError', createClientErrorHandler({ hsts: hstsFor(new URL(config.authUrl)) }));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info(
    { port, provider: target.provider, dev: config.dev, demo: config.demo, cluster: cluster ? cluster.bus.nodeId : null },
    `Samlet listening on http://localhost:${port}`,
  );

  let stopping: Promise<boolean> | null = null;
  const shutdown = (reason: string) =>
    (stopping ??= (async () => {
      log.info({ reason }, 'shutting down: no new connections, flushing documents');
      server.close();
      sessionWatch.stop();
      retention.stop();
      generation.stop();
      minutesReminders.stop();
      for (const ws of yjs.clients()) ws.close(closeCodes.goingAway, 'server shutting down');
      summarySync.stop();
      readinessPush.stop();
      const flushed = await registry.close();
      log.info({ flushed }, 'shutting down: documents written');
      await documentStore.close();
      for (const ws of yjs.clients()) ws.terminate();
      await socketServer.close();
      await cluster?.close();
      server.closeAllConnections();
      log.info('shutting down: connections closed');
      // Everything is written by now: a close that hangs is logged, and does not hold the exit.
      await settleWithin(nextApp.close?.() ?? Promise.resolve(), 3000, 'next', log);
      await settleWithin(db.$disconnect(), 3000, 'database', log);
      log.info({ flushed }, 'stopped');
      return flushed;
    })());

  return { server, config, shutdown };
}

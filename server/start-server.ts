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
import { createPrismaClient } from './db/create-prisma-client';
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
import { migrateItemDocuments } from './meetings/migrate-item-documents';
import { createSocketServer } from './realtime/socketio/socket-server';
import { SqliteDocumentStore } from './realtime/yjs/sqlite-document-store';
import { PrismaDocumentStore, type DocumentStore } from './realtime/yjs/document-store';
import { DocumentRegistry } from './realtime/yjs/document-registry';
import { createYjsEndpoint } from './realtime/yjs/yjs-endpoint';
import { createYjsCaseContentStore } from './realtime/yjs/case-content-store';
import { createCaseSummarySync } from './realtime/yjs/case-summary-sync';
import { createMeetingDocuments } from './realtime/yjs/meeting-documents';
import { startCluster } from './cluster/start-cluster';
import { exclusiveOnCluster } from './cluster/run-exclusive';

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
  const db = createPrismaClient(target);
  // better-sqlite3 writes on the event loop: a wait for fsync on every commit stalls every websocket.
  if (target.provider === 'sqlite') await db.$executeRawUnsafe(`PRAGMA synchronous = ${config.sqliteSynchronous.toUpperCase()}`);
  // Search entries written before the index held stems (or by a writer that left them out) get them now.
  const restemmed = await restemSearchEntries(db);
  if (restemmed) log.info({ entries: restemmed }, 'search entries stemmed for the index');
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
    afterWrite: (name) => summarySync.schedule(name),
  });
  const caseContent = createYjsCaseContentStore(registry);
  const summarySync = createCaseSummarySync({ db, store: caseContent, log });
  const live = new LiveConnections();
  // With REDIS_URL: documents, access changes, ended sessions and socket.io rooms span every node.
  const cluster = config.redis ? await startCluster({ ...config.redis, log, registry, live }) : null;
  // All that lib/ reaches beyond its arguments, registered in one place before the first request
  // (the cluster has added its shared login throttle store already).
  const meetingDocuments = createMeetingDocuments(registry, documentStore, log);
  registerRuntimeServices({
    config: runtimeConfigOf(config),
    db,
    dbProvider: target.provider,
    caseContent,
    itemContent: { read: meetingDocuments.readItem, write: meetingDocuments.writeItem },
    liveSessions: {
      endSessions: (ids) => {
        live.end(ids);
        cluster?.control.endSessions(ids);
      },
      recheckUser: (userId) => {
        live.recheckUser(userId);
        cluster?.control.recheckUser(userId);
      },
    },
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
  const generation = scheduleMeetingGeneration({ db, log, exclusive });
  const originOptions = { publicUrl: config.authUrl, trustProxy: config.trustProxy, demo: config.demo };
  const yjs = createYjsEndpoint({ db, registry, resolveSession, log, live });
  const socketServer = createSocketServer({
    db,
    resolveSession,
    log,
    live,
    documents: meetingDocuments,
    originAllowed: (req) => isSameOriginRequest(req.headers, originContextFor(req, originOptions)),
    adapter: cluster?.socketIoAdapter,
  });

  const metrics = config.metrics
    ? createMetricsHandler({ openDocuments: () => registry.openCount, unsavedDocuments: () => registry.unsavedCount })
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
      for (const ws of yjs.clients()) ws.close(closeCodes.goingAway, 'server shutting down');
      summarySync.stop();
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

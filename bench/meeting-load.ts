/**
 * Realtime benchmark: live meetings on a real Samlet server against the
 * reference y-websocket server (`@y/websocket-server` 0.1.1), same clients.
 *
 *   npx tsx bench/meeting-load.ts [--quick] [--meetings=50,100] [--cpu-prof=DIR]   (npm run bench:meeting-load)
 *
 * `--cpu-prof=DIR` writes a V8 CPU profile of the Samlet server to DIR when
 * it shuts down (open it in Chrome DevTools or speedscope).
 *
 * Prints figures; it is not a test and fails on nothing but a crash. What it
 * does and the last figures measured: docs/performance.md.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { Db } from '../lib/db/db';
import { createTestDatabase, type TestDatabase } from '../tests/support/databases';
import { demo, demoFixtures, openDb } from '../tests/support/fixtures';
import { loginDemoUsers } from '../tests/support/login';
import { benchUsers } from './bench-users';
import { createLiveMeetings } from './live-meetings';
import { startTestServer, type TestServer } from '../tests/support/test-server';
import { connectYjs, waitFor, whenSynced, type YjsClient } from '../tests/support/yjs-client';
import { monoMs } from './clock';
import { cpuSeconds, machineBusySeconds, rssBytes } from './process-usage';
import type { LoadClientSpec, ParentMessage, WorkerMessage } from './protocol';

const root = path.resolve(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');

/** `--meetings=50,100` runs only those meeting counts. */
const meetingsArg = process.argv.find((a) => a.startsWith('--meetings='));
/** `--nodes`: Samlet on PostgreSQL as one node, and as two nodes with Redis (issue 6), beside the reference. */
const scaleOut = process.argv.includes('--nodes');
const redisUrl = process.env.SAMLET_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const cpuProfileDir = process.argv.find((a) => a.startsWith('--cpu-prof='))?.slice('--cpu-prof='.length);
const settings = {
  meetingCounts: meetingsArg
    ? meetingsArg.slice('--meetings='.length).split(',').map(Number)
    : quick
      ? [10, 50]
      : scaleOut
        ? [50, 80, 100, 130]
        : [10, 50, 100, 200],
  participants: 10,
  typists: 2,
  editIntervalMs: 200, // 5 edits/s per typist
  awarenessIntervalMs: 1000, // 1 Hz per participant
  warmupMs: quick ? 3_000 : 5_000,
  windowMs: quick ? 10_000 : 20_000,
  drainMs: 3_000,
  loadProcesses: 2,
  connectBatch: 25,
  connectTimeoutMs: 120_000,
  syncHistoryBytes: 150_000,
  syncRuns: 30,
  /** The whole run stops itself after this long, whatever happens. */
  deadlineMs: quick ? 15 * 60_000 : 45 * 60_000,
};

const targets = { p99AtM: 50, p99Ms: 50, syncP50Ms: 50 };

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
/** Sleeps until a time on the shared monotonic clock (bench/clock.ts). */
const sleepUntil = (at: number) => sleep(at - monoMs());

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Processes of this benchmark: this one, the Samlet server, and every forked child (reference server, load processes). */
const ownPids = new Set<number>([process.pid]);

type CpuSnapshot = { at: number; machine: number; own: number };

function cpuSnapshot(): CpuSnapshot {
  let own = 0;
  for (const pid of [...ownPids, ...[...children].map((c) => c.pid)]) {
    if (pid === undefined) continue;
    try {
      own += cpuSeconds(pid);
    } catch {
      // it has just exited
    }
  }
  return { at: monoMs(), machine: machineBusySeconds(), own };
}

/** CPU (% of one core) used between two snapshots by processes that are not part of the benchmark. */
function otherCpuPercent(a: CpuSnapshot, b: CpuSnapshot): number {
  return Math.max(0, ((b.machine - a.machine - (b.own - a.own)) / ((b.at - a.at) / 1000)) * 100);
}

/**
 * Other work on the machine (a test run, a build) distorts every figure here.
 * Waits, at most two minutes, until other processes use under 15 % of a core;
 * measures anyway after that, and says so.
 */
async function waitForQuietMachine(): Promise<void> {
  const until = monoMs() + 120_000;
  let told = false;
  for (;;) {
    const before = cpuSnapshot();
    await sleep(2000);
    const other = otherCpuPercent(before, cpuSnapshot());
    if (other < 15) return;
    if (monoMs() > until) {
      console.log(`  (other processes still use ${other.toFixed(0)} % of a core: measuring anyway)`);
      return;
    }
    if (!told) console.log(`  (waiting for the machine to be quiet: other processes use ${other.toFixed(0)} % of a core)`);
    told = true;
  }
}

/** Resident memory of a process in MB (VmRSS from /proc/<pid>/status). */
function rssMb(pid: number): number {
  return Math.round(rssBytes(pid) / 2 ** 20);
}

type ServerMetrics = { eventLoopDelayMs: { p50: number; p99: number; max: number }; rssBytes: number; openDocuments?: number };

async function fetchMetrics(url: string): Promise<ServerMetrics> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as ServerMetrics;
}

function fmt(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Deterministic pseudo-random numbers, so the history document is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- processes

const children = new Set<ChildProcess>();

function forkTracked(script: string): ChildProcess {
  const child = fork(path.join(root, 'bench', script), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function waitForMessage<T extends WorkerMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
  what: string,
): Promise<Extract<WorkerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => (done(), reject(new Error(`${what}: no '${type}' within ${timeoutMs} ms`))), timeoutMs);
    const onMessage = (message: WorkerMessage) => {
      if (message.type === type) {
        done();
        resolve(message as Extract<WorkerMessage, { type: T }>);
      } else if (message.type === 'error') {
        done();
        reject(new Error(`${what}: ${message.message}`));
      }
    };
    const onExit = (code: number | null) => (done(), reject(new Error(`${what}: load process exited with ${code}`)));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function sendTo(child: ChildProcess, message: ParentMessage): void {
  child.send(message);
}

async function stopChild(child: ChildProcess, timeoutMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited.finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------- the two servers

type Target = {
  name: string;
  url: string;
  /** Every node of the target (one, except for `--nodes`); a meeting's participants are spread over them. */
  urls: string[];
  pid: number;
  pids: number[];
  metricsUrl: string;
  metricsUrls: string[];
  cookieFor: (participant: number) => string | null;
  newMeetings: (count: number) => Promise<string[]>;
  /** Waits (bounded) until the server holds no open document. */
  waitIdle: () => Promise<boolean>;
};

async function waitNoOpenDocuments(metricsUrl: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const metrics = await fetchMetrics(metricsUrl).catch(() => null);
    if (metrics?.openDocuments === 0) return true;
    await sleep(100);
  }
  return false;
}

// ---------------------------------------------------------------- load scenario

type ScenarioResult = {
  target: Target['name'];
  meetings: number;
  clients: number;
  synced: number;
  failed: number;
  connectMs: number;
  samples: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  received: number;
  expected: number;
  serverCpuPercent: number;
  /** CPU used during the window by processes outside the benchmark (% of one core). */
  otherCpuPercent: number;
  serverRssMb: number;
  serverLoop: ServerMetrics['eventLoopDelayMs'];
  loadCpuPercent: number[];
  loadLoopP99: number[];
  disconnects: number;
  idleAfter: boolean;
};

async function runScenario(target: Target, meetingCount: number): Promise<ScenarioResult> {
  await waitForQuietMachine();
  const docNames = await target.newMeetings(meetingCount);
  const perProcess: LoadClientSpec[][] = Array.from({ length: settings.loadProcesses }, () => []);
  docNames.forEach((docName, m) => {
    for (let p = 0; p < settings.participants; p += 1) {
      // A meeting's participants are spread over the load processes, so edits cross processes.
      perProcess[(m + p) % settings.loadProcesses].push({
        docName,
        // Spread over many accounts: a node allows 50 websockets per user (server/realtime/yjs/limits.ts).
        cookie: target.cookieFor(m * settings.participants + p),
        tag: `m${m}c${p}`,
        typist: p < settings.typists,
        // With two nodes every meeting spans both (a balancer does not know meetings): every edit crosses Redis.
        serverUrl: target.urls[(m + p) % target.urls.length],
      });
    }
  });

  const workers = perProcess.map(() => forkTracked('load-worker.ts'));
  try {
    const connected = await Promise.all(
      workers.map((worker, i) => {
        const reply = waitForMessage(worker, 'connected', settings.connectTimeoutMs + 60_000, `load process ${i}`);
        sendTo(worker, {
          type: 'connect',
          serverUrl: target.url,
          clients: perProcess[i],
          batchSize: settings.connectBatch,
          connectTimeoutMs: settings.connectTimeoutMs,
        });
        return reply;
      }),
    );

    const startAt = monoMs() + 500;
    const windowStartAt = startAt + settings.warmupMs;
    const windowEndAt = windowStartAt + settings.windowMs;
    for (const worker of workers) {
      sendTo(worker, {
        type: 'run',
        startAt,
        windowStartAt,
        windowEndAt,
        editIntervalMs: settings.editIntervalMs,
        awarenessIntervalMs: settings.awarenessIntervalMs,
      });
    }

    await sleepUntil(windowStartAt);
    await Promise.all(target.metricsUrls.map(fetchMetrics)); // resets the event-loop histograms
    const targetCpu = () => target.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const cpuStart = targetCpu();
    const machineStart = cpuSnapshot();
    await sleepUntil(windowEndAt);
    const cpuEnd = targetCpu();
    const machineEnd = cpuSnapshot();
    const elapsedSeconds = (machineEnd.at - machineStart.at) / 1000;
    const nodeMetrics = await Promise.all(target.metricsUrls.map(fetchMetrics));
    // Several nodes: the worst node's event-loop delay, the sum of their memory.
    const metrics = nodeMetrics.reduce((worst, m) => (m.eventLoopDelayMs.p99 > worst.eventLoopDelayMs.p99 ? m : worst));
    const serverRss = target.pids.reduce((sum, pid) => sum + rssMb(pid), 0);
    await sleep(settings.drainMs);

    const reports = await Promise.all(
      workers.map((worker, i) => {
        const reply = waitForMessage(worker, 'report', 30_000, `load process ${i}`);
        sendTo(worker, { type: 'report' });
        return reply;
      }),
    );

    const sentByMeeting = new Map<string, number>();
    const observersByMeeting = new Map<string, number>();
    let received = 0;
    const latencies: number[] = [];
    for (const report of reports) {
      for (const t of report.typists) sentByMeeting.set(t.docName, (sentByMeeting.get(t.docName) ?? 0) + t.sent);
      for (const o of report.observers) {
        observersByMeeting.set(o.docName, (observersByMeeting.get(o.docName) ?? 0) + 1);
        received += o.received;
      }
      for (const value of report.latencies) latencies.push(value);
    }
    let expected = 0;
    for (const [docName, sent] of sentByMeeting) expected += sent * (observersByMeeting.get(docName) ?? 0);
    latencies.sort((a, b) => a - b);

    await Promise.all(
      workers.map((worker, i) => {
        const reply = waitForMessage(worker, 'closed', 15_000, `load process ${i}`).catch(() => undefined);
        sendTo(worker, { type: 'close' });
        return reply;
      }),
    );
    await Promise.all(workers.map((worker) => stopChild(worker)));
    const idleAfter = await target.waitIdle();

    return {
      target: target.name,
      meetings: meetingCount,
      clients: meetingCount * settings.participants,
      synced: connected.reduce((sum, c) => sum + c.synced, 0),
      failed: connected.reduce((sum, c) => sum + c.failed, 0),
      connectMs: Math.max(...connected.map((c) => c.ms)),
      samples: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.length ? latencies[latencies.length - 1] : null,
      received,
      expected,
      serverCpuPercent: ((cpuEnd - cpuStart) / elapsedSeconds) * 100,
      otherCpuPercent: otherCpuPercent(machineStart, machineEnd),
      serverRssMb: serverRss,
      serverLoop: metrics.eventLoopDelayMs,
      loadCpuPercent: reports.map((r) => r.cpuPercent),
      loadLoopP99: reports.map((r) => r.eventLoopDelayMs.p99),
      disconnects: reports.reduce((sum, r) => sum + r.disconnects, 0),
      idleAfter,
    };
  } finally {
    await Promise.all(workers.map((worker) => stopChild(worker)));
  }
}

function printScenario(r: ScenarioResult): void {
  const ratio = r.expected ? r.received / r.expected : NaN;
  console.log(
    `  ${r.target.padEnd(15)} M=${String(r.meetings).padStart(3)}: clients ${r.synced}/${r.clients} synced in ${(r.connectMs / 1000).toFixed(1)} s` +
      (r.failed ? ` (${r.failed} failed)` : '') +
      ` | propagation p50 ${fmt(r.p50)} / p95 ${fmt(r.p95)} / p99 ${fmt(r.p99)} / max ${fmt(r.max)} ms (${r.samples} samples)` +
      ` | delivered ${r.received}/${r.expected} = ${fmt(ratio * 100, 2)} %` +
      ` | server CPU ${fmt(r.serverCpuPercent, 0)} %, RSS ${r.serverRssMb} MB, loop delay p50/p99/max ${fmt(r.serverLoop.p50)}/${fmt(r.serverLoop.p99)}/${fmt(r.serverLoop.max)} ms` +
      ` | load processes CPU ${r.loadCpuPercent.map((c) => fmt(c, 0)).join(' + ')} %, loop p99 ${r.loadLoopP99.map((c) => fmt(c, 0)).join(' / ')} ms` +
      ` | disconnects ${r.disconnects} | other processes CPU ${fmt(r.otherCpuPercent, 0)} %` +
      (r.idleAfter ? '' : ' | WARNING: documents still open after the scenario'),
  );
}

// ---------------------------------------------------------------- time to first sync

function buildHistory(targetBytes: number): { update: Uint8Array; edits: number; text: string } {
  const random = mulberry32(20261122);
  const words = ['bruker', 'vedtak', 'tiltak', 'timer', 'vurdering', 'oppfølging', 'pårørende', 'hjemmetjeneste', 'evaluering', 'søknad'];
  const doc = new Y.Doc();
  // The field the test client types into (an item's notes): the server refuses types the form does not know.
  const text = doc.getText('item.notes');
  let edits = 0;
  while (edits < 200_000) {
    // A new session (a new browser tab is a new Yjs client) every 300 edits.
    if (edits % 300 === 0) doc.clientID = Math.floor(random() * 2 ** 31);
    for (let i = 0; i < 100; i += 1, edits += 1) {
      if (random() < 0.85 || text.length < 20) {
        text.insert(Math.floor(random() * (text.length + 1)), `${words[Math.floor(random() * words.length)]} `);
      } else {
        const at = Math.floor(random() * (text.length - 5));
        text.delete(at, 1 + Math.floor(random() * 4));
      }
    }
    if (Y.encodeStateAsUpdate(doc).length >= targetBytes) break;
  }
  const result = { update: Y.encodeStateAsUpdate(doc), edits, text: text.toString() };
  doc.destroy();
  return result;
}

type SyncResult = {
  label: string;
  p50: number | null;
  p95: number | null;
  max: number | null;
  /** Part of the time until the websocket was open (the upgrade: for Samlet, session, access and audit). */
  openP50: number | null;
};

async function timeFirstSyncs(
  label: string,
  target: Target,
  docName: string,
  expectedText: string,
  runs: number,
  cold: boolean,
): Promise<SyncResult> {
  const times: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    if (cold && !(await target.waitIdle())) throw new Error(`${label}: the document did not unload`);
    const started = performance.now();
    const client = connectYjs(target.url, docName, target.cookieFor(i));
    client.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected' && opens.length === times.length) opens.push(performance.now() - started);
    });
    try {
      await whenSynced(client, 15_000);
      times.push(performance.now() - started);
      if (client.text.length !== expectedText.length)
        throw new Error(`${label}: synced a document of ${client.text.length} characters, expected ${expectedText.length}`);
    } finally {
      client.destroy();
    }
    await sleep(20);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    label,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? null,
    openP50: percentile(
      [...opens].sort((a, b) => a - b),
      50,
    ),
  };
}

/** Stores the history into a document through a real client and checks it reads back from a fresh one. */
async function storeHistory(target: Target, docName: string, history: { update: Uint8Array; text: string }): Promise<YjsClient> {
  const writer = connectYjs(target.url, docName, target.cookieFor(2));
  await whenSynced(writer, 15_000);
  Y.applyUpdate(writer.doc, history.update);
  const probe = connectYjs(target.url, docName, target.cookieFor(3));
  try {
    await whenSynced(probe, 15_000);
    await waitFor(() => probe.text.toString() === history.text, 30_000, `${target.name}: the history round-trip`);
  } finally {
    probe.destroy();
  }
  return writer;
}

async function measureFirstSync(samlet: Target, reference: Target): Promise<{ bytes: number; edits: number; results: SyncResult[] }> {
  const history = buildHistory(settings.syncHistoryBytes);
  const results: SyncResult[] = [];

  const [samletDoc] = await samlet.newMeetings(1);
  const writer = await storeHistory(samlet, samletDoc, history);
  writer.destroy();
  // The last client left: the server writes, compacts and unloads; the next client loads it from the database.
  if (!(await samlet.waitIdle())) throw new Error('Samlet: the history document did not unload');
  results.push(await timeFirstSyncs('Samlet, cold (loaded from the database)', samlet, samletDoc, history.text, settings.syncRuns, true));
  const holder = connectYjs(samlet.url, samletDoc, samlet.cookieFor(0));
  try {
    await whenSynced(holder, 15_000);
    results.push(await timeFirstSyncs('Samlet, warm (document open)', samlet, samletDoc, history.text, settings.syncRuns, false));
  } finally {
    holder.destroy();
  }
  await samlet.waitIdle();

  const [referenceDoc] = await reference.newMeetings(1);
  const referenceHolder = await storeHistory(reference, referenceDoc, history);
  try {
    results.push(
      await timeFirstSyncs(
        'reference, warm (in memory; it has no storage)',
        reference,
        referenceDoc,
        history.text,
        settings.syncRuns,
        false,
      ),
    );
  } finally {
    referenceHolder.destroy();
  }
  return { bytes: history.update.length, edits: history.edits, results };
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  let database: TestDatabase | null = null;
  let server: TestServer | null = null;
  const extraServers: TestServer[] = [];
  let referenceProcess: ChildProcess | null = null;
  let db: Db | null = null;
  let crashed = false;

  const cleanup = async () => {
    await Promise.all([...children].map((child) => stopChild(child, 3000)));
    if (referenceProcess) await stopChild(referenceProcess, 3000);
    await db?.$disconnect().catch(() => undefined);
    for (const running of [server, ...extraServers]) {
      if (!running) continue;
      const timer = setTimeout(() => running.process.kill('SIGKILL'), 20_000);
      await running.stop('SIGTERM').finally(() => clearTimeout(timer));
    }
    await database?.drop().catch(() => undefined);
  };
  let cleaning: Promise<void> | null = null;
  const cleanupOnce = () => (cleaning ??= cleanup());
  const abort = (why: string, code: number) => {
    console.error(why);
    void cleanupOnce().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted: stopping every process', 130));
  process.once('SIGTERM', () => abort('terminated: stopping every process', 143));
  const deadline = setTimeout(
    () => abort(`the benchmark ran longer than ${settings.deadlineMs / 60_000} min: stopping`, 1),
    settings.deadlineMs,
  );
  deadline.unref();

  try {
    if (!existsSync(path.join(root, '.next/BUILD_ID'))) {
      console.log('no Next build yet: building it first (the server serves the login endpoints from it)');
      execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
    }
    const cpus = os.cpus();
    console.log(`Samlet realtime benchmark${quick ? ' (--quick)' : ''}`);
    console.log(
      `machine: ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
    );
    console.log(
      `load average before the run: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      `load: N=${settings.participants} participants per meeting (${settings.typists} typists × ${1000 / settings.editIntervalMs} edits/s, awareness ${1000 / settings.awarenessIntervalMs} Hz each), ` +
        `${settings.loadProcesses} load processes, warm-up ${settings.warmupMs / 1000} s, window ${settings.windowMs / 1000} s, drain ${settings.drainMs / 1000} s\n`,
    );

    // Default: one node on SQLite. --nodes: one node on PostgreSQL, and two nodes on the same PostgreSQL with Redis.
    database = await createTestDatabase(scaleOut ? 'postgresql' : 'sqlite');
    const env = { SAMLET_METRICS: '1', NEXTAUTH_SECRET: 'benchmark-secret-0123456789abcdefghij', SAMLET_DEMO: '1' };
    const cluster = { ...env, REDIS_URL: redisUrl, SAMLET_REDIS_PREFIX: `samlet-bench-${process.pid}:` };
    server = await startTestServer({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      env,
      nodeArgs: cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfileDir)}`] : [],
    });
    ownPids.add(server.process.pid!);
    db = openDb(database.url);
    const { mainUnit } = await demoFixtures(db);
    const cookies = await loginDemoUsers(server.url, demo, demo.password);
    const editors = [
      cookies.caseworker,
      cookies.caseworker2,
      cookies.chair,
      cookies.leader,
      ...(await benchUsers(db, server.url, mainUnit.id, Math.max(...settings.meetingCounts) * settings.participants)),
    ];
    const samletDb = db;
    let meetingSeq = 0;
    const samletTarget = (name: string, servers: TestServer[]): Target => ({
      name,
      url: servers[0].url,
      urls: servers.map((s) => s.url),
      pid: servers[0].process.pid!,
      pids: servers.map((s) => s.process.pid!),
      metricsUrl: `${servers[0].url}/api/metrics`,
      metricsUrls: servers.map((s) => `${s.url}/api/metrics`),
      cookieFor: (p) => editors[p % editors.length],
      newMeetings: async (count) => {
        const docs = await createLiveMeetings(samletDb, mainUnit.id, count, 30 + meetingSeq / (24 * 60));
        meetingSeq += count;
        return docs;
      },
      waitIdle: async () => (await Promise.all(servers.map((s) => waitNoOpenDocuments(`${s.url}/api/metrics`, 60_000)))).every(Boolean),
    });
    const samlet = samletTarget(scaleOut ? 'Samlet 1 node' : 'Samlet', [server]);
    const samletTargets = [samlet];
    if (scaleOut) {
      for (let i = 0; i < 2; i += 1) {
        const node = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir, env: cluster });
        extraServers.push(node);
        ownPids.add(node.process.pid!);
      }
      samletTargets.push(samletTarget('Samlet 2 nodes', extraServers));
    }

    referenceProcess = forkTracked('reference-server.ts');
    const referencePort = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the reference server did not start in 30 s')), 30_000);
      referenceProcess!.once('message', (message: { type: string; port: number }) => (clearTimeout(timer), resolve(message.port)));
      referenceProcess!.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the reference server exited with ${code}`))));
    });
    const referenceUrl = `http://127.0.0.1:${referencePort}`;
    let referenceSeq = 0;
    const reference: Target = {
      name: 'reference',
      url: referenceUrl,
      urls: [referenceUrl],
      pid: referenceProcess.pid!,
      pids: [referenceProcess.pid!],
      metricsUrl: `${referenceUrl}/metrics`,
      metricsUrls: [`${referenceUrl}/metrics`],
      cookieFor: () => null,
      newMeetings: async (count) => Array.from({ length: count }, () => `item:bench${(referenceSeq += 1).toString().padStart(6, '0')}`),
      // It keeps documents in memory forever (no persistence); there is nothing to wait for.
      waitIdle: async () => true,
    };
    for (const t of samletTargets)
      console.log(`${t.name}: ${t.urls.join(', ')} (pids ${t.pids.join(', ')}, ${database.kind}${t.urls.length > 1 ? ' + Redis' : ''})`);
    console.log(`reference @y/websocket-server 0.1.1 on ${referenceUrl} (pid ${reference.pid})\n`);

    // --- time to first sync
    console.log(
      `Time to first sync of a meeting document with ~${settings.syncHistoryBytes / 1000} KB of encoded history (${settings.syncRuns} fresh clients each):`,
    );
    await waitForQuietMachine();
    const sync = await measureFirstSync(samlet, reference);
    console.log(`  history: ${sync.edits} edits, Y.encodeStateAsUpdate = ${(sync.bytes / 1000).toFixed(1)} KB`);
    for (const r of sync.results) {
      console.log(
        `  ${r.label}: p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, max ${fmt(r.max)} ms (websocket open after p50 ${fmt(r.openP50)} ms)`,
      );
    }
    console.log();

    // --- load
    console.log('Edit propagation under load (each scenario: fresh meetings, fresh load processes):');
    const results: ScenarioResult[] = [];
    for (const meetingCount of settings.meetingCounts) {
      for (const target of [...samletTargets, reference]) {
        try {
          const result = await runScenario(target, meetingCount);
          results.push(result);
          printScenario(result);
        } catch (error) {
          crashed = true;
          console.error(`  ${target.name} M=${meetingCount}: FAILED — ${(error as Error).message}`);
        }
      }
    }

    // --- summary
    console.log(
      `\nSummary — N=${settings.participants}, window ${settings.windowMs / 1000} s, edit propagation in ms; CPU in % of one core (2 cores = 200 %)\n`,
    );
    const rows = results.map((r) => [
      r.target,
      String(r.meetings),
      `${r.synced}`,
      fmt(r.p50),
      fmt(r.p95),
      fmt(r.p99),
      fmt(r.expected ? (r.received / r.expected) * 100 : NaN, 2),
      fmt(r.serverCpuPercent, 0),
      String(r.serverRssMb),
      `${fmt(r.serverLoop.p50)}/${fmt(r.serverLoop.p99)}/${fmt(r.serverLoop.max)}`,
      r.loadCpuPercent.map((c) => fmt(c, 0)).join('+'),
      fmt(r.otherCpuPercent, 0),
    ]);
    console.log(
      table(
        [
          'server',
          'M',
          'clients',
          'p50',
          'p95',
          'p99',
          'delivered %',
          'CPU %',
          'RSS MB',
          'loop delay p50/p99/max',
          'load CPU %',
          'other CPU %',
        ],
        rows,
      ),
    );

    console.log(
      `\nSamlet vs reference (p99 ms); targets: p99 ≤ ${targets.p99Ms} ms at M=${targets.p99AtM}, and Samlet p99 no worse than the reference\n`,
    );
    // By position, not by M: `--meetings=100,100` repeats a scenario.
    const sideRows = samletTargets.flatMap((target) =>
      settings.meetingCounts.map((m, i) => {
        const s = results.filter((r) => r.target === target.name)[i];
        const ref = results.filter((r) => r.target === 'reference')[i];
        const ratio = s?.p99 !== null && s?.p99 !== undefined && ref?.p99 ? s.p99 / ref.p99 : NaN;
        const absolute =
          m === targets.p99AtM ? (s?.p99 !== null && s?.p99 !== undefined && s.p99 <= targets.p99Ms ? 'met' : 'MISSED') : '—';
        const relative = Number.isNaN(ratio) ? '—' : ratio <= 1 ? 'met' : 'MISSED';
        return [target.name, String(m), fmt(s?.p99), fmt(ref?.p99), fmt(ratio, 2), absolute, relative];
      }),
    );
    console.log(table(['server', 'M', 'p99', 'reference p99', 'ratio', `≤ ${targets.p99Ms} ms`, 'no worse than reference'], sideRows));
    console.log('(ratio = Samlet p99 / reference p99)');
    if (scaleOut) {
      // Capacity: the most meetings each carried with p99 within the target (all clients synced, nothing lost).
      const capacity = (name: string) =>
        Math.max(
          0,
          ...results
            .filter(
              (r) => r.target === name && r.p99 !== null && r.p99 <= targets.p99Ms && r.synced === r.clients && r.received === r.expected,
            )
            .map((r) => r.meetings),
        );
      const rows = [...samletTargets.map((t) => t.name), 'reference'].map((name) => [name, String(capacity(name))]);
      console.log(`\nCapacity: most meetings (of ${settings.meetingCounts.join(', ')}) carried with p99 ≤ ${targets.p99Ms} ms\n`);
      console.log(table(['server', 'meetings'], rows));
      const one = capacity('Samlet 1 node');
      const two = capacity('Samlet 2 nodes');
      console.log(`2 nodes / 1 node = ${one ? fmt(two / one, 2) : '—'} (target ≥ 1.6: ${one && two / one >= 1.6 ? 'met' : 'MISSED'})`);
    }

    console.log(`\nTime to first sync (~${(sync.bytes / 1000).toFixed(0)} KB history); target p50 ≤ ${targets.syncP50Ms} ms\n`);
    console.log(
      table(
        ['case', 'p50 ms', 'p95 ms', 'max ms', 'of which upgrade, p50 ms', 'target'],
        sync.results.map((r) => [
          r.label,
          fmt(r.p50),
          fmt(r.p95),
          fmt(r.max),
          fmt(r.openP50),
          r.p50 !== null && r.p50 <= targets.syncP50Ms ? 'met' : 'MISSED',
        ]),
      ),
    );
  } catch (error) {
    crashed = true;
    console.error('benchmark crashed:', error);
    if (server) console.error(server.logs.join('').split('\n').slice(-20).join('\n'));
  } finally {
    await cleanupOnce();
    clearTimeout(deadline);
  }
  return crashed ? 1 : 0;
}

process.exit(await main());

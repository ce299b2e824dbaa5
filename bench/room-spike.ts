/**
 * The 10:00 spike (issue 21): meetings already running while the participants of as many more open
 * their rooms within half a minute.
 *
 *   npx tsx bench/room-spike.ts [--db=sqlite|postgresql] [--nodes=1|2] [--cases=100000] [--running=50]
 *                               [--spike=50] [--participants=10] [--spread=30] [--quiet=15]
 *   (npm run bench:room-spike)
 *
 * 1. `--cases` past cases in the unit's history (bench/http-and-memory-seed.ts).
 * 2. `--running` meetings × `--participants` stock y-websocket clients co-editing (bench/realtime-load.ts),
 *    measured `--quiet` seconds on their own: the running meetings' edit p99 before the spike.
 * 3. The spike: `--spike` meetings, copies of the demo's coming meeting with its submitted cases, open on
 *    their first item; each of their participants opens the room at a random moment within `--spread`
 *    seconds, as the browser does: GET /moter/<id>/rom (the HTML), a socket.io connection that joins the
 *    meeting (its acknowledgement), then a Yjs connection to every document the room opens (the current
 *    item's) until synced. Time to interactive: from the first request until the last of those syncs.
 * 4. Prints the time to interactive (p50, p95, max), the running meetings' edit p99 before and during the
 *    spike, and each node's CPU (% of one core) and RSS in each phase.
 *
 * `--nodes=2`: two nodes on the same database with Redis, behind a TCP balancer that spreads connections
 * in turn (tests/support/tcp-balancer.ts). On a 2-core machine both nodes, the load and this process share
 * the cores: docs/performance.md models what separate machines give from the per-node CPU.
 * Prints figures; it is not a test and fails on nothing but a crash.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Db } from '../lib/db/db';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../tests/support/databases';
import { demo, demoFixtures, openDb } from '../tests/support/fixtures';
import { loginDemoUsers } from '../tests/support/login';
import { connectSocket, emitAck } from '../tests/support/socket-client';
import { startTcpBalancer, type TcpBalancer } from '../tests/support/tcp-balancer';
import { startTestServer, type TestServer } from '../tests/support/test-server';
import { connectYjs, whenSynced, type YjsClient } from '../tests/support/yjs-client';
import { benchUsers } from './bench-users';
import { monoMs } from './clock';
import { seedHistory } from './http-and-memory-seed';
import { createLiveMeetings } from './live-meetings';
import { cpuSeconds, rssBytes } from './process-usage';
import { percentileBetween, startRealtimeLoad } from './realtime-load';
import { copyComingMeeting, type SpikeMeeting } from './room-spike-seed';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const settings = {
  db: arg('db', 'sqlite') as DatabaseKind,
  nodes: Number(arg('nodes', '1')),
  cases: Number(arg('cases', '100000')),
  running: Number(arg('running', '50')),
  spike: Number(arg('spike', '50')),
  participants: Number(arg('participants', '10')),
  spreadMs: Number(arg('spread', '30')) * 1000,
  quietMs: Number(arg('quiet', '15')) * 1000,
  /** After the last opener started: time for the slowest to finish, still measured as "during". */
  tailMs: 10_000,
  redisUrl: process.env.SAMLET_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
};
const targets = { roomP95Ms: 1000, editP99Factor: 2 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

type Opened = { ms: number; clients: YjsClient[]; close: () => void } | { error: string };

/** What a participant's browser does to open the room, timed from the first request to the last sync. */
async function openRoom(url: string, cookie: string, meeting: SpikeMeeting): Promise<Opened> {
  const started = performance.now();
  const opened: { close: () => void }[] = [];
  const closeAll = () => opened.forEach((connection) => connection.close());
  try {
    const page = await fetch(`${url}/moter/${meeting.meetingId}/rom`, { headers: { cookie } });
    const html = await page.text();
    if (page.status !== 200 || !html.includes('</html>')) return { error: `room page answered ${page.status}` };
    const socket = await connectSocket(url, cookie);
    opened.push({ close: () => socket.disconnect() });
    const joined = await emitAck(socket, 'meeting:join', { meetingId: meeting.meetingId }, 30_000);
    if (!('ok' in joined) || !joined.ok) {
      closeAll();
      return { error: `join refused: ${JSON.stringify(joined)}` };
    }
    // The room opens one Yjs document: the current item's notes and conclusion (app/moter/[id]/rom/item-panel.tsx).
    const clients = [connectYjs(url, `item:${meeting.currentItemId}`, cookie)];
    for (const client of clients) opened.push({ close: () => client.destroy() });
    await Promise.all(clients.map((client) => whenSynced(client, 30_000)));
    return { ms: performance.now() - started, clients, close: closeAll };
  } catch (error) {
    closeAll();
    return { error: (error as Error).message };
  }
}

type Usage = { at: number; cpu: number[]; rss: number[] };
const usage = (pids: number[]): Usage => ({ at: monoMs(), cpu: pids.map(cpuSeconds), rss: pids.map(rssBytes) });
const cpuPercent = (a: Usage, b: Usage) => a.cpu.map((cpu, i) => ((b.cpu[i] - cpu) / ((b.at - a.at) / 1000)) * 100);

async function main(): Promise<void> {
  if (!existsSync(path.join(root, '.next/BUILD_ID')))
    execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
  const cpus = os.cpus();
  console.log(
    `Samlet 10:00 spike — ${cpus.length} × ${cpus[0]?.model ?? '?'}, Node ${process.version}, ${settings.db}, ${settings.nodes} node(s); ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  let database: TestDatabase | null = null;
  const servers: TestServer[] = [];
  let balancer: TcpBalancer | null = null;
  let db: Db | null = null;
  const opened: Opened[] = [];
  try {
    database = await createTestDatabase(settings.db);
    const env: Record<string, string> = {
      SAMLET_METRICS: '1',
      SAMLET_RETENTION_MONTHS: '0',
      NEXTAUTH_SECRET: 'benchmark-secret-0123456789abcdefghij',
      SAMLET_DEMO: '1',
    };
    if (settings.nodes > 1) Object.assign(env, { REDIS_URL: settings.redisUrl, SAMLET_REDIS_PREFIX: `samlet-spike-${process.pid}:` });
    for (let i = 0; i < settings.nodes; i += 1)
      servers.push(await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir, env }));
    balancer =
      settings.nodes > 1
        ? await startTcpBalancer(
            servers.map((s) => s.port),
            'round-robin',
          )
        : null;
    const url = balancer?.url ?? servers[0].url;
    const nodeUrls = servers.map((s) => s.url);
    const pids = servers.map((s) => s.process.pid!);
    db = openDb(database.url);

    const seeding = performance.now();
    const created = await seedHistory(db, settings.cases);
    console.log(`history: ${created} past cases, seeded in ${fmt((performance.now() - seeding) / 1000, 0)} s`);
    // See bench/http-and-memory.ts: two turns of the loop let fetch's pool see sockets closed during the seeding.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const { mainUnit } = await demoFixtures(db);
    const demoCookies = await loginDemoUsers(url, demo, demo.password);
    const chair = await db.user.findUniqueOrThrow({ where: { email: demo.chair } });
    const runningCookies = await benchUsers(db, url, mainUnit.id, settings.running * settings.participants);
    const spikeCookies = await benchUsers(db, url, mainUnit.id, settings.spike * settings.participants);
    const runningDocs = await createLiveMeetings(db, mainUnit.id, settings.running, 40);
    const spikeMeetings = await copyComingMeeting(db, settings.spike, chair.id);
    // One room opened before the clock starts: the page's code is loaded and the caches hold what stays.
    const warm = await openRoom(url, demoCookies.chair, spikeMeetings[0]);
    if ('error' in warm) throw new Error(`the room does not open: ${warm.error}`);
    warm.close();

    const durationMs = 2000 + settings.quietMs + settings.spreadMs + settings.tailMs;
    const load = await startRealtimeLoad({
      serverUrls: nodeUrls,
      docNames: runningDocs,
      cookies: runningCookies,
      durationMs,
      participants: settings.participants,
    });
    await sleep(load.windowStartAt - monoMs());
    const quietUsage = usage(pids);
    await sleep(settings.quietMs);
    const spikeStart = monoMs();
    const spikeUsage = usage(pids);
    const openers: Promise<void>[] = [];
    spikeMeetings.forEach((meeting, m) => {
      for (let p = 0; p < settings.participants; p += 1) {
        const cookie = spikeCookies[(m * settings.participants + p) % spikeCookies.length];
        openers.push(sleep(Math.random() * settings.spreadMs).then(async () => void opened.push(await openRoom(url, cookie, meeting))));
      }
    });
    await Promise.all(openers);
    const spikeEnd = monoMs();
    const endUsage = usage(pids);
    const edits = await load.finish();

    const times = opened.flatMap((o) => ('ms' in o ? [o.ms] : [])).sort((a, b) => a - b);
    const failures = opened.flatMap((o) => ('error' in o ? [o.error] : []));
    const before = percentileBetween(edits, 99, load.windowStartAt, spikeStart);
    const during = percentileBetween(edits, 99, spikeStart, spikeEnd);
    const quietCpu = cpuPercent(quietUsage, spikeUsage);
    const spikeCpu = cpuPercent(spikeUsage, endUsage);
    console.log(
      `\n${settings.spike} meetings × ${settings.participants} participants open their room within ${settings.spreadMs / 1000} s ` +
        `while ${settings.running} meetings × ${settings.participants} run (${created} past cases):\n`,
    );
    console.log(
      `  room, time to interactive: p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms, max ${fmt(times[times.length - 1])} ms ` +
        `(${times.length} opened, ${failures.length} failed${failures.length ? `: ${[...new Set(failures)].slice(0, 3).join('; ')}` : ''}); ` +
        `the last opener finished ${fmt((spikeEnd - spikeStart) / 1000)} s after the first started`,
    );
    console.log(
      `  running meetings' edit p99: ${fmt(before.value)} ms before (${before.count} edits), ${fmt(during.value)} ms during (${during.count} edits) → ` +
        `${fmt(during.value / before.value, 2)}×; ${edits.disconnects} disconnects`,
    );
    servers.forEach((_, i) =>
      console.log(
        `  node ${i + 1}: CPU ${fmt(quietCpu[i], 0)} % of a core before, ${fmt(spikeCpu[i], 0)} % during; ` +
          `RSS ${fmt(quietUsage.rss[i] / 2 ** 20, 0)} MB before, ${fmt(endUsage.rss[i] / 2 ** 20, 0)} MB after`,
      ),
    );
    const p95 = percentile(times, 95);
    console.log(
      `  targets: room p95 ≤ ${targets.roomP95Ms} ms ${p95 <= targets.roomP95Ms && failures.length === 0 ? 'met' : 'MISSED'}; ` +
        `edit p99 during ≤ ${targets.editP99Factor}× before ${during.value <= targets.editP99Factor * before.value ? 'met' : 'MISSED'}`,
    );
  } catch (error) {
    for (const [i, server] of servers.entries()) {
      const tail = server.logs.join('').split('\n').slice(-30).join('\n');
      console.error(`\nbenchmark failed; node ${i + 1}'s log, last 30 lines:\n${tail}`);
    }
    throw error;
  } finally {
    for (const o of opened) if ('close' in o) o.close();
    await db?.$disconnect().catch(() => undefined);
    await balancer?.close();
    await Promise.all(servers.map((server) => server.stop('SIGTERM')));
    await database?.drop().catch(() => undefined);
  }
}

await main();
process.exit(0);

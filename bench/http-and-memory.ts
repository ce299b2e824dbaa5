/**
 * HTTP and memory benchmark (issue 6), on one Samlet node:
 *
 * 1. Pages under load: 100,000 past cases in the unit's history (closed
 *    meetings of 12 items, with versions and search rows), a live realtime load
 *    running (M meetings × 10 participants, as bench/meeting-load.ts), and
 *    autocannon with 50 connections on the agenda, the meeting room and the
 *    history page as a leader. Prints p50/p99 latency and requests per second.
 * 2. Memory: RSS with no document open, with K meeting documents open (each
 *    with ~5 KB of notes and one client), and after every client has left.
 *
 *   npx tsx bench/http-and-memory.ts [--db=postgresql|sqlite] [--cases=100000] [--meetings=50] [--seconds=10] [--documents=200]
 *
 * Prints figures; it is not a test and fails on nothing but a crash. Figures
 * and method: docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { Db } from '../lib/db/db';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../tests/support/databases';
import { demo, demoFixtures, openDb } from '../tests/support/fixtures';
import { loginDemoUsers } from '../tests/support/login';
import { startTestServer, type TestServer } from '../tests/support/test-server';
import { connectYjs, whenSynced, type YjsClient } from '../tests/support/yjs-client';
import { benchUsers } from './bench-users';
import { createLiveMeetings } from './live-meetings';
import { seedHistory } from './http-and-memory-seed';
import { monoMs } from './clock';
import { percentileBetween, startRealtimeLoad } from './realtime-load';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const settings = {
  db: arg('db', 'postgresql') as DatabaseKind,
  cases: Number(arg('cases', '100000')),
  meetings: Number(arg('meetings', '50')),
  seconds: Number(arg('seconds', '10')),
  documents: Number(arg('documents', '200')),
  connections: 50,
  itemsPerMeeting: 12,
};
const targets = { agendaP50: 20, agendaP99: 100, rssPerDocumentMb: 1 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => bytes / 2 ** 20;
const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

type Metrics = { rssBytes: number; heapUsedBytes: number; openDocuments: number };
// `?gc=1`: the server runs with --expose-gc here, so each memory figure is what is held after a full collection.
const metrics = async (server: TestServer): Promise<Metrics> => (await fetch(`${server.url}/api/metrics?gc=1`)).json() as Promise<Metrics>;

/** RSS of a fresh node: nothing open, K meeting documents open, and after every client has left. */
async function measureMemory(server: TestServer, db: Db): Promise<void> {
  const { mainUnit } = await demoFixtures(db);
  const users = await benchUsers(db, server.url, mainUnit.id, settings.documents);
  const idle = async () => {
    const until = Date.now() + 60_000;
    while ((await metrics(server)).openDocuments > 0 && Date.now() < until) await sleep(200);
    await sleep(2000);
    return metrics(server);
  };
  const notes = 'Drøftet økning av timer; pårørende melder om slitasje. '.repeat(90); // ~5 KB
  const openDocuments = async (count: number, offset: number): Promise<YjsClient[]> => {
    const docs = await createLiveMeetings(db, mainUnit.id, count, 400 + offset);
    const clients: YjsClient[] = [];
    for (let i = 0; i < docs.length; i += 25) {
      const batch = docs.slice(i, i + 25).map((d, j) => connectYjs(server.url, d, users[(i + j) % users.length]));
      await Promise.all(batch.map((c) => whenSynced(c, 30_000)));
      for (const client of batch) client.text.insert(0, notes);
      clients.push(...batch);
    }
    return clients;
  };
  // Warm-up: the first documents load code and fill caches that stay; the baseline is taken after them.
  for (const client of await openDocuments(25, 0)) client.destroy();
  const baseline = await idle();
  const clients = await openDocuments(settings.documents, 100);
  await sleep(3000);
  const open = await metrics(server);
  for (const client of clients) client.destroy();
  const after = await idle();
  const perDocument = mb(open.rssBytes - baseline.rssBytes) / Math.max(1, open.openDocuments);
  console.log(`\nMemory (RSS of the server process):\n`);
  const heap = (m: Metrics) => `heap ${fmt(mb(m.heapUsedBytes))} MB`;
  console.log(`  no document open: ${fmt(mb(baseline.rssBytes))} MB (${heap(baseline)})`);
  console.log(
    `  ${open.openDocuments} meeting documents open (~5 KB notes, 1 client each): ${fmt(mb(open.rssBytes))} MB (${heap(open)}) → ${fmt(perDocument, 2)} MB RSS and ${fmt(mb(open.heapUsedBytes - baseline.heapUsedBytes) / Math.max(1, open.openDocuments), 3)} MB heap per document (target ≤ ${targets.rssPerDocumentMb}: ${perDocument <= targets.rssPerDocumentMb ? 'met' : 'MISSED'})`,
  );
  console.log(
    `  after every client left: ${after.openDocuments} open, ${fmt(mb(after.rssBytes))} MB (${heap(after)}); ${fmt(mb(after.rssBytes - baseline.rssBytes))} MB RSS and ${fmt(mb(after.heapUsedBytes - baseline.heapUsedBytes))} MB heap above the baseline`,
  );
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  if (!existsSync(path.join(root, '.next/BUILD_ID')))
    execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
  const cpus = os.cpus();
  console.log(`Samlet HTTP and memory benchmark — ${cpus.length} × ${cpus[0]?.model ?? '?'}, Node ${process.version}, ${settings.db}`);
  let database: TestDatabase | null = null;
  let server: TestServer | null = null;
  let db: Db | null = null;
  try {
    database = await createTestDatabase(settings.db);
    // Retention off: the seeded history reaches back decades, and a first run would anonymise it during the measurement.
    server = await startTestServer({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      env: { SAMLET_METRICS: '1', SAMLET_RETENTION_MONTHS: '0' },
      nodeArgs: ['--expose-gc'],
    });
    db = openDb(database.url);
    await measureMemory(server, db);
    const seeding = Date.now();
    const created = await seedHistory(db, settings.cases, settings.itemsPerMeeting);
    console.log(
      `history: ${created} past cases in ${Math.ceil(created / settings.itemsPerMeeting)} closed meetings, seeded in ${((Date.now() - seeding) / 1000).toFixed(0)} s`,
    );
    // On SQLite the seeding above runs synchronously in this process (better-sqlite3) and can block its event
    // loop for a minute: the server meanwhile closed fetch's idle keep-alive socket, and the pool would hand
    // that dead socket to the next request ("other side closed"). Two turns of the loop let it see the close.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const { meeting, mainUnit } = await demoFixtures(db);
    const cookies = await loginDemoUsers(server.url, demo, demo.password);

    // --- pages under load
    const live = await createLiveMeetings(db, mainUnit.id, settings.meetings, 40);
    const pages = [
      { name: 'agenda', path: `/moter/${meeting.id}` },
      { name: 'meeting room', path: `/moter/${meeting.id}/rom` },
      { name: 'history', path: '/historikk' },
    ];
    for (const page of pages) {
      const response = await fetch(`${server.url}${page.path}`, { headers: { cookie: cookies.leader } });
      if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`);
    }
    // One request at a time first: what a page costs on its own.
    console.log('\nOne request at a time (20 each, after 3 to warm up):\n');
    for (const page of pages) {
      const times: number[] = [];
      for (let i = 0; i < 23; i += 1) {
        const started = performance.now();
        await (await fetch(`${server.url}${page.path}`, { headers: { cookie: cookies.leader } })).text();
        if (i >= 3) times.push(performance.now() - started);
      }
      times.sort((x, y) => x - y);
      console.log(`  ${page.name.padEnd(13)} p50 ${fmt(times[9])} ms, max ${fmt(times[19])} ms`);
    }
    const loadMs = (pages.length * (settings.seconds + 1) + 4) * 1000;
    const users = await benchUsers(db, server.url, mainUnit.id, Math.max(settings.meetings * 10, settings.documents));
    const realtime = await startRealtimeLoad({ serverUrls: [server.url], docNames: live, cookies: users, durationMs: loadMs });
    await sleep(Math.max(0, realtime.windowStartAt - monoMs()));
    console.log(
      `\nPages as a leader, autocannon ${settings.connections} connections × ${settings.seconds} s each, during a realtime load of ${settings.meetings} meetings × 10 participants:\n`,
    );
    const rows: string[][] = [];
    for (const page of pages) {
      const result = await autocannon({
        url: `${server.url}${page.path}`,
        connections: settings.connections,
        duration: settings.seconds,
        headers: { cookie: cookies.leader },
      });
      const bad = result.non2xx + result.errors + result.timeouts;
      rows.push([
        page.name,
        fmt(result.latency.p50),
        fmt(result.latency.p99),
        fmt(result.requests.average, 0),
        String(result.requests.total),
        String(bad),
      ]);
      console.log(
        `  ${page.name.padEnd(13)} p50 ${fmt(result.latency.p50)} ms, p99 ${fmt(result.latency.p99)} ms, ${fmt(result.requests.average, 0)} req/s (${result.requests.total} requests, ${bad} not 2xx or failed)`,
      );
    }
    const edits = await realtime.finish();
    const p99 = percentileBetween(edits, 99, realtime.windowStartAt, Number.POSITIVE_INFINITY);
    console.log(`  realtime load meanwhile: edit propagation p99 ${fmt(p99.value)} ms (${p99.count} samples)`);
    const agenda = rows[0];
    console.log(
      `  targets, agenda page: p50 ≤ ${targets.agendaP50} ms ${Number(agenda[1]) <= targets.agendaP50 ? 'met' : 'MISSED'}, p99 ≤ ${targets.agendaP99} ms ${Number(agenda[2]) <= targets.agendaP99 ? 'met' : 'MISSED'}`,
    );
  } catch (error) {
    // The server's side of a failure is in its log, not in the client's "fetch failed".
    const tail = (server?.logs.join('') ?? '').split('\n').slice(-40).join('\n');
    console.error(`\nbenchmark failed; the server's log, last 40 lines:\n${tail}`);
    throw error;
  } finally {
    await db?.$disconnect().catch(() => undefined);
    await server?.stop('SIGTERM');
    await database?.drop().catch(() => undefined);
  }
}

await main();
process.exit(0);

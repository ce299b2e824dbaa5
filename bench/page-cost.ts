/**
 * What one agenda page and one meeting room cost on their own (issue 21),
 * with 100,000 past cases: one Samlet node, one request at a time as a
 * leader and as the chair, three rounds of 60 requests (10 to warm up), the
 * median of the rounds' p50s printed. No realtime load: this is the
 * per-request cost that the spike multiplies.
 *
 *   npx tsx bench/page-cost.ts [--db=sqlite|postgresql] [--cases=100000] [--requests=60] [--rounds=3] [--cpu-prof=dir]
 *
 * Figures and method: docs/performance.md. Not a test; fails on nothing but a crash.
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
import { queriesPerRequest } from '../tests/support/query-count';
import { startTestServer, type TestServer } from '../tests/support/test-server';
import { seedHistory } from './http-and-memory-seed';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const settings = {
  db: arg('db', 'sqlite') as DatabaseKind,
  cases: Number(arg('cases', '100000')),
  requests: Number(arg('requests', '60')),
  rounds: Number(arg('rounds', '3')),
  cpuProf: arg('cpu-prof', ''),
};
const warmUp = 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function timePage(server: TestServer, pagePath: string, cookie: string): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < settings.requests + warmUp; i += 1) {
    const started = performance.now();
    const response = await fetch(`${server.url}${pagePath}`, { headers: { cookie } });
    await response.text();
    if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`);
    if (i >= warmUp) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, '.next/BUILD_ID')))
    execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
  const cpus = os.cpus();
  console.log(
    `Samlet page cost — ${cpus.length} × ${cpus[0]?.model ?? '?'}, Node ${process.version}, ${settings.db}, load ${os.loadavg()[0].toFixed(2)}`,
  );
  let database: TestDatabase | null = null;
  let server: TestServer | null = null;
  let db: Db | null = null;
  try {
    database = await createTestDatabase(settings.db);
    server = await startTestServer({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      // Retention off: the seeded history reaches back decades (see bench/http-and-memory.ts).
      env: { SAMLET_RETENTION_MONTHS: '0', SAMLET_METRICS: '1' },
      nodeArgs: settings.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProf}`] : [],
    });
    db = openDb(database.url);
    const seeding = Date.now();
    const created = await seedHistory(db, settings.cases);
    console.log(`history: ${created} past cases seeded in ${((Date.now() - seeding) / 1000).toFixed(0)} s`);
    // The seeding can block this process's loop (better-sqlite3); let fetch see sockets the server closed meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const { meeting } = await demoFixtures(db);
    const cookies = await loginDemoUsers(server.url, demo, demo.password);
    const pages = [
      { name: 'agenda, leader', path: `/moter/${meeting.id}`, cookie: cookies.leader },
      { name: 'agenda, chair', path: `/moter/${meeting.id}`, cookie: cookies.chair },
      { name: 'room, leader', path: `/moter/${meeting.id}/rom`, cookie: cookies.leader },
      { name: 'room, chair', path: `/moter/${meeting.id}/rom`, cookie: cookies.chair },
    ];
    for (const page of pages)
      console.log(`  ${page.name.padEnd(15)} ${await queriesPerRequest(server.url, page.path, page.cookie)} SQL statements a request`);
    const rounds = new Map(pages.map((page) => [page.name, [] as { p50: number; p95: number }[]]));
    for (let round = 0; round < settings.rounds; round += 1)
      for (const page of pages) rounds.get(page.name)!.push(await timePage(server, page.path, page.cookie));
    console.log(`\n${settings.rounds} rounds of ${settings.requests} requests (after ${warmUp}), one at a time; median of the rounds:\n`);
    for (const page of pages) {
      const results = rounds.get(page.name)!;
      console.log(
        `  ${page.name.padEnd(15)} p50 ${median(results.map((r) => r.p50)).toFixed(1)} ms (rounds ${results.map((r) => r.p50.toFixed(1)).join(' / ')}), p95 ${median(results.map((r) => r.p95)).toFixed(1)} ms`,
      );
    }
    console.log(`  load average at the end: ${os.loadavg()[0].toFixed(2)}`);
  } catch (error) {
    const tail = (server?.logs.join('') ?? '').split('\n').slice(-40).join('\n');
    console.error(`\nbenchmark failed; the server's log, last 40 lines:\n${tail}`);
    throw error;
  } finally {
    await db?.$disconnect().catch(() => undefined);
    await server?.stop('SIGINT');
    await database?.drop().catch(() => undefined);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

/**
 * Time from opening a Yjs websocket to the first sync, on a real server
 * (SQLite unless --postgres): N connections one after another, then N at once.
 * Prints p50/p95 per phase. `npx tsx bench/upgrade-time.ts --n=200`
 */
import { createTestDatabase } from '../tests/support/databases';
import { demo, demoItemDocument, openDb } from '../tests/support/fixtures';
import { loginDemoUsers } from '../tests/support/login';
import { startTestServer } from '../tests/support/test-server';
import { connectYjs, whenSynced } from '../tests/support/yjs-client';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const n = Number(arg('n', '200'));
const kind = process.argv.includes('--postgres') ? 'postgresql' : 'sqlite';

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function timedSync(url: string, doc: string, cookie: string): Promise<number> {
  const start = performance.now();
  const client = connectYjs(url, doc, cookie);
  await whenSynced(client, 30_000);
  const ms = performance.now() - start;
  client.destroy();
  return ms;
}

const database = await createTestDatabase(kind);
const profileDir = arg('cpu-prof-dir', '');
const server = await startTestServer({
  databaseUrl: database.url,
  dataDir: database.dataDir,
  env: { SAMLET_METRICS: '1' },
  nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
});
const db = openDb(database.url);
try {
  const doc = await demoItemDocument(db);
  const cookies = await loginDemoUsers(server.url, demo, demo.password);
  for (let i = 0; i < 20; i++) await timedSync(server.url, doc, cookies.chair); // warm-up
  const queries = async () => ((await (await fetch(`${server.url}/api/metrics`)).json()) as { databaseQueries: number }).databaseQueries;
  const sequential: number[] = [];
  const queriesBefore = await queries();
  for (let i = 0; i < n; i++) sequential.push(await timedSync(server.url, doc, cookies.chair));
  const queriesPerConnection = ((await queries()) - queriesBefore) / n;
  const users = [cookies.chair, cookies.leader, cookies.caseworker, cookies.caseworker2, cookies.admin];
  const together: number[] = [];
  for (let round = 0; round < 5; round++) {
    together.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => timedSync(server.url, doc, users[i % users.length])))));
  }
  const line = (name: string, values: number[]) =>
    `${name}: n=${values.length} p50 ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms`;
  console.log(`${kind}, open to first sync`);
  console.log(`${line('one after another', sequential)}, ${queriesPerConnection.toFixed(1)} SQL statements each`);
  console.log(line('20 at once (5 rounds)', together));
} finally {
  await db.$disconnect();
  await server.stop('SIGTERM');
  await database.drop();
}

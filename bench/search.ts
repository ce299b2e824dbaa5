/**
 * History search benchmark: seeds 100,000 generated, fictional past agenda
 * items (the search index rows a closed meeting writes) into a fresh SQLite
 * and a fresh PostgreSQL database, then times typical searches through
 * lib/history/search-history.ts, as a leader (whole unit) and as a caseworker
 * (own cases). Target: p95 ≤ 100 ms on this machine.
 *
 *   npx tsx bench/search.ts [--entries=100000] [--runs=30]   (npm run bench:search)
 *
 * Prints figures; it is not a test and fails on nothing but a crash.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../lib/access/access-service';
import type { Db, DbProvider } from '../lib/db/db';
import { stemText } from '../lib/history/norwegian-stems';
import { searchHistory, type HistorySearch } from '../lib/history/search-history';
import { applyMigrations } from '../server/db/apply-migrations';
import { resolveDatabaseTarget } from '../server/db/database-url';
import { createTestDatabase, databaseKinds } from '../tests/support/databases';
import { openDb } from '../tests/support/fixtures';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const entries = arg('entries', 100_000);
const runs = arg('runs', 30);
const units = 10;
const caseworkersPerUnit = 12;

// A deterministic generator, so both databases get the same data.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const services = [
  'miljøarbeidertjeneste',
  'praktisk bistand',
  'hjemmesykepleie',
  'BPA',
  'avlastning',
  'støttekontakt',
  'omsorgsstønad',
  'dagtilbud',
  'trygghetsalarm',
  'korttidsopphold',
  'langtidsopphold',
  'psykisk helsehjelp',
];
const people = ['ungdom', 'voksen', 'eldre', 'familie med barn', 'enslig', 'student', 'pensjonist'];
const needs = [
  'struktur i hverdagen',
  'matlaging',
  'innkjøp',
  'søvnrytme',
  'personlig hygiene',
  'sosial kontakt',
  'medisinering',
  'fall i hjemmet',
  'angst',
  'rusproblemer',
  'kognitiv svikt',
  'utfordrende atferd',
];
const events = [
  'etter sykehusopphold',
  'etter flytting',
  'etter fall og brudd',
  'etter endring i familien',
  'ved økende funksjonsfall',
  'etter avsluttet skolegang',
];
const verbs = ['økning', 'reduksjon', 'endring', 'videreføring', 'avslutning'];
const phrases = [
  'Foreldrene melder om at de er slitne.',
  'Tiltaket er prøvd i tre måneder uten ønsket effekt.',
  'Fastlegen støtter søknaden.',
  'Brukeren ønsker å bo hjemme så lenge som mulig.',
  'Det er vurdert om gruppetilbud kan dekke behovet.',
  'Tjenesten må være forsvarlig, også i helger.',
  'Pårørende bidrar i dag med daglig tilsyn.',
  'Kommunen har ikke ledig plass i bofellesskap nå.',
  'Saken ble drøftet med tanke på likebehandling.',
  'Nytten vurderes som stor dersom tiltaket settes inn tidlig.',
];
const outcomes = ['tatt_til_orientering', 'droftet', 'avklart', 'utsatt', 'henvist', null] as const;
const levels = ['lav', 'moderat', 'hoy', null] as const;
const caseTypes = ['ny_soknad', 'endring', 'revurdering', 'annet'] as const;
const purposes = ['orientering', 'drofting', 'avklaring'] as const;

function generatedEntry(n: number) {
  const unit = n % units;
  const service = pick(services);
  const title = `${pick(verbs)[0].toUpperCase()}${pick(verbs).slice(1)} av ${service} for ${pick(people)} ${pick(events)}`;
  const body = [
    `Behov knyttet til ${pick(needs)} og ${pick(needs)}.`,
    pick(phrases),
    pick(phrases),
    `Dagens tjenester: ${pick(services)} og ${pick(services)}.`,
    `Konklusjon: ${pick(phrases)}`,
  ].join(' ');
  return {
    itemId: `benchitem${String(n).padStart(8, '0')}`,
    unitId: `benchunit${String(unit).padStart(4, '0')}`,
    meetingId: `benchmeeting${String(Math.floor(n / 12)).padStart(6, '0')}`,
    caseId: `benchcase${String(n).padStart(8, '0')}`,
    caseworkerId: `benchuser${String(unit).padStart(3, '0')}${String(Math.floor(random() * caseworkersPerUnit)).padStart(3, '0')}`,
    meetingDate: new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 3 * 365) * 24 * 3600_000),
    caseType: pick(caseTypes),
    level: 'individ',
    purpose: pick(purposes),
    outcome: pick(outcomes),
    severityLevel: pick(levels),
    benefitLevel: pick(levels),
    resourceLevel: pick(levels),
    childrenAffected: random() < 0.2,
    personRef: `EPJ ${2023 + (n % 3)}/${n}`,
    services: service,
    title,
    body,
    // What buildSearchEntry writes: the words as stems, which the SQLite index holds.
    titleStems: stemText(title),
    bodyStems: stemText(body),
  };
}

const queries: { label: string; search: HistorySearch }[] = [
  { label: 'one common word', search: { q: 'avlastning' } },
  { label: 'two words', search: { q: 'støttekontakt ungdom' } },
  { label: 'rare combination', search: { q: 'trygghetsalarm student søvnrytme' } },
  { label: 'word + outcome + severity', search: { q: 'praktisk bistand', outcome: 'avklart', severity: 'hoy' } },
  { label: 'word + period', search: { q: 'hjemmesykepleie', from: '2024-01-01', to: '2024-06-30' } },
  { label: 'filters only (children, outcome)', search: { children: 'ja', outcome: 'utsatt' } },
  { label: 'word + service', search: { q: 'søvnrytme', service: 'avlastning' } },
  { label: 'no query (newest first)', search: {} },
];

const leader: Actor = { userId: 'benchleader', memberships: [{ unitId: 'benchunit0000', role: 'leder' }] };
const caseworker: Actor = { userId: 'benchuser000003', memberships: [{ unitId: 'benchunit0000', role: 'saksbehandler' }] };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function seed100k(db: Db): Promise<number> {
  const started = performance.now();
  seed = 42;
  for (let start = 0; start < entries; start += 1000) {
    await db.searchEntry.createMany({ data: Array.from({ length: Math.min(1000, entries - start) }, (_, i) => generatedEntry(start + i)) });
  }
  return (performance.now() - started) / 1000;
}

async function measure(db: Db, provider: DbProvider) {
  const rows: string[][] = [];
  const all: number[] = [];
  for (const [who, actor] of [
    ['leader', leader],
    ['caseworker', caseworker],
  ] as const) {
    for (const query of queries) {
      const times: number[] = [];
      let hits = 0;
      for (let run = 0; run < runs + 3; run++) {
        const t0 = performance.now();
        hits = (await searchHistory({ db, provider, actor, search: query.search })).length;
        if (run >= 3) times.push(performance.now() - t0); // three warm-up runs
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      rows.push([who, query.label, String(hits), percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1)]);
    }
  }
  all.sort((a, b) => a - b);
  return { rows, p50: percentile(all, 50), p95: percentile(all, 95) };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main() {
  const cpus = os.cpus();
  console.log(
    `Samlet history-search benchmark: ${entries.toLocaleString('en')} generated past items, ${runs} timed runs per query after 3 warm-up runs`,
  );
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
  const summary: string[][] = [];
  for (const kind of databaseKinds) {
    const database = await createTestDatabase(kind);
    const db = openDb(database.url);
    try {
      await applyMigrations(resolveDatabaseTarget(database.url));
      const seconds = await seed100k(db);
      if (kind === 'postgresql') await db.$executeRawUnsafe('ANALYZE "SearchEntry"');
      console.log(`${kind}: seeded in ${seconds.toFixed(1)} s`);
      const result = await measure(db, kind);
      console.log(table(['as', 'query', 'hits', 'p50 ms', 'p95 ms'], result.rows));
      console.log();
      summary.push([kind, result.p50.toFixed(1), result.p95.toFixed(1), result.p95 <= 100 ? 'met' : 'MISSED']);
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  }
  console.log('All queries together; target p95 ≤ 100 ms\n');
  console.log(table(['database', 'p50 ms', 'p95 ms', 'target'], summary));
}

main().catch((error) => {
  console.error('benchmark crashed:', error);
  process.exit(1);
});

// Runs the suites with the whole process tree's clock moved to each instant of a
// list (Debian's libfaketime), and prints a table of instant × passed/failed.
// The list holds the instants where a clock-dependent suite broke before: just
// after a submission deadline, just before a meeting, both daylight-saving
// nights, New Year's Eve and Norwegian public holidays. The servers, the test
// processes and Chromium all see the moved clock; the PostgreSQL server does
// not, which is why the code never mixes the database's now() with its own.
//
//   npm run test:any-hour                    unit + integration at every instant, browser at the marked ones
//   npm run test:any-hour -- --only=mon-1600 one instant (see the names below)
//   npm run test:any-hour -- --no-browser    skip the browser suite
//   npm run test:any-hour -- tests/integration/live-meeting.test.ts   only these files (vitest filters)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// Oslo wall-clock times written as UTC instants (CET = UTC+1, CEST = UTC+2).
const instants = [
  { name: 'mon-1600', utc: '2026-12-07 15:00:00', oslo: 'Monday 7 Dec 2026 16:00 (after the 15:00 deadline)', browser: true },
  { name: 'tue-0930', utc: '2026-12-08 08:30:00', oslo: 'Tuesday 8 Dec 2026 09:30 (before the 10:00 meeting)', browser: true },
  { name: 'dst-spring', utc: '2027-03-28 00:55:00', oslo: 'Sunday 28 Mar 2027 01:55 CET (clocks go forward at 02:00)' },
  { name: 'dst-autumn', utc: '2027-10-31 00:55:00', oslo: 'Sunday 31 Oct 2027 02:55 CEST (clocks go back at 03:00)' },
  { name: 'nye-2350', utc: '2026-12-31 22:50:00', oslo: "New Year's Eve 2026 23:50" },
  { name: 'may-17', utc: '2027-05-17 07:00:00', oslo: 'Monday 17 May 2027 09:00 (Constitution Day)' },
  { name: 'maundy-thu', utc: '2027-03-25 08:30:00', oslo: 'Maundy Thursday 25 Mar 2027 09:30 (a meeting day that is a holiday)' },
  { name: 'wed-1459', utc: '2026-12-09 13:59:00', oslo: 'Wednesday 9 Dec 2026 14:59 (a minute before a deadline)' },
];

const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const withBrowser = !args.includes('--no-browser');
const filters = args.filter((a) => !a.startsWith('--'));
const candidates = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
];
// Debian's faketime, installed as the browser tests install chromium: with apt, when missing and root.
if (!candidates.some(existsSync) && process.getuid?.() === 0) {
  console.log("Installing Debian's faketime …");
  spawnSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null'], {
    stdio: 'inherit',
  });
}
const library = candidates.find(existsSync);
if (!library) {
  console.error('libfaketime is missing: apt-get install -y faketime');
  process.exit(2);
}

// Build once with the real clock: a build under a moved clock would stamp files in the future or the past.
const build = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function runAt(instant, projects) {
  const report = '.vitest-any-hour.json';
  const errorsFile = '.vitest-any-hour-errors.json';
  rmSync(report, { force: true });
  rmSync(errorsFile, { force: true });
  const projectArgs = projects.flatMap((p) => ['--project', p]);
  const started = Date.now();
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      ...filters,
      ...projectArgs,
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${report}`,
      '--reporter=./scripts/unhandled-errors-reporter.mjs',
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        LD_PRELOAD: library,
        FAKETIME: `@${instant.utc}`,
        // Children continue from the parent's moved clock instead of starting at the instant again.
        FAKETIME_DONT_RESET: '1',
        // Timers and performance.now() keep real monotonic time, so timeouts behave.
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
        TZ: 'UTC',
        SAMLET_UNHANDLED_ERRORS_FILE: errorsFile,
      },
    },
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!existsSync(report)) return { passed: 0, failed: 1, seconds, note: `no report (exit ${run.status})`, failures: [] };
  const json = JSON.parse(readFileSync(report, 'utf8'));
  rmSync(report, { force: true });
  const failures = (json.testResults ?? []).flatMap((file) => {
    const failedTests = (file.assertionResults ?? [])
      .filter((t) => t.status === 'failed')
      .map((t) => `${path.relative('.', file.name)} > ${t.title}`);
    return failedTests.length || file.status !== 'failed' ? failedTests : [`${path.relative('.', file.name)} (outside its tests)`];
  });
  // Errors raised outside any test count as failures, as in CI; so does a run that exited non-zero for any other reason.
  const unhandled = existsSync(errorsFile)
    ? JSON.parse(readFileSync(errorsFile, 'utf8')).errors
    : [{ message: 'no record of unhandled errors' }];
  rmSync(errorsFile, { force: true });
  failures.push(...unhandled.map((error) => `unhandled: ${error.message}`));
  let failed = Math.max(json.numFailedTests ?? 0, failures.length);
  if (run.status !== 0 && failed === 0) {
    failures.push(`vitest exited with ${run.status}`);
    failed = 1;
  }
  return { passed: json.numPassedTests ?? 0, failed, seconds, failures };
}

const rows = [];
for (const instant of instants.filter((i) => !only || only.includes(i.name))) {
  const suites = [['unit', 'integration']];
  if (withBrowser && instant.browser) suites.push(['browser']);
  for (const projects of suites) {
    console.log(`\n=== ${instant.name}: ${instant.oslo} — ${projects.join(' + ')}`);
    rows.push({ instant, projects, ...runAt(instant, projects) });
  }
}

console.log('\n| instant (Oslo) | UTC | suites | passed | failed | seconds |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.instant.oslo} | ${row.instant.utc} | ${row.projects.join(' + ')} | ${row.passed} | ${row.failed} | ${row.seconds} |`,
  );
}
for (const row of rows.filter((r) => r.failures.length || r.note)) {
  console.log(`\n${row.instant.name} (${row.projects.join(' + ')}): ${row.note ?? ''}`);
  for (const failure of row.failures) console.log(`  - ${failure}`);
}
const failed = rows.reduce((sum, row) => sum + row.failed, 0);
process.exit(failed > 0 || rows.length === 0 ? 1 : 0);

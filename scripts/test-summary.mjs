// Prints "N passed, N failed" from vitest's JSON report (CI's checker reads that
// line), adding the errors raised outside any test that
// scripts/unhandled-errors-reporter.mjs recorded. A missing report, a missing
// error record, or a run that executed no test fails loudly, with no count line:
// a count is only ever read from a report, never made up.
import { existsSync, readFileSync } from 'node:fs';

const reportFile = process.argv[2] ?? '.vitest-report.json';
const errorsFile = process.argv[3] ?? '.vitest-unhandled-errors.json';

function fail(message) {
  console.error(`\ntest-summary: FAILED — ${message}`);
  process.exit(1);
}

if (!existsSync(reportFile)) fail(`no vitest report at ${reportFile}: the test run did not finish (see the output above).`);
if (!existsSync(errorsFile)) fail(`no record of unhandled errors at ${errorsFile}: the run did not finish, or the reporter is missing.`);
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
const unhandled = JSON.parse(readFileSync(errorsFile, 'utf8'));

const passed = report.numPassedTests ?? 0;
let failed = report.numFailedTests ?? 0;
let skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// A file that failed outside its tests (a beforeAll, an import) reports its tests as skipped and
// none as failed: those tests did not run because of a failure, so they count as failed (at least one).
for (const file of report.testResults ?? []) {
  if (file.status !== 'failed') continue;
  const statuses = (file.assertionResults ?? []).map((test) => test.status);
  if (statuses.includes('failed')) continue;
  const notRun = statuses.filter((status) => status !== 'passed').length;
  failed += Math.max(1, notRun);
  skipped -= notRun;
  console.log(`(failed outside its tests: ${file.name}: ${file.message})`);
}
// Errors raised outside any test file (an unhandled rejection, a crashed worker) fail the run too.
for (const error of unhandled.errors ?? [])
  console.log(`(unhandled error${error.origin ? ` from ${error.origin}` : ''}: ${error.name}: ${error.message})`);
failed += unhandled.count ?? 0;

// Skipped tests on a line of their own: the checker wants the closing line exactly "N passed, N failed".
if (skipped) console.log(`(${skipped} skipped)`);
console.log(`${passed} passed, ${failed} failed`);
if (report.numTotalTests === 0 || passed === 0) fail('no test was executed.');
if (failed > 0 || report.numFailedTestSuites > 0) process.exit(1);

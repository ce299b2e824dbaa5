// Prints "N passed, N failed" from vitest's JSON report (CI's checker reads
// that line). A missing report or a run with no tests is a failure.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-report.json';
if (!existsSync(file)) {
  console.log('0 passed, 0 failed');
  console.error(`test-summary: no report at ${file}`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
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
}
// Skipped tests on a line of their own: the checker wants the closing line exactly "N passed, N failed".
if (skipped) console.log(`(${skipped} skipped)`);
console.log(`${passed} passed, ${failed} failed`);
if (report.numTotalTests === 0 || passed === 0) {
  console.error('test-summary: no test was executed');
  process.exit(1);
}
if (failed > 0 || report.numFailedTestSuites > 0) process.exit(1);

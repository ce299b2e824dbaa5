// A vitest reporter that writes the errors raised outside any test (an unhandled
// rejection after a test ended, an error in a worker) to a file, because
// vitest's JSON report leaves them out. scripts/test-summary.mjs counts each as
// a failure. Usage: --reporter=./scripts/unhandled-errors-reporter.mjs
import { writeFileSync } from 'node:fs';

export default class UnhandledErrorsReporter {
  constructor(options = {}) {
    this.file = options.outputFile ?? process.env.SAMLET_UNHANDLED_ERRORS_FILE ?? '.vitest-unhandled-errors.json';
  }

  onTestRunEnd(_testModules, unhandledErrors) {
    const errors = [...unhandledErrors].map((error) => ({
      name: error?.name ?? 'Error',
      message: String(error?.message ?? error),
      // Where it came from, when vitest knows (a test file, a worker).
      origin: error?.VITEST_TEST_PATH ?? error?.VITEST_TEST_NAME ?? null,
    }));
    writeFileSync(this.file, JSON.stringify({ count: errors.length, errors }, null, 2));
  }
}

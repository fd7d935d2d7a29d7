// Writes this package's test counts to reports/jest-summary.json so that .ci/run can add up
// every package's results into one `N passed, N failed` line.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(this.rootDir, 'reports');
    fs.mkdirSync(dir, { recursive: true });
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites,
    };
    // Another run of the same package (BACKPROP_KERNELS=js, BACKPROP_THREADS=2) gets its own file.
    const kernels = process.env.BACKPROP_KERNELS ? `-${process.env.BACKPROP_KERNELS}` : '';
    const threads = process.env.BACKPROP_THREADS ? `-${process.env.BACKPROP_THREADS}t` : '';
    const variant = `${kernels}${threads}`;
    const file = path.join(dir, `jest-summary${variant}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(summary));
    fs.renameSync(`${file}.tmp`, file);
  }
}

module.exports = SummaryReporter;

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
    // A second run of the same package (e.g. BACKPROP_KERNELS=js) gets its own file.
    const variant = process.env.BACKPROP_KERNELS ? `-${process.env.BACKPROP_KERNELS}` : '';
    const file = path.join(dir, `jest-summary${variant}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(summary));
    fs.renameSync(`${file}.tmp`, file);
  }
}

module.exports = SummaryReporter;

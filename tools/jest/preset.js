// Shared jest configuration: TypeScript through swc, tests beside the source, workspace packages
// resolved to their sources so a test never needs a build of a sibling package.
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/** @param {string} packageDir @param {{ e2e?: boolean }} [options] */
function jestConfig(packageDir, options = {}) {
  const e2e = options.e2e === true;
  return {
    rootDir: packageDir,
    testEnvironment: 'node',
    transform: {
      '^.+\\.(t|j)s$': [
        '@swc/jest',
        { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
      ],
    },
    testMatch: e2e ? ['<rootDir>/src/**/*.e2e.test.ts'] : ['<rootDir>/src/**/*.test.ts'],
    testPathIgnorePatterns: e2e ? ['/node_modules/', '/dist/'] : ['/node_modules/', '/dist/', '\\.e2e\\.test\\.ts$'],
    moduleNameMapper: {
      '^@backprop/core$': `${root}/packages/core/src/index.ts`,
      '^@backprop/layers$': `${root}/packages/layers/src/index.ts`,
      '^@backprop/datasets$': `${root}/packages/datasets/src/index.ts`,
      '^@backprop/tfjs-adapter$': `${root}/packages/tfjs-adapter/src/index.ts`,
    },
    reporters: ['default', path.join(__dirname, 'summary-reporter.js')],
  };
}

module.exports = { jestConfig };

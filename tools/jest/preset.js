// Shared jest configuration: TypeScript through swc, tests beside the source, workspace packages
// resolved to their sources so a test never needs a build of a sibling package.
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/** @param {string} packageDir */
function jestConfig(packageDir) {
  return {
    rootDir: packageDir,
    testEnvironment: 'node',
    transform: {
      '^.+\\.(t|j)s$': [
        '@swc/jest',
        { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
      ],
    },
    testMatch: ['<rootDir>/src/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
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

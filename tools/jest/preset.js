// Shared jest configuration: TypeScript through swc, tests beside the source, workspace packages
// resolved to their sources so a test never needs a build of a sibling package.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/**
 * h5wasm (HDF5 for the Keras files of packages/layers) ships ESM only and exports no `require` entry:
 * jest, which runs CommonJS, is pointed at its ESM file and transforms it like our sources.
 */
const h5wasmLink = path.join(root, 'packages/layers/node_modules/h5wasm');
const h5wasm = fs.existsSync(h5wasmLink) ? { '^h5wasm$': path.join(fs.realpathSync(h5wasmLink), 'dist/esm/hdf5_hl.js') } : {};

/** @param {string} packageDir */
function jestConfig(packageDir) {
  return {
    rootDir: packageDir,
    testEnvironment: 'node',
    // turbo runs the packages' suites side by side on small machines (2 cores in CI): a training test
    // that takes 2 s alone can take 10–30 s there, so a tight timeout fails it for no fault of its own
    // (a digits test once hit 30 s in CI). The timeout only catches hangs: 5 minutes is far above any
    // test's time on a loaded 2-core machine and far below CI's 90-minute budget. Tests never time
    // themselves; speed is measured in `pnpm bench`.
    testTimeout: 300_000,
    transform: {
      '^.+\\.(t|j)s$': [
        '@swc/jest',
        { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
      ],
    },
    testMatch: ['<rootDir>/src/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/h5wasm@|h5wasm/)'],
    moduleNameMapper: {
      '^@backprop/core$': `${root}/packages/core/src/index.ts`,
      '^@backprop/layers$': `${root}/packages/layers/src/index.ts`,
      '^@backprop/datasets$': `${root}/packages/datasets/src/index.ts`,
      '^@backprop/tfjs-adapter$': `${root}/packages/tfjs-adapter/src/index.ts`,
      '^@backprop/fuzz$': `${root}/tools/fuzz/src/index.ts`,
      ...h5wasm,
    },
    reporters: ['default', path.join(__dirname, 'summary-reporter.js')],
  };
}

module.exports = { jestConfig };

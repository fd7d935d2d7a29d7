const { jestConfig } = require('@backprop/jest-preset');

const config = jestConfig(__dirname);
// What the package's Node entry (src/index.ts) does on import: register the worker_threads pool, so
// suites that import modules directly also honour BACKPROP_THREADS.
config.setupFiles = ['<rootDir>/src/kernels/node-thread-pool.ts'];
module.exports = config;

/**
 * The Node-only part of @backprop/core: reading and writing files, and the worker_threads pool of the
 * wasm kernels with its shared-memory builds. The package's browser build
 * replaces this module with ./browser.ts (same exports, stubs that throw PlatformError), so a bundle for
 * the browser contains no `node:*` import. Keep both files' exports identical.
 */
// Registers the worker_threads pool of the wasm kernels (threads > 1, BACKPROP_THREADS) and its
// shared-memory builds.
import '../kernels/node-thread-pool';

export { atomicTempName, fsyncDirectory, parseAtomicTempName, removeStaleTempFiles, writeFileAtomic } from '../io/atomic-write';
export { loadNetwork, saveNetwork } from '../io/save-network';

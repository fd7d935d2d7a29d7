/**
 * The Node-only part of @backprop/core: reading and writing files, and the worker_threads pool of the
 * wasm kernels with its shared-memory builds. The package's browser build
 * replaces this module with ./browser.ts (same exports, stubs that throw PlatformError), so a bundle for
 * the browser contains no `node:*` import. Keep both files' exports identical.
 */
import { provideSharedWasmBinaries } from '../kernels/wasm-binaries';
import { SHARED_RELAXED_SIMD_WASM_BASE64, SHARED_SIMD_WASM_BASE64 } from '../kernels/generated/wasm-shared-binaries';
// Registers the worker_threads pool of the wasm kernels (threads > 1, BACKPROP_THREADS).
import '../kernels/node-thread-pool';

provideSharedWasmBinaries({ simd: SHARED_SIMD_WASM_BASE64, relaxed: SHARED_RELAXED_SIMD_WASM_BASE64 });

export { atomicTempName, fsyncDirectory, parseAtomicTempName, removeStaleTempFiles, writeFileAtomic } from '../io/atomic-write';
export { loadNetwork, saveNetwork } from '../io/save-network';

/**
 * The Node-only part of @backprop/core: reading and writing files. The package's browser build
 * replaces this module with ./browser.ts (same exports, stubs that throw PlatformError), so a bundle for
 * the browser contains no `node:*` import. Keep both files' exports identical.
 */
export { atomicTempName, fsyncDirectory, parseAtomicTempName, removeStaleTempFiles, writeFileAtomic } from '../io/atomic-write';
export { loadNetwork, saveNetwork } from '../io/save-network';

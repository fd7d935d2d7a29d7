import { PlatformError } from '../errors';
import type * as node from './node';

/**
 * The browser build's replacement for ./node.ts (swapped in by tools/build): the same names, each
 * throwing PlatformError that says what to use instead. `serializeNetwork` / `deserializeNetwork` work
 * everywhere and give the same JSON text as the files.
 */
const fileSystemOnly = (feature: string, alternative = 'keep the data in memory, or save it with a download or IndexedDB') => () => {
  throw new PlatformError(feature, alternative);
};

export const writeFileAtomic: typeof node.writeFileAtomic = fileSystemOnly('writeFileAtomic');
export const fsyncDirectory: typeof node.fsyncDirectory = fileSystemOnly('fsyncDirectory');
export const atomicTempName: typeof node.atomicTempName = fileSystemOnly('atomicTempName');
export const parseAtomicTempName: typeof node.parseAtomicTempName = fileSystemOnly('parseAtomicTempName');
export const removeStaleTempFiles: typeof node.removeStaleTempFiles = fileSystemOnly('removeStaleTempFiles');
export const saveNetwork: typeof node.saveNetwork = fileSystemOnly('saveNetwork', 'use serializeNetwork(network) and store the JSON text yourself');
export const loadNetwork: typeof node.loadNetwork = fileSystemOnly('loadNetwork', 'fetch or read the JSON text and pass it to deserializeNetwork(text)');

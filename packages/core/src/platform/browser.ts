import { PlatformError } from '../errors';
import type * as node from './node';

/**
 * The browser build's replacement for ./node.ts (swapped in by tools/build): the same names, each
 * throwing PlatformError that says what to use instead. `serializeNetwork` / `deserializeNetwork` work
 * everywhere and give the same JSON text as the files.
 */
export const writeFileAtomic: typeof node.writeFileAtomic = () => {
  throw new PlatformError('writeFileAtomic', 'keep the data in memory, or save it with a download or IndexedDB');
};

export const saveNetwork: typeof node.saveNetwork = () => {
  throw new PlatformError('saveNetwork', 'use serializeNetwork(network) and store the JSON text yourself');
};

export const loadNetwork: typeof node.loadNetwork = () => {
  throw new PlatformError('loadNetwork', 'fetch or read the JSON text and pass it to deserializeNetwork(text)');
};

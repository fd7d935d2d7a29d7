import { PlatformError } from '@backprop/core';
import type * as node from './node-text-file';

const ALTERNATIVE = 'in a browser use a LambdaCallback (or { onEpochEnd(epoch, logs) {} }) that keeps the logs';

/** The browser build's replacement for ./node-text-file.ts (swapped in by tools/build). */
export const textFile: typeof node.textFile = {
  hasFirstLine: async (path) => {
    throw new PlatformError(`CSVLogger(${JSON.stringify(path)}) (a file path)`, ALTERNATIVE);
  },
  truncate: async (path) => {
    throw new PlatformError(`CSVLogger(${JSON.stringify(path)}) (a file path)`, ALTERNATIVE);
  },
  append: async (path) => {
    throw new PlatformError(`CSVLogger(${JSON.stringify(path)}) (a file path)`, ALTERNATIVE);
  },
};

import { PlatformError } from '@backprop/core';
import type { FileModelIO } from './file-model-io';
import type * as node from './node';

const ALTERNATIVE = 'in a browser use "indexeddb://name", "localstorage://name", "downloads://name", an http(s):// URL, or File objects from <input type=file>';

/** The browser build's replacement for ./node.ts (swapped in by tools/build). */
export const fileModelIO: typeof node.fileModelIO & FileModelIO = {
  save: async (_model, url) => {
    throw new PlatformError(`model.save(${JSON.stringify(url)}) (a file path)`, ALTERNATIVE);
  },
  load: async (url) => {
    throw new PlatformError(`loadModel(${JSON.stringify(url)}) (a file path)`, ALTERNATIVE);
  },
};

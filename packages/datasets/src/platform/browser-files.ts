import { PlatformError } from '@backprop/core';
import type * as node from './node-files';

/** The browser build's replacement for ./node-files.ts: IDX bytes work, paths and gzip do not. */
export const readDatasetFile: typeof node.readDatasetFile = (path) => {
  throw new PlatformError(`reading ${JSON.stringify(path)}`, 'fetch the file and pass its bytes (new Uint8Array(await response.arrayBuffer()))');
};

const gunzipOnlyInNode = () => {
  throw new PlatformError(
    'gunzip of gzip-compressed IDX bytes',
    'decompress first: new Uint8Array(await new Response(blob.stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer()), or serve the plain files',
  );
};
export const gunzipPrefix: typeof node.gunzipPrefix = gunzipOnlyInNode;
export const gunzipAtMost: typeof node.gunzipAtMost = gunzipOnlyInNode;
/** Unused in browsers (gunzipPrefix throws first); there for the shared signature. */
export const MAX_DEFLATE_RATIO: typeof node.MAX_DEFLATE_RATIO = Number.NaN;
/** The largest typed array V8 allocates (2^31 − 1 bytes in current browsers), as Node's buffer.constants. */
export const bufferConstants: typeof node.bufferConstants = { MAX_LENGTH: 2 ** 31 - 1, MAX_STRING_LENGTH: 2 ** 29 - 24 };

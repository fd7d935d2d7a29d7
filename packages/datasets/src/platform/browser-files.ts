import { PlatformError } from '@backprop/core';
import type * as node from './node-files';

/** The browser build's replacement for ./node-files.ts: no file system, and no synchronous gunzip. */
export const readFileBytes: typeof node.readFileBytes = ((path: unknown) => {
  throw new PlatformError(`reading ${JSON.stringify(path)}`, 'fetch the file and pass its bytes (new Uint8Array(await response.arrayBuffer()))');
}) as typeof node.readFileBytes;

export const gunzipBytes: typeof node.gunzipBytes = (() => {
  throw new PlatformError(
    'gunzip of gzip-compressed IDX bytes',
    'decompress first: new Uint8Array(await new Response(blob.stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer()), or serve the plain files',
  );
}) as typeof node.gunzipBytes;

/**
 * Bytes from a path, and gunzip: Node's fs and zlib. The browser build swaps in ./browser-files.ts.
 * Keep both files' exports identical.
 */
export { readFileSync as readFileBytes } from 'node:fs';
export { gunzipSync as gunzipBytes } from 'node:zlib';

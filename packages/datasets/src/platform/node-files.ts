/**
 * Files and gunzip for readIdx: Node's fs, zlib and Buffer limits. The browser build swaps in
 * ./browser-files.ts. Keep both files' exports identical.
 */
export { constants as bufferConstants } from 'node:buffer';
export { gunzipAtMost, gunzipPrefix, MAX_DEFLATE_RATIO } from '../bounded-gunzip';
export { readDatasetFile } from '../read-dataset-file';

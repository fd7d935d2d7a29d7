import { constants as bufferConstants } from 'node:buffer';
import { basename } from 'node:path';
import { ArgumentError, describeValue } from '@backprop/core';
import { gunzipAtMost, gunzipPrefix, MAX_DEFLATE_RATIO } from './bounded-gunzip';
import { IdxFormatError, IdxSizeError } from './dataset-errors';
import { readDatasetFile } from './read-dataset-file';

/**
 * Reader for the IDX format MNIST and Fashion-MNIST are distributed in. The layout, from
 * http://yann.lecun.com/exdb/mnist/ ("THE IDX FILE FORMAT"):
 *
 *   magic   4 bytes, big-endian: 0x00 0x00 <type> <number of dimensions>
 *   dims    one big-endian uint32 per dimension
 *   data    the values, row-major (last dimension changes fastest)
 *
 * Only type 0x08 (unsigned byte) is supported: it is what every MNIST-family file uses, and it lets
 * the data come back as a view of the file's bytes instead of a decoded copy.
 */

/** A decoded IDX file: its dimensions and its bytes (a view into the file buffer, not a copy). */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

export interface ReadIdxOptions {
  /** Name used in error messages; defaults to the file's base name, or `"IDX data"` for a buffer. */
  name?: string;
}

/** The 0x08 type byte: unsigned byte, the only element type this reader decodes. */
export const IDX_UNSIGNED_BYTE = 0x08;

/** The other element types the format defines, named so an unsupported file gets a precise message. */
const IDX_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [0x08, 'unsigned byte'],
  [0x09, 'signed byte'],
  [0x0b, 'short (2 bytes)'],
  [0x0c, 'int (4 bytes)'],
  [0x0d, 'float (4 bytes)'],
  [0x0e, 'double (8 bytes)'],
]);

const MAX_DIMS = 4;

/** Format a magic number the way the MNIST page writes it: 0x00000803. */
export function formatMagic(magic: number): string {
  return `0x${(magic >>> 0).toString(16).padStart(8, '0')}`;
}

/** True when the bytes start with the gzip member header 0x1f 0x8b (RFC 1952, section 2.3.1). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Read an IDX file from a path or from bytes, gunzipping transparently when the bytes are gzip.
 * Throws `IdxFormatError` (naming the file, expected vs given) on any malformation,
 * `DatasetNotFoundError` when a path does not exist and `DatasetReadError` when it cannot be read
 * (a directory, no permission).
 *
 * Gzip input is never inflated past what its header declares: the header is read from a small
 * inflated prefix, then the stream is inflated with that size as the limit (`IdxSizeError` when it
 * is longer or shorter), so a bomb costs no more memory than an honest file of the declared size.
 */
export function readIdx(source: string | Uint8Array, options: ReadIdxOptions = {}): IdxArray {
  const name = options.name ?? (typeof source === 'string' ? basename(source) : 'IDX data');
  let bytes = typeof source === 'string' ? readDatasetFile(source, 'IDX file') : source;
  if (!(bytes instanceof Uint8Array)) {
    throw new ArgumentError(`readIdx: expected a file path, Buffer or Uint8Array, got ${describeValue(bytes)}`);
  }
  if (isGzip(bytes)) bytes = gunzipIdx(bytes, name);
  return decodeIdx(bytes, name);
}

function notGzip(name: string, error: unknown): IdxFormatError {
  return new IdxFormatError(`${name}: starts with the gzip header 0x1f 0x8b but is not valid gzip (${(error as Error).message})`);
}

/** The total length (header + data) an IDX header declares, or null when `bytes` hold no complete header. */
function declaredLength(bytes: Uint8Array): number | null {
  if (bytes.length < 4) return null;
  const ndims = bytes[3];
  const headerLength = 4 + 4 * ndims;
  if (bytes.length < headerLength) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 1;
  for (let d = 0; d < ndims; d++) count *= view.getUint32(4 + 4 * d, false);
  return headerLength + count;
}

function gunzipIdx(gzip: Uint8Array, name: string): Uint8Array {
  let head: Uint8Array;
  try {
    head = gunzipPrefix(gzip, 4 + 4 * MAX_DIMS);
  } catch (error) {
    throw notGzip(name, error);
  }
  // A prefix without a valid header goes to decodeIdx, which names what is wrong with it (magic, type, rank, truncation).
  if (head.length < 4 || head[0] !== 0 || head[1] !== 0 || head[2] !== IDX_UNSIGNED_BYTE || head[3] < 1 || head[3] > MAX_DIMS) {
    return head;
  }
  const declared = declaredLength(head);
  if (declared === null) return head;
  if (declared > bufferConstants.MAX_LENGTH - 1 || declared > MAX_DEFLATE_RATIO * gzip.length + 1024) {
    throw new IdxSizeError(
      name,
      declared,
      undefined,
      `the IDX header declares ${declared} bytes, but ${gzip.length} bytes of gzip inflate to at most ` +
        `${Math.min(MAX_DEFLATE_RATIO * gzip.length + 1024, bufferConstants.MAX_LENGTH - 1)}; expected a header matching the data`,
    );
  }
  let inflated: ReturnType<typeof gunzipAtMost>;
  try {
    inflated = gunzipAtMost(gzip, declared);
  } catch (error) {
    throw notGzip(name, error);
  }
  if (inflated.kind === 'too long') {
    throw new IdxSizeError(name, declared, undefined, `trailing bytes: gzip data inflates to more than the ${declared} bytes the IDX header declares; stopped at the limit`);
  }
  if (inflated.bytes.length !== declared) {
    throw new IdxSizeError(
      name,
      declared,
      inflated.bytes.length,
      `truncated: gzip data inflates to ${inflated.bytes.length} bytes, but the IDX header declares ${declared} bytes`,
    );
  }
  return inflated.bytes;
}

function decodeIdx(bytes: Uint8Array, name: string): IdxArray {
  if (bytes.length < 4) {
    throw new IdxFormatError(`${name}: expected at least 4 bytes (the IDX magic number), got ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new IdxFormatError(
      `${name}: expected an IDX magic number starting with two zero bytes (0x0000TTDD), got ${formatMagic(magic)}`,
    );
  }
  const type = bytes[2];
  if (type !== IDX_UNSIGNED_BYTE) {
    const known = IDX_TYPE_NAMES.get(type);
    throw new IdxFormatError(
      `${name}: expected type byte 0x08 (unsigned byte), got 0x${type.toString(16).padStart(2, '0')} ` +
        `(${known ?? 'not an IDX type'}) in magic ${formatMagic(magic)}`,
    );
  }
  const ndims = bytes[3];
  if (ndims < 1 || ndims > MAX_DIMS) {
    throw new IdxFormatError(`${name}: expected 1..${MAX_DIMS} dimensions, got ${ndims} in magic ${formatMagic(magic)}`);
  }
  const headerLength = 4 + 4 * ndims;
  if (bytes.length < headerLength) {
    throw new IdxFormatError(
      `${name}: truncated header: expected ${headerLength} bytes for ${ndims} dimensions, got ${bytes.length}`,
    );
  }
  const dims: number[] = [];
  let count = 1;
  for (let d = 0; d < ndims; d++) {
    const size = view.getUint32(4 + 4 * d, false);
    dims.push(size);
    count *= size;
  }
  const expectedLength = headerLength + count;
  if (bytes.length !== expectedLength) {
    const problem = bytes.length < expectedLength ? 'truncated' : 'trailing bytes';
    throw new IdxFormatError(
      `${name}: ${problem}: dimensions [${dims.join(', ')}] need ${expectedLength} bytes ` +
        `(${headerLength} header + ${count} data), got ${bytes.length}`,
    );
  }
  // A view, not a copy: for a 47 MB training file this halves peak memory. It is built as a plain
  // Uint8Array rather than `bytes.subarray` because on a Node Buffer `slice` also returns a view,
  // which would surprise callers who slice the data expecting a copy.
  return { dims, data: new Uint8Array(bytes.buffer, bytes.byteOffset + headerLength, count) };
}

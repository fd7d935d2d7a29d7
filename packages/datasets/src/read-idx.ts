import { ArgumentError, describeValue } from '@backprop/core';
import { DatasetNotFoundError, IdxFormatError } from './dataset-errors';
import { gunzipBytes, readFileBytes } from './platform/node-files';

const basename = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

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
 * Throws `IdxFormatError` (naming the file, expected vs given) on any malformation, and
 * `DatasetNotFoundError` when a path does not exist.
 */
export function readIdx(source: string | Uint8Array, options: ReadIdxOptions = {}): IdxArray {
  const name = options.name ?? (typeof source === 'string' ? basename(source) : 'IDX data');
  let bytes = typeof source === 'string' ? readFileOrThrow(source) : source;
  if (!(bytes instanceof Uint8Array)) {
    throw new ArgumentError(`readIdx: expected a file path, Buffer or Uint8Array, got ${describeValue(bytes)}`);
  }
  if (isGzip(bytes)) bytes = gunzip(bytes, name);
  return decodeIdx(bytes, name);
}

function readFileOrThrow(path: string): Uint8Array {
  try {
    return readFileBytes(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DatasetNotFoundError(`IDX file not found: expected a file at ${path}`, [path]);
    }
    throw err;
  }
}

function gunzip(bytes: Uint8Array, name: string): Uint8Array {
  try {
    return gunzipBytes(bytes);
  } catch (err) {
    throw new IdxFormatError(
      `${name}: starts with the gzip header 0x1f 0x8b but is not valid gzip (${(err as Error).message})`,
    );
  }
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

import { ArgumentError, ShapeError } from '@backprop/core';
import { IDX_UNSIGNED_BYTE } from './read-idx';

/**
 * Writer for unsigned-byte IDX files, the inverse of `readIdx`: magic `0x0000 0x08 <ndims>`, big-endian
 * uint32 dimensions, then the bytes. Useful for saving a subset of MNIST, and for building test fixtures.
 */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  if (dims.length < 1 || dims.length > 4) {
    throw new ArgumentError(`encodeIdx: expected 1..4 dimensions, got ${dims.length}`);
  }
  let count = 1;
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0 || d > 0xffffffff) {
      throw new ArgumentError(`encodeIdx: expected dimensions to be uint32 values, got [${dims.join(', ')}]`);
    }
    count *= d;
  }
  if (data.length !== count) {
    throw new ShapeError(`encodeIdx: dimensions [${dims.join(', ')}] need ${count} bytes, got ${data.length}`);
  }
  const header = 4 + 4 * dims.length;
  const out = new Uint8Array(header + count);
  const view = new DataView(out.buffer);
  out[2] = IDX_UNSIGNED_BYTE;
  out[3] = dims.length;
  for (const [i, d] of dims.entries()) view.setUint32(4 + 4 * i, d, false);
  out.set(data, header);
  return out;
}

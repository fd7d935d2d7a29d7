import { crc32 } from './crc32';

/**
 * Build and repair PNG chunk streams (PNG spec, 2nd edition, section 5.3: 4-byte big-endian length,
 * 4-byte type, data, CRC-32 over type and data).
 */

export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One chunk with its length and a correct CRC. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The 13 IHDR bytes: width, height, bit depth, colour type, compression 0, filter 0, interlace. */
export function ihdrData(width: number, height: number, bitDepth = 8, colorType = 0, interlace = 0): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width >>> 0);
  view.setUint32(4, height >>> 0);
  data.set([bitDepth, colorType, 0, 0, interlace], 8);
  return data;
}

/** Signature followed by the chunks. */
export function pngFile(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(PNG_SIGNATURE.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(PNG_SIGNATURE);
  let at = PNG_SIGNATURE.length;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Recompute every chunk's CRC in place (a copy is returned), walking chunks from after the
 * signature while their declared lengths fit in the bytes; a chunk that runs past the end is left as is.
 */
export function repairPngCrcs(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  const view = new DataView(out.buffer);
  for (let at = 8; at + 12 <= out.length; ) {
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > out.length) break;
    view.setUint32(at + 8 + length, crc32(out.subarray(at + 4, at + 8 + length)));
    at = end;
  }
  return out;
}

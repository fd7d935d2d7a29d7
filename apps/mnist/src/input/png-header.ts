import { inflateSync } from 'node:zlib';
import { ImageFormatError } from '../mnist-app-errors';

/**
 * The PNG image header (IHDR), read without decoding anything, so a size can be checked before
 * pngjs allocates pixel memory. Layout from the PNG specification (W3C, 2nd edition), sections
 * 5.2 (8-byte signature), 5.3 (chunk: length, type, data, CRC) and 11.2.2 (IHDR: width, height,
 * bit depth, colour type, compression, filter, interlace; IHDR must come first).
 */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlaced: boolean;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Signature + IHDR length, type, 13 data bytes and CRC. */
const HEADER_BYTES = 8 + 4 + 4 + 13 + 4;
/** The PNG spec caps width and height at 2^31 - 1. */
const MAX_DIMENSION = 0x7fffffff;

/** Allowed bit depths per colour type (PNG spec, table 11.1) and the samples per pixel. */
const COLOR_TYPES: ReadonlyMap<number, { name: string; depths: readonly number[]; channels: number }> = new Map([
  [0, { name: 'greyscale', depths: [1, 2, 4, 8, 16], channels: 1 }],
  [2, { name: 'truecolour', depths: [8, 16], channels: 3 }],
  [3, { name: 'indexed-colour', depths: [1, 2, 4, 8], channels: 1 }],
  [4, { name: 'greyscale with alpha', depths: [8, 16], channels: 2 }],
  [6, { name: 'truecolour with alpha', depths: [8, 16], channels: 4 }],
]);

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

function corrupt(name: string, detail: string): ImageFormatError {
  return new ImageFormatError(`${name}: corrupt PNG: ${detail}`);
}

/** Read and validate the IHDR chunk. Throws `ImageFormatError` naming the file and the bad field. */
export function readPngHeader(bytes: Uint8Array, name = 'image'): PngHeader {
  if (!isPng(bytes)) throw new ImageFormatError(`${name}: not a PNG file (expected the 8-byte PNG signature)`);
  if (bytes.length < HEADER_BYTES) {
    throw corrupt(name, `expected at least ${HEADER_BYTES} bytes (signature and IHDR chunk), got ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(8);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR') throw corrupt(name, `expected the IHDR chunk first, got ${JSON.stringify(type)}`);
  if (length !== 13) throw corrupt(name, `expected an IHDR chunk of 13 bytes, got ${length}`);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const [bitDepth, colorType, compression, filter, interlace] = bytes.subarray(24, 29);
  if (width < 1 || width > MAX_DIMENSION || height < 1 || height > MAX_DIMENSION) {
    throw corrupt(name, `expected width and height in 1..${MAX_DIMENSION}, got ${width}×${height}`);
  }
  const color = COLOR_TYPES.get(colorType);
  if (color === undefined) throw corrupt(name, `expected colour type 0, 2, 3, 4 or 6, got ${colorType}`);
  if (!color.depths.includes(bitDepth)) {
    throw corrupt(name, `expected bit depth ${color.depths.join(', ')} for ${color.name} (colour type ${colorType}), got ${bitDepth}`);
  }
  if (compression !== 0) throw corrupt(name, `expected compression method 0, got ${compression}`);
  if (filter !== 0) throw corrupt(name, `expected filter method 0, got ${filter}`);
  if (interlace > 1) throw corrupt(name, `expected interlace method 0 or 1, got ${interlace}`);
  return { width, height, bitDepth, colorType, interlaced: interlace === 1 };
}

/** Bytes of filtered scanlines for a `width`×`height` image: one filter byte per row plus the packed samples. */
function scanlineBytes(width: number, height: number, header: PngHeader): number {
  if (width === 0 || height === 0) return 0;
  const bitsPerPixel = (COLOR_TYPES.get(header.colorType)?.channels ?? 4) * header.bitDepth;
  return height * (1 + Math.ceil((width * bitsPerPixel) / 8));
}

/** Adam7 passes (PNG spec, section 8.2): x start, y start, x step, y step. */
const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** How many bytes the image data (all IDAT chunks together) must inflate to, per the header. */
export function inflatedPngSize(header: PngHeader): number {
  if (!header.interlaced) return scanlineBytes(header.width, header.height, header);
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const w = Math.max(0, Math.ceil((header.width - x0) / dx));
    const h = Math.max(0, Math.ceil((header.height - y0) / dy));
    total += scanlineBytes(w, h, header);
  }
  return total;
}

/**
 * Check that the image data (all IDAT chunks) inflates to exactly the size the header implies
 * (PNG spec, 10.1: the decompressed data is the filtered scanlines, nothing more or less), inflating
 * at most one byte past it. pngjs (7.0) checks neither way: it inflates interlaced images without a
 * limit (a 28×28 interlaced PNG could carry a deflate bomb), and it decodes a header claiming
 * 28×65536 from 600 bytes of data, spending seconds on pixels the file never held.
 */
export function checkImageDataSize(bytes: Uint8Array, header: PngHeader, name: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > bytes.length) break; // a cut-off chunk: pngjs reports it with its own message
    if (type === 'IDAT') parts.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at = end;
  }
  const expected = inflatedPngSize(header);
  const what = `a ${header.width}×${header.height}${header.interlaced ? ' interlaced' : ''} image holds`;
  let inflated: Buffer;
  try {
    inflated = inflateSync(Buffer.concat(parts), { maxOutputLength: expected + 1 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw corrupt(name, `image data inflates to more than the ${expected} bytes ${what}`);
    }
    throw corrupt(name, `image data does not inflate (${(error as Error).message})`);
  }
  if (inflated.length !== expected) {
    throw corrupt(name, `image data inflates to ${inflated.length} bytes, but ${what} ${expected} (truncated)`);
  }
}

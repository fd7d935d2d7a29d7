import { ImageFormatError } from '../mnist-app-errors';
import { type GrayImage, scaleToByte } from './gray-image';
import { checkDeclaredImageSize, type DecodeImageOptions } from './image-size-limit';

/**
 * Netpbm's PGM (graymap), as the `pgm(5)` manual page defines it: `P2` (ASCII samples) or `P5`
 * (binary), then width, height and maxval as ASCII decimals separated by whitespace, with `#`
 * comments to the end of a line allowed in the header. P5 samples follow after exactly one
 * whitespace byte: one byte each when maxval < 256, else two bytes, most significant first.
 * Samples are scaled from 0..maxval to 0..255; a file holding several images yields the first.
 */

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);
const HASH = 0x23;

/** Reads ASCII decimal tokens from `bytes`, skipping whitespace and `#` comments. */
class TokenReader {
  offset = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly name: string,
  ) {}

  private skipSpaceAndComments(): void {
    const { bytes } = this;
    while (this.offset < bytes.length) {
      const b = bytes[this.offset];
      if (WHITESPACE.has(b)) this.offset++;
      else if (b === HASH) {
        while (this.offset < bytes.length && bytes[this.offset] !== 0x0a && bytes[this.offset] !== 0x0d) this.offset++;
      } else break;
    }
  }

  /** Bytes not yet read. */
  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  /** The next non-negative integer, or an error naming `what` was expected. */
  integer(what: string): number {
    this.skipSpaceAndComments();
    const start = this.offset;
    while (this.offset < this.bytes.length && this.bytes[this.offset] >= 0x30 && this.bytes[this.offset] <= 0x39) this.offset++;
    if (this.offset === start) {
      const found =
        start >= this.bytes.length ? 'end of file' : JSON.stringify(String.fromCharCode(this.bytes[start]));
      throw new ImageFormatError(`${this.name}: corrupt PGM: expected ${what}, got ${found}`);
    }
    const next = this.bytes[this.offset];
    if (this.offset < this.bytes.length && !WHITESPACE.has(next) && next !== HASH) {
      throw new ImageFormatError(
        `${this.name}: corrupt PGM: expected ${what}, got ${JSON.stringify(String.fromCharCode(next))} after digits`,
      );
    }
    return Number(new TextDecoder().decode(this.bytes.subarray(start, this.offset)));
  }
}

/** Whether `bytes` start like a PGM file (`P2` or `P5` then whitespace). */
export function isPgm(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x50 && (bytes[1] === 0x32 || bytes[1] === 0x35) && WHITESPACE.has(bytes[2]);
}

/** A PGM header: the size and maxval, and where the samples start. */
export interface PgmHeader {
  readonly binary: boolean;
  readonly width: number;
  readonly height: number;
  readonly maxval: number;
}

function readHeader(bytes: Uint8Array, name: string): { header: PgmHeader; reader: TokenReader } {
  if (!isPgm(bytes)) throw new ImageFormatError(`${name}: not a PGM file (expected "P2" or "P5" at the start)`);
  const reader = new TokenReader(bytes, name);
  reader.offset = 2;
  const width = reader.integer('the width');
  const height = reader.integer('the height');
  const maxval = reader.integer('the maxval');
  if (width < 1 || height < 1) throw new ImageFormatError(`${name}: corrupt PGM: expected a positive size, got ${width}×${height}`);
  if (maxval < 1 || maxval > 65535) throw new ImageFormatError(`${name}: corrupt PGM: expected maxval in 1..65535, got ${maxval}`);
  return { header: { binary: bytes[1] === 0x35, width, height, maxval }, reader };
}

/** Read the header only (magic, width, height, maxval), so a size can be checked before decoding. */
export function readPgmHeader(bytes: Uint8Array, name = 'image'): PgmHeader {
  return readHeader(bytes, name).header;
}

/** Decode a PGM; a declared size above `maxPixels` is refused with `ImageSizeError` before any allocation. */
export function decodePgm(bytes: Uint8Array, name = 'image', options: DecodeImageOptions = {}): GrayImage {
  const { header, reader } = readHeader(bytes, name);
  const { width, height, maxval } = header;
  checkDeclaredImageSize(width, height, name, 'the PGM header', options.maxPixels);
  const count = width * height;
  return { width, height, pixels: header.binary ? binarySamples(bytes, reader.offset, count, maxval, name) : asciiSamples(reader, count, maxval, name) };
}

function binarySamples(bytes: Uint8Array, headerEnd: number, count: number, maxval: number, name: string): Uint8Array {
  // Exactly one whitespace byte separates maxval from the raster (a raster byte may itself be whitespace).
  if (!WHITESPACE.has(bytes[headerEnd])) {
    throw new ImageFormatError(`${name}: corrupt PGM: expected one whitespace byte after maxval`);
  }
  const start = headerEnd + 1;
  const wide = maxval > 255;
  const needed = count * (wide ? 2 : 1);
  const available = bytes.length - start;
  if (available < needed) {
    throw new ImageFormatError(`${name}: truncated PGM: expected ${needed} bytes of pixels, got ${available}`);
  }
  const pixels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const value = wide ? (bytes[start + 2 * i] << 8) | bytes[start + 2 * i + 1] : bytes[start + i];
    if (value > maxval) throw new ImageFormatError(`${name}: corrupt PGM: pixel ${i} is ${value}, above maxval ${maxval}`);
    pixels[i] = scaleToByte(value, maxval);
  }
  return pixels;
}

function asciiSamples(reader: TokenReader, count: number, maxval: number, name: string): Uint8Array {
  // Each sample takes a digit and a separator: checked before allocating what a bogus header asks for.
  if (reader.remaining < 2 * count - 1) {
    throw new ImageFormatError(`${name}: truncated PGM: expected ${count} pixels, the file is too short to hold them`);
  }
  const pixels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let value: number;
    try {
      value = reader.integer(`pixel ${i} of ${count}`);
    } catch (error) {
      if (error instanceof ImageFormatError && error.message.endsWith('got end of file')) {
        throw new ImageFormatError(`${name}: truncated PGM: expected ${count} pixels, got ${i}`);
      }
      throw error;
    }
    if (value > maxval) throw new ImageFormatError(`${name}: corrupt PGM: pixel ${i} is ${value}, above maxval ${maxval}`);
    pixels[i] = scaleToByte(value, maxval);
  }
  return pixels;
}

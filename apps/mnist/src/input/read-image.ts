import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { PNG } from 'pngjs';
import { ImageFormatError, ImageSizeError, InputReadError } from '../mnist-app-errors';
import { decodePgm, isPgm } from './decode-pgm';
import type { GrayImage } from './gray-image';
import { checkDeclaredImageSize, type DecodeImageOptions } from './image-size-limit';
import { checkImageDataSize, isPng, readPngHeader } from './png-header';

/**
 * Images a user hands to `backprop-mnist predict`: PNG (any bit depth and colour type, via pngjs)
 * or PGM (P2/P5), made grayscale 0..255 and, for the model, checked to be 28×28 and turned into
 * MNIST's white-digit-on-black convention.
 */

export type { GrayImage } from './gray-image';
export type { DecodeImageOptions } from './image-size-limit';
export { isPng } from './png-header';

/**
 * Decode a PNG to grayscale. pngjs expands every colour type and bit depth (1–16, palette,
 * interlaced) to 8-bit RGBA; colour becomes luma with ITU-R BT.601 weights (what PIL's
 * `convert('L')` uses, and so the usual Python MNIST tutorials), and transparent pixels are
 * composited over white, as a browser shows them.
 *
 * The IHDR header is read first and a declared size above `maxPixels` is refused with
 * `ImageSizeError` before pngjs allocates anything: pngjs sizes its buffers from the header, so an
 * 83-byte file claiming 30000×30000 would otherwise ask for gigabytes. The image data is then
 * checked to inflate to exactly the size the header implies (`checkImageDataSize`).
 */
export function decodePng(bytes: Uint8Array, name = 'image', options: DecodeImageOptions = {}): GrayImage {
  const header = readPngHeader(bytes, name);
  checkDeclaredImageSize(header.width, header.height, name, 'the PNG header', options.maxPixels);
  checkImageDataSize(bytes, header, name);
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  } catch (error) {
    throw new ImageFormatError(`${name}: corrupt PNG: ${(error as Error).message}`);
  }
  const { width, height, data } = png;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const r = data[4 * i];
    const g = data[4 * i + 1];
    const b = data[4 * i + 2];
    const a = data[4 * i + 3];
    // Integer weights so a gray pixel (r = g = b) maps to itself exactly.
    const luma = Math.floor((299 * r + 587 * g + 114 * b + 500) / 1000);
    pixels[i] = a === 255 ? luma : Math.round((luma * a + 255 * (255 - a)) / 255);
  }
  return { width, height, pixels };
}

/** Decode PNG or PGM bytes, told apart by their first bytes; anything else is an `ImageFormatError`. */
export function decodeImage(bytes: Uint8Array, name = 'image', options: DecodeImageOptions = {}): GrayImage {
  if (isPng(bytes)) return decodePng(bytes, name, options);
  if (isPgm(bytes)) return decodePgm(bytes, name, options);
  const start = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new ImageFormatError(`${name}: not a PNG or PGM image (starts with ${start || 'nothing: the file is empty'})`);
}

/**
 * The largest input file `predict` reads: 512 MiB, ten times MNIST's uncompressed training images
 * (47 MB). Checked with `stat` before the read, so a mistaken path to a disk image fails at once.
 */
export const MAX_INPUT_FILE_BYTES = 512 * 1024 * 1024;

/** Read bytes, turning fs failures (and files over `MAX_INPUT_FILE_BYTES`) into one-line `InputReadError`s. */
export function readInputFile(path: string): Uint8Array {
  try {
    const { size } = statSync(path);
    if (size > MAX_INPUT_FILE_BYTES) {
      throw new InputReadError(path, 'EFBIG', `the file is ${size} bytes; expected at most ${MAX_INPUT_FILE_BYTES}`);
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof InputReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    const reasons: Record<string, string> = {
      ENOENT: 'file does not exist',
      EISDIR: 'it is a directory',
      EACCES: 'permission denied',
    };
    throw new InputReadError(path, code, reasons[code] ?? (error as Error).message);
  }
}

/** Read a PNG or PGM file as a grayscale image. */
export function readImage(path: string): GrayImage {
  return decodeImage(readInputFile(path), basename(path));
}

/** MNIST's image side. */
export const MNIST_SIDE = 28;

/** A 28×28 image ready for the model: white digit on black, as MNIST's images are. */
export interface MnistInput {
  /** 784 bytes, row-major, 0 background … 255 ink. */
  readonly pixels: Uint8Array;
  /** True when the image was dark-on-light and was inverted to match MNIST. */
  readonly inverted: boolean;
  /** Mean brightness of the image as given, 0..255. */
  readonly meanBrightness: number;
}

/**
 * Check the size and match MNIST's convention: MNIST digits are white on a black background, so
 * an image whose mean brightness is above the midpoint (127) is taken to be a dark digit on paper
 * and inverted. Throws `ImageSizeError` (`expected a 28×28 image, got 32×30`) for any other size:
 * resizing would hide a wrong input rather than fix it.
 */
export function toMnistInput(image: GrayImage): MnistInput {
  if (image.width !== MNIST_SIDE || image.height !== MNIST_SIDE) {
    throw new ImageSizeError({ width: image.width, height: image.height, expected: `a ${MNIST_SIDE}×${MNIST_SIDE} image` });
  }
  let sum = 0;
  for (const p of image.pixels) sum += p;
  const meanBrightness = sum / image.pixels.length;
  const inverted = meanBrightness > 127;
  const pixels = inverted ? image.pixels.map((p) => 255 - p) : Uint8Array.from(image.pixels);
  return { pixels, inverted, meanBrightness };
}

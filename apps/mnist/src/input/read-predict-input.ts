import { basename } from 'node:path';
import { ArgumentError } from '@backprop/core';
import { isGzip, readIdx } from '@backprop/datasets';
import { ImageFormatError, ImageSizeError } from '../mnist-app-errors';
import { decodePgm, isPgm, readPgmHeader } from './decode-pgm';
import { readPngHeader } from './png-header';
import { decodePng, isPng, MNIST_SIDE, type MnistInput, readInputFile, toMnistInput } from './read-image';

/**
 * What `backprop-mnist predict` classifies: a PNG or PGM image (checked and inverted to MNIST's
 * convention by `toMnistInput`), or one image of an IDX images file such as `t10k-images-idx3-ubyte`
 * (plain or gzip), picked by `--index`.
 */

export interface PredictInput extends MnistInput {
  readonly source: 'png' | 'pgm' | 'idx';
  /** The image's index in an IDX file; null for PNG/PGM. */
  readonly index: number | null;
}

/** IDX files start with two zero bytes (then type and rank); gzip ones with 0x1f 0x8b. */
function looksLikeIdx(bytes: Uint8Array): boolean {
  return isGzip(bytes) || (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0);
}

export function decodePredictInput(bytes: Uint8Array, name: string, index: number | null): PredictInput {
  if (isPng(bytes) || isPgm(bytes)) {
    if (index !== null) throw new ArgumentError(`--index applies to IDX files; ${name} is a ${isPng(bytes) ? 'PNG' : 'PGM'} image`);
    const source = isPng(bytes) ? 'png' : 'pgm';
    // The model takes 28×28 only: check the size the header declares before decoding a single pixel.
    const { width, height } = source === 'png' ? readPngHeader(bytes, name) : readPgmHeader(bytes, name);
    if (width !== MNIST_SIDE || height !== MNIST_SIDE) {
      const declaredBy = `the ${source.toUpperCase()} header`;
      throw new ImageSizeError({ width, height, expected: `a ${MNIST_SIDE}×${MNIST_SIDE} image`, file: name, declaredBy });
    }
    const image = source === 'png' ? decodePng(bytes, name) : decodePgm(bytes, name);
    return { ...toMnistInput(image), source, index: null };
  }
  if (!looksLikeIdx(bytes)) {
    const start = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new ImageFormatError(`${name}: not a PNG, PGM or IDX file (starts with ${start || 'nothing: the file is empty'})`);
  }
  const { dims, data } = readIdx(bytes, { name });
  if (dims.length !== 3) {
    throw new ImageFormatError(`${name}: expected an IDX images file (count×28×28), got dimensions ${dims.join('×')}`);
  }
  const [count, rows, cols] = dims;
  if (rows !== MNIST_SIDE || cols !== MNIST_SIDE) {
    throw new ImageSizeError({ width: cols, height: rows, expected: `a ${MNIST_SIDE}×${MNIST_SIDE} image`, file: name });
  }
  const at = index ?? 0;
  if (at >= count) {
    throw new ArgumentError(`--index ${at} is out of range: ${name} holds ${count} images (0..${count - 1})`);
  }
  const size = rows * cols;
  // IDX digits are MNIST's own: already white on black, so never inverted.
  const pixels = Uint8Array.from(data.subarray(at * size, (at + 1) * size));
  const meanBrightness = pixels.reduce((a, b) => a + b, 0) / size;
  return { pixels, inverted: false, meanBrightness, source: 'idx', index: at };
}

/** Read the file at `path` and decode it as above; errors name the file. */
export function readPredictInput(path: string, index: number | null): PredictInput {
  return decodePredictInput(readInputFile(path), basename(path), index);
}

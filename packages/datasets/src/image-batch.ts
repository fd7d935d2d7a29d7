import { ArgumentError, ShapeError } from '@backprop/core';
import type { ImageSet } from './image-set';

/**
 * Byte-to-float conversions for training batches. Each function writes into an optional `out`
 * buffer so a training loop can allocate one batch buffer and reuse it for every step.
 */

/** Which examples to take: explicit indices (e.g. a shuffled permutation slice) or the range [start, end). */
export type Selection = ArrayLike<number> | IndexRange;

export interface IndexRange {
  start: number;
  end: number;
}

/** A row-major float matrix in the `{ data, shape }` form core's `Matrix.from` accepts without copying. */
export interface Float32Matrix {
  data: Float32Array;
  shape: [number, number];
}

// byte / 255 for every byte, computed once: a table lookup is exact and cheaper than a division per pixel.
const BYTE_TO_UNIT = new Float32Array(256);
for (let b = 0; b < 256; b++) BYTE_TO_UNIT[b] = b / 255;

function isRange(selection: Selection): selection is IndexRange {
  if (selection === null || typeof selection !== 'object') return false;
  return typeof (selection as IndexRange).start === 'number' && typeof (selection as IndexRange).end === 'number';
}

/** Number of selected examples, after checking the selection fits in `count` items. */
function selectionLength(selection: Selection, count: number, what: string): number {
  if (isRange(selection)) {
    const { start, end } = selection;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > count) {
      throw new ArgumentError(`${what}: expected a range with 0 <= start <= end <= ${count}, got [${start}, ${end})`);
    }
    return end - start;
  }
  if (selection === null || typeof selection !== 'object' || typeof selection.length !== 'number') {
    throw new ArgumentError(`${what}: expected an index array or { start, end }, got ${typeof selection}`);
  }
  for (let i = 0; i < selection.length; i++) {
    const index = selection[i];
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new ArgumentError(`${what}: index ${i} is ${index}, expected an integer in 0..${count - 1}`);
    }
  }
  return selection.length;
}

/** The `n`-th selected example's index. */
function selectedIndex(selection: Selection, n: number): number {
  return isRange(selection) ? selection.start + n : selection[n];
}

/** `out` itself if it is exactly `length` long, a view of its prefix if longer; a new array if absent. */
function outputBuffer(out: Float32Array | undefined, length: number, what: string): Float32Array {
  if (out === undefined) return new Float32Array(length);
  if (!(out instanceof Float32Array)) {
    throw new ArgumentError(`${what}: expected out to be a Float32Array, got ${typeof out}`);
  }
  if (out.length < length) {
    throw new ShapeError(`${what}: out needs at least ${length} floats, got ${out.length}`);
  }
  return out.length === length ? out : out.subarray(0, length);
}

/**
 * The selected images as floats in [0, 1] (byte / 255), one image per row: `n * rows * cols` values.
 * Pass `out` to reuse a buffer; the result is `out` (or a view of its prefix when `out` is longer,
 * which suits a short final batch).
 */
export function toFloat32Batch(set: ImageSet, selection: Selection, out?: Float32Array): Float32Array {
  const n = selectionLength(selection, set.count, 'toFloat32Batch');
  const pixels = set.rows * set.cols;
  const result = outputBuffer(out, n * pixels, 'toFloat32Batch');
  const { images } = set;
  for (let r = 0; r < n; r++) {
    const src = selectedIndex(selection, r) * pixels;
    const dst = r * pixels;
    for (let p = 0; p < pixels; p++) result[dst + p] = BYTE_TO_UNIT[images[src + p]];
  }
  return result;
}

/**
 * One-hot rows for the selected labels: `n * numClasses` values, row r has a 1 at column `labels[index_r]`.
 * `out` is cleared before writing, so a reused buffer never carries old ones.
 */
export function oneHotLabels(
  labels: ArrayLike<number>,
  selection: Selection,
  numClasses = 10,
  out?: Float32Array,
): Float32Array {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new ArgumentError(`oneHotLabels: expected numClasses to be a positive integer, got ${numClasses}`);
  }
  const n = selectionLength(selection, labels.length, 'oneHotLabels');
  const result = outputBuffer(out, n * numClasses, 'oneHotLabels');
  result.fill(0);
  for (let r = 0; r < n; r++) {
    const index = selectedIndex(selection, r);
    const label = labels[index];
    if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
      throw new ArgumentError(`oneHotLabels: label at index ${index} is ${label}, expected an integer in 0..${numClasses - 1}`);
    }
    result[r * numClasses + label] = 1;
  }
  return result;
}

/**
 * Every image as floats in [0, 1], shape `[count, rows * cols]`. An explicit opt-in: for full MNIST
 * this allocates 60,000 x 784 floats (188 MB). `Matrix.from(imagesToFloat32(set))` wraps it without a copy.
 */
export function imagesToFloat32(set: ImageSet): Float32Matrix {
  const data = toFloat32Batch(set, { start: 0, end: set.count });
  return { data, shape: [set.count, set.rows * set.cols] };
}

/** Every label one-hot encoded, shape `[count, numClasses]`. */
export function labelsToOneHot(set: ImageSet): Float32Matrix {
  const data = oneHotLabels(set.labels, { start: 0, end: set.count }, set.numClasses);
  return { data, shape: [set.count, set.numClasses] };
}

import { ArgumentError, describeValue, NonFiniteError, ShapeError } from '../errors';
import { Matrix } from '../matrix';

/**
 * A class label that is not an integer in [0, numClasses): `labels[index]` held `value`. Callers that
 * read labels in batches can map `index` back to the sample it came from.
 */
export class ClassLabelError extends ArgumentError {
  constructor(
    readonly index: number,
    readonly value: unknown,
    readonly numClasses: number,
  ) {
    super(`oneHotInto labels[${index}] must be an integer class index in 0..${numClasses - 1}, got ${describeValue(value)}`);
  }
}

/**
 * One row per label with a 1 in the label's column — Keras' `to_categorical`.
 * `numClasses` defaults to the largest label + 1; every label must be an integer in [0, numClasses).
 * Undo with `argMaxRows`. `oneHotInto` does the same into a buffer you reuse.
 */
export function oneHot(labels: ArrayLike<number>, numClasses?: number): Matrix {
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') {
    throw new ArgumentError(`oneHot labels must be an array of class indices, got ${describeValue(labels)}`);
  }
  const n = labels.length;
  let largest = -1;
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new NonFiniteError(`oneHot labels[${i}] must be a finite number, got ${describeValue(v)}`);
    }
    if (!Number.isInteger(v) || v < 0) {
      throw new ArgumentError(`oneHot labels[${i}] must be a non-negative integer class index, got ${v}`);
    }
    if (v > largest) largest = v;
  }
  let k: number;
  if (numClasses === undefined) {
    if (n === 0) throw new ArgumentError('oneHot needs numClasses when labels is empty, got neither labels nor numClasses');
    k = largest + 1;
  } else {
    if (!Number.isInteger(numClasses) || numClasses <= 0) {
      throw new ArgumentError(`oneHot numClasses must be a positive integer, got ${describeValue(numClasses)}`);
    }
    k = numClasses;
    if (largest >= k) {
      const i = Array.prototype.findIndex.call(labels, (v: number) => v >= k);
      throw new ArgumentError(`oneHot labels[${i}] must be less than numClasses = ${k}, got ${labels[i]}`);
    }
  }
  const out = new Matrix(n, k);
  oneHotInto(labels, k, out.data);
  return out;
}

/**
 * Write `labels` one-hot into `out`, rows `rowsOffset … rowsOffset + labels.length` of a row-major
 * matrix `numClasses` wide (those rows are zeroed first; the rest of `out` is left alone), and return
 * `out`. Nothing is allocated, so a training loop can encode each batch's labels into the same buffer.
 * Every label is checked before anything is written: one that is not an integer in [0, numClasses)
 * throws a `ClassLabelError` naming its index and value.
 */
export function oneHotInto(labels: ArrayLike<number>, numClasses: number, out: Float32Array, rowsOffset = 0): Float32Array {
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') {
    throw new ArgumentError(`oneHotInto labels must be an array of class indices, got ${describeValue(labels)}`);
  }
  if (!Number.isInteger(numClasses) || numClasses <= 0) {
    throw new ArgumentError(`oneHotInto numClasses must be a positive integer, got ${describeValue(numClasses)}`);
  }
  if (!(out instanceof Float32Array)) throw new ArgumentError(`oneHotInto out must be a Float32Array, got ${describeValue(out)}`);
  if (!Number.isInteger(rowsOffset) || rowsOffset < 0) {
    throw new ArgumentError(`oneHotInto rowsOffset must be a non-negative integer, got ${describeValue(rowsOffset)}`);
  }
  const n = labels.length;
  const start = rowsOffset * numClasses;
  const end = start + n * numClasses;
  if (out.length < end) {
    throw new ShapeError(
      `oneHotInto out must hold ${rowsOffset + n} rows of ${numClasses} (${end} values) for ${n} labels at row ${rowsOffset}, got ${out.length} values`,
    );
  }
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= numClasses) throw new ClassLabelError(i, v, numClasses);
  }
  out.fill(0, start, end);
  for (let i = 0; i < n; i++) out[start + i * numClasses + labels[i]] = 1;
  return out;
}

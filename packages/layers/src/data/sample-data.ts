import { ArgumentError, describeValue, Matrix, ShapeError } from '@backprop/core';

/**
 * A `tf.Tensor`, duck-typed: its shape and `dataSync()` (tfjs's synchronous read). @backprop/layers does not
 * import tfjs; anything with these two members is read as a tensor of `shape`, samples along the first axis.
 */
export interface TensorLike {
  readonly shape: readonly number[];
  dataSync(): ArrayLike<number>;
}

/** Samples as nested arrays of any rank: `number[][]`, images `number[][][]` ([n, 28, 28]) or `number[][][][]` ([n, 28, 28, 1]). */
export type NestedArray = readonly (number | NestedArray)[];

/** True for anything shaped like a tf.Tensor (see `TensorLike`). */
export function isTensorLike(value: unknown): value is TensorLike {
  return value !== null && typeof value === 'object' && Array.isArray((value as TensorLike).shape) && typeof (value as TensorLike).dataSync === 'function';
}

/**
 * Samples given as a tensor or as nested arrays of rank ≥ 3, as a Matrix with one flattened sample per row
 * (row-major, so [n, 28, 28] gives rows of 784 values in the order Flatten reads them, as Keras's Flatten
 * does); null for anything else (2-D arrays, Matrix, `{ data, shape }`), which `Matrix.from` reads.
 * A tensor of rank 1 is a column: one value (e.g. a class label) per sample.
 */
export function sampleMatrix(value: unknown, name: string): Matrix | null {
  if (isTensorLike(value)) {
    const shape = value.shape;
    if (shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new ShapeError(`${name} must be a tensor with samples along its first axis, got shape [${shape.join(', ')}]`);
    }
    const values = value.dataSync();
    if (typeof values?.length !== 'number' || (values.length > 0 && typeof values[0] !== 'number')) {
      throw new ArgumentError(`${name} must be a numeric tensor, got values ${describeValue(values)}`);
    }
    const rows = shape[0];
    const cols = shape.slice(1).reduce((a, b) => a * b, 1);
    if (values.length !== rows * cols) throw new ShapeError(`${name} of shape [${shape.join(', ')}] needs ${rows * cols} values, got ${values.length}`);
    return new Matrix(rows, cols, values instanceof Float32Array ? values : Float32Array.from(values));
  }
  if (!Array.isArray(value) || !Array.isArray(value[0]) || !Array.isArray(value[0][0])) return null;
  const shape = nestedShape(value[0] as NestedArray);
  const cols = shape.reduce((a, b) => a * b, 1);
  const m = new Matrix(value.length, cols);
  value.forEach((sample, i) => flattenInto(sample, shape, 0, m.data, i * cols, `${name}[${i}]`));
  return m;
}

function nestedShape(sample: NestedArray): number[] {
  const shape: number[] = [];
  let level: unknown = sample;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

/** Writes one nested sample of `shape` row-major from `offset`; returns the next offset. Ragged or non-numeric → typed error. */
function flattenInto(value: unknown, shape: readonly number[], depth: number, out: Float32Array, offset: number, where: string): number {
  if (!Array.isArray(value) || value.length !== shape[depth]) {
    throw new ShapeError(`${where} must be an array of ${shape[depth]} entries like the first sample (shape [${shape.join(', ')}]), got ${Array.isArray(value) ? `${value.length} entries` : describeValue(value)}`);
  }
  let at = offset;
  value.forEach((entry, j) => {
    if (depth + 1 < shape.length) {
      at = flattenInto(entry, shape, depth + 1, out, at, `${where}[${j}]`);
    } else {
      if (typeof entry !== 'number') throw new ArgumentError(`${where}[${j}] must be a number, got ${describeValue(entry)}`);
      out[at++] = entry;
    }
  });
  return at;
}

/** A flat list of numbers from an array, typed array or rank-1 tensor (sample weights), checked numeric. */
export function numberList(value: unknown, name: string): Float32Array {
  if (isTensorLike(value)) {
    const m = sampleMatrix(value, name)!;
    if (m.cols !== 1) throw new ShapeError(`${name} must hold one number per sample (a tensor of shape [n]), got shape [${value.shape.join(', ')}]`);
    return m.data;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Float32Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return Float32Array.from(value);
  throw new ArgumentError(`${name} must be a list of numbers (one per sample), got ${describeValue(value)}`);
}

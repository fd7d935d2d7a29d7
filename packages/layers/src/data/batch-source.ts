import { ArgumentError, describeValue, Matrix, type MatrixLike, ShapeError } from '@backprop/core';
import { type NestedArray, sampleMatrix, type TensorLike } from './sample-data';

/**
 * A dataset that hands out batches on request instead of holding every row as floats: an MNIST
 * source can keep its images as bytes (47 MB as Float32 becomes 47 MB / 4) and convert one batch at a
 * time into the facade's reused buffer — e.g. with `@backprop/datasets`'s `toFloat32Batch` and
 * `oneHotLabels`. `fit(source)`, `evaluate(source)` and `predict(source)` accept one in place of x, y.
 *
 * A sketch for MNIST kept as bytes (`@backprop/datasets`):
 * ```ts
 * const mnist: BatchSource = {
 *   size: train.count, inputSize: 784, outputSize: 10,
 *   readBatch(indices, start, end, x, y) {
 *     const picked = (indices as Uint32Array).subarray(start, end); // fit passes a Uint32Array: no copy
 *     toFloat32Batch(train, picked, x);
 *     if (y) oneHotLabels(train.labels, picked, 10, y);
 *   },
 * };
 * await model.fit(mnist, { epochs: 10, batchSize: 128 });
 * ```
 */
export interface BatchSource {
  /** Number of samples. */
  readonly size: number;
  /** Values per input row. */
  readonly inputSize: number;
  /**
   * Values per target row: the model's output width for one-hot or regression targets, 1 for integer
   * class labels (with `sparse_categorical_crossentropy`), 0 for a source without targets.
   */
  readonly outputSize: number;
  /**
   * Write samples `indices[start]`, …, `indices[end − 1]` (the facade passes a Uint32Array) as rows 0 … end − start − 1 of `x`
   * (row-major, `inputSize` values each) and of `y` (`outputSize` values each). `y` is null when only
   * inputs are needed (predict). The buffers are reused between calls and may be longer than needed:
   * write every value of the rows asked for, nothing else.
   */
  readBatch(indices: ArrayLike<number>, start: number, end: number, x: Float32Array, y: Float32Array | null): void;
}

/** The adapter for data already in memory: a Matrix of inputs and an optional Matrix of targets. */
export class MatrixBatchSource implements BatchSource {
  readonly size: number;
  readonly inputSize: number;
  readonly outputSize: number;

  constructor(
    readonly x: Matrix,
    readonly y: Matrix | null = null,
  ) {
    if (y && y.rows !== x.rows) {
      throw new ShapeError(`x has ${x.rows} rows but y has ${y.rows}; expected one target row per input row`);
    }
    this.size = x.rows;
    this.inputSize = x.cols;
    this.outputSize = y ? y.cols : 0;
  }

  readBatch(indices: ArrayLike<number>, start: number, end: number, x: Float32Array, y: Float32Array | null): void {
    copyRows(this.x, indices, start, end, x);
    if (y && this.y) copyRows(this.y, indices, start, end, y);
  }
}

function copyRows(m: Matrix, indices: ArrayLike<number>, start: number, end: number, out: Float32Array): void {
  const width = m.cols;
  for (let r = start; r < end; r++) {
    const i = indices[r];
    out.set(m.data.subarray(i * width, (i + 1) * width), (r - start) * width);
  }
}

/** True for anything shaped like a `BatchSource`. */
export function isBatchSource(value: unknown): value is BatchSource {
  return value !== null && typeof value === 'object' && typeof (value as BatchSource).readBatch === 'function';
}

/**
 * Data as `fit` / `evaluate` / `predict` accept it: rows (`number[][]`, Matrix, `{ data, shape }`), nested
 * arrays of images (`[n][28][28]`, `[n][28][28][1]`) or a `tf.Tensor` (duck-typed, see `TensorLike`).
 */
export type InputData = MatrixLike | NestedArray | TensorLike;
/** Targets: like inputs, or a flat list of class labels (one per row) for sparse losses. */
export type TargetData = InputData | ArrayLike<number>;

/** Inputs as a Matrix, every value checked finite (`name` goes into the message). */
export function toInputMatrix(value: InputData, name: string): Matrix {
  if (isBatchSource(value)) throw new ArgumentError(`${name} is a BatchSource; pass it alone, without y`);
  const samples = sampleMatrix(value, name);
  if (samples) return samples.assertFinite(name);
  return Matrix.from(value as MatrixLike, name).assertFinite(name);
}

/** Targets as a Matrix: a flat list of labels becomes a single column. */
export function toTargetMatrix(value: TargetData, name: string): Matrix {
  if (ArrayBuffer.isView(value) || (Array.isArray(value) && (value.length === 0 || !Array.isArray(value[0])))) {
    const flat = value as ArrayLike<number>;
    if (Array.isArray(flat) && flat.some((v) => typeof v !== 'number')) {
      throw new ArgumentError(`${name} must be a list of numbers or a matrix, got ${describeValue(flat)} with non-numbers`);
    }
    return Matrix.column(flat).assertFinite(name);
  }
  return toInputMatrix(value as MatrixLike, name);
}

/** `predict`'s input as a source. */
export function inputBatchSource(x: InputData | BatchSource): BatchSource {
  return isBatchSource(x) ? x : new MatrixBatchSource(toInputMatrix(x, 'x'));
}

/** `validationData`: `[x, y]` or a BatchSource. */
export function validationBatchSource(data: readonly [InputData, TargetData] | BatchSource): BatchSource {
  if (isBatchSource(data)) return data;
  if (!Array.isArray(data) || data.length !== 2) throw new ArgumentError(`validationData must be [x, y] or a BatchSource, got ${describeValue(data)}`);
  return new MatrixBatchSource(toInputMatrix(data[0], 'validationData x'), toTargetMatrix(data[1], 'validationData y'));
}

/** The arguments of `fit` and `evaluate`: `(x, y, options)`, or `(source, options)` / `(source, undefined, options)`. */
export function sourceAndOptions<O extends object>(x: unknown, y: unknown, options: O | undefined, call: string): { source: BatchSource; opts: O } {
  if (isBatchSource(x)) {
    // The source carries its own targets: y given as well would be ignored, so it is refused.
    if (y !== undefined && options !== undefined) {
      throw new ArgumentError(`${call}(source, options) takes its targets from the BatchSource; got targets ${describeValue(y)} as well`);
    }
    return { source: x, opts: (options ?? (y as O | undefined) ?? {}) as O };
  }
  if (y === undefined) throw new ArgumentError(`${call} needs targets: ${call}(x, y, options), or a BatchSource with targets in place of x`);
  return { source: new MatrixBatchSource(toInputMatrix(x as InputData, 'x'), toTargetMatrix(y as TargetData, 'y')), opts: (options ?? {}) as O };
}

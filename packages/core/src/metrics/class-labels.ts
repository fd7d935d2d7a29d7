import { ArgumentError, describeValue, NonFiniteError, ShapeError } from '../errors';
import { Matrix, type MatrixLike } from '../matrix';
import { argMaxRows, type RowMajor } from '../preprocessing/arg-max-rows';

/**
 * Class labels as a metric accepts them: a flat list of class indices, or a matrix with one row
 * per sample — one-hot targets or predicted probabilities (scored by the argmax of each row,
 * as Keras' `categorical_accuracy` does). A single-column matrix is read as the labels themselves.
 */
export type ClassLabels = ArrayLike<number> | MatrixLike | RowMajor;

/**
 * Read `y` as non-negative integer class indices, naming `name` in every error.
 * Matrices are reduced by argmax per row; a flat list must already hold whole numbers >= 0.
 */
export function classLabels(y: ClassLabels, name: string): Int32Array {
  let labels: Int32Array;
  if (y instanceof Matrix || isShaped(y) || isNested(y)) {
    const m = Matrix.from(y as MatrixLike, name);
    labels = m.cols === 1 ? fromFlat(m.data, name) : argMaxRows(m.assertFinite(name));
  } else if (isRowMajor(y)) {
    labels = y.cols === 1 ? fromFlat(y.data, name) : argMaxRows(y);
  } else if (Array.isArray(y) || ArrayBuffer.isView(y)) {
    labels = fromFlat(y as ArrayLike<number>, name);
  } else {
    throw new ArgumentError(`${name} must be an array of class labels or a matrix of class scores, got ${describeValue(y)}`);
  }
  if (labels.length === 0) throw new ArgumentError(`${name} must hold at least one label, got none`);
  return labels;
}

/** `yTrue` and `yPred` read as labels and checked to be the same length (one prediction per sample). */
export function labelPair(yTrue: ClassLabels, yPred: ClassLabels): [Int32Array, Int32Array] {
  const t = classLabels(yTrue, 'yTrue');
  const p = classLabels(yPred, 'yPred');
  if (t.length !== p.length) {
    throw new ShapeError(`yPred must have one label per sample of yTrue (${t.length}), got ${p.length}`);
  }
  return [t, p];
}

/**
 * The number of classes: `numClasses` if given (checked against every label), else the largest
 * label in either array + 1 — scikit-learn uses the labels present, which here are 0..max.
 */
export function resolveNumClasses(yTrue: Int32Array, yPred: Int32Array, numClasses?: number): number {
  if (numClasses === undefined) {
    let largest = 0;
    for (const v of yTrue) if (v > largest) largest = v;
    for (const v of yPred) if (v > largest) largest = v;
    return largest + 1;
  }
  if (!Number.isInteger(numClasses) || numClasses <= 0) {
    throw new ArgumentError(`numClasses must be a positive integer, got ${describeValue(numClasses)}`);
  }
  for (const [labels, name] of [
    [yTrue, 'yTrue'],
    [yPred, 'yPred'],
  ] as const) {
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] >= numClasses) {
        throw new ArgumentError(`${name}[${i}] must be a class index below numClasses = ${numClasses}, got ${labels[i]}`);
      }
    }
  }
  return numClasses;
}

function fromFlat(values: ArrayLike<number>, name: string): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new NonFiniteError(`${name}[${i}] must be a finite class label, got ${describeValue(v)}`);
    }
    if (!Number.isInteger(v) || v < 0 || v > 0x7fffffff) {
      throw new ArgumentError(`${name}[${i}] must be a non-negative integer class label, got ${v}`);
    }
    out[i] = v;
  }
  return out;
}

function isNested(y: unknown): boolean {
  return Array.isArray(y) && y.length > 0 && Array.isArray(y[0]);
}

function isShaped(y: unknown): boolean {
  return y !== null && typeof y === 'object' && 'data' in y && 'shape' in y;
}

function isRowMajor(y: unknown): y is RowMajor {
  return y !== null && typeof y === 'object' && 'data' in y && 'rows' in y && 'cols' in y;
}

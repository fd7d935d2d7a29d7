import { ArgumentError, describeValue, NonFiniteError } from '../errors';
import { Matrix } from '../matrix';

/**
 * One row per label with a 1 in the label's column — Keras' `to_categorical`.
 * `numClasses` defaults to the largest label + 1; every label must be an integer in [0, numClasses).
 * Undo with `argMaxRows`.
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
  }
  const out = new Matrix(n, k);
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (v >= k) throw new ArgumentError(`oneHot labels[${i}] must be less than numClasses = ${k}, got ${v}`);
    out.data[i * k + v] = 1;
  }
  return out;
}

import { ArgumentError, describeValue, NonFiniteError, ShapeError } from '../errors';

/**
 * Fraction of values where the thresholded prediction equals the target — Keras's `binary_accuracy`:
 * `mean(yTrue == (yPred > threshold))`, over every value of flat arrays of equal length (a rows × units
 * block is scored value by value, which is what Keras's per-sample mean followed by the batch mean gives).
 * Targets are compared exactly, as Keras does, so they should be 0 or 1 (a soft label such as 0.9 never
 * agrees). A NaN prediction throws rather than counting as class 0, so a diverged model is not scored
 * as if it predicted; ±Infinity is compared like any number.
 */
export function binaryAccuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, threshold = 0.5): number {
  checkFlat(yTrue, 'yTrue');
  checkFlat(yPred, 'yPred');
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
    throw new ArgumentError(`binaryAccuracy threshold must be a finite number, got ${describeValue(threshold)}`);
  }
  const n = yTrue.length;
  if (yPred.length !== n) throw new ShapeError(`yPred must have one value per value of yTrue (${n}), got ${yPred.length}`);
  if (n === 0) throw new ArgumentError('yTrue must hold at least one value, got none');
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const t = yTrue[i];
    const p = yPred[i];
    if (typeof t !== 'number' || !Number.isFinite(t)) throw new NonFiniteError(`yTrue[${i}] must be a finite number, got ${describeValue(t)}`);
    if (typeof p !== 'number' || Number.isNaN(p)) throw new NonFiniteError(`yPred[${i}] must be a number, got ${describeValue(p)}`);
    if ((p > threshold ? 1 : 0) === t) agree++;
  }
  return agree / n;
}

function checkFlat(values: unknown, name: string): asserts values is ArrayLike<number> {
  if (!Array.isArray(values) && !(ArrayBuffer.isView(values) && !(values instanceof DataView))) {
    throw new ArgumentError(`${name} must be a flat array of numbers, got ${describeValue(values)}`);
  }
}

import { NonFiniteError, ShapeError } from '../errors';

/** Weights for one tensor: exactly `expected` finite values; `name` (e.g. `layer 1 kernel (7x3)`) goes into the message. */
export function checkWeightValues(values: ArrayLike<number>, expected: number, name: string): void {
  if (!values || values.length !== expected) {
    throw new ShapeError(`${name} expects ${expected} values, got ${values?.length ?? 0}`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new NonFiniteError(`${name} value ${i} must be finite, got ${values[i]}`);
  }
}

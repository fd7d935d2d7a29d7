import { DivergenceError } from '@backprop/core';

/**
 * Index of the first NaN or ±Infinity among `values`, or -1. One pass summing in float64 decides: a
 * float32 is below 3.5e38, so a float64 sum of fewer than 2⁵³ of them stays below 1e308 and cannot
 * overflow, while NaN and ±Infinity propagate through it (Infinity − Infinity is NaN). The sum is
 * finite exactly when every value is; only then is the value searched for.
 */
export function findNonFinite(values: Float32Array): number {
  // Four partial sums: independent additions the CPU can overlap.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = values.length;
  const tail = n - (n % 4);
  for (let i = 0; i < tail; i += 4) {
    s0 += values[i];
    s1 += values[i + 1];
    s2 += values[i + 2];
    s3 += values[i + 3];
  }
  for (let i = tail; i < n; i++) s0 += values[i];
  if (Number.isFinite(s0 + s1 + s2 + s3)) return -1;
  for (let i = 0; i < n; i++) if (!Number.isFinite(values[i])) return i;
  return -1;
}

/** Where a batch sits in training: 0-based epoch and batch, and the sample order it was read from. */
export interface BatchPosition {
  readonly epoch: number;
  readonly batch: number;
  /** Sample indices in training order; the batch holds `indices[start … start + rows)`. */
  readonly indices: ArrayLike<number>;
  readonly start: number;
}

/**
 * Throw `DivergenceError` (1-based epoch and batch, the sample, its row in the batch and the column)
 * when the batch's inputs or targets hold a non-finite value, before it reaches the backend: a NaN
 * through a relu can vanish from the loss yet poison the weights through the gradient. The weights
 * stay those from before the batch. Porting note: Keras trains on such data and TerminateOnNaN stops
 * after the loss turns NaN (tfjs likewise), with the weights already updated.
 */
export function checkBatchFinite(x: Float32Array, y: Float32Array | null, rows: number, at: BatchPosition): void {
  for (const [array, values] of [['x', x], ['y', y]] as const) {
    if (values === null) continue;
    const index = findNonFinite(values);
    if (index < 0) continue;
    const width = values.length / rows;
    const row = Math.floor(index / width);
    const nonFiniteValue = { array, sample: at.indices[at.start + row], row, column: index % width, value: values[index] };
    throw new DivergenceError(at.epoch + 1, at.batch + 1, values[index], nonFiniteValue);
  }
}

import type { FloatArray } from '../matrix';
import { ArgumentError } from '../errors';
import type { ConstraintConfig, RegularizerConfig } from './weight-regularizer';

/** Keras's `backend.epsilon()`, the ε of MaxNorm and UnitNorm (w · desired / (ε + norm)). */
const NORM_EPSILON = 1e-7;

/** The penalty l1·Σ|w| + l2·Σw² (Keras's `L1L2.__call__`, tfjs's `L1L2.apply`), summed in float64. */
export function penaltyValue(regularizer: RegularizerConfig, w: FloatArray, n = w.length): number {
  const { l1, l2 } = regularizer.config;
  let abs = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    abs += Math.abs(w[i]);
    squares += w[i] * w[i];
  }
  return l1 * abs + l2 * squares;
}

/** grad += ∂penalty/∂w = l1·sign(w) + 2·l2·w (sign(0) = 0, as the gradient of tf.abs at 0). */
export function addPenaltyGradient(regularizer: RegularizerConfig, w: FloatArray, grad: FloatArray, n = w.length): void {
  const { l1, l2 } = regularizer.config;
  for (let i = 0; i < n; i++) grad[i] += l1 * Math.sign(w[i]) + 2 * l2 * w[i];
}

/**
 * Project `w` (of `shape`, row-major) in place, as Keras's constraints do after each update: NonNeg zeroes
 * negatives; MaxNorm scales each slice along `axis` by clip(‖w‖, 0, maxValue) / (ε + ‖w‖); UnitNorm by
 * 1 / (ε + ‖w‖). The norm runs over `axis` (Keras: `ops.sqrt(ops.sum(ops.square(w), axis, keepdims=True))`).
 */
export function applyConstraint(constraint: ConstraintConfig, w: FloatArray, shape: readonly number[]): void {
  if (constraint.className === 'NonNeg') {
    for (let i = 0; i < w.length; i++) if (w[i] < 0) w[i] = 0;
    return;
  }
  const rank = shape.length;
  const axis = constraint.config.axis < 0 ? constraint.config.axis + rank : constraint.config.axis;
  if (axis < 0 || axis >= rank) throw new ArgumentError(`${constraint.className} axis must be within a weight of rank ${rank}, got ${constraint.config.axis}`);
  const n = shape[axis];
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * n * inner + j;
      let squares = 0;
      for (let k = 0; k < n; k++) squares += w[base + k * inner] ** 2;
      const norm = Math.sqrt(squares);
      const desired = constraint.className === 'MaxNorm' ? Math.min(norm, constraint.config.maxValue) : 1;
      const scale = desired / (NORM_EPSILON + norm);
      for (let k = 0; k < n; k++) w[base + k * inner] *= scale;
    }
  }
}

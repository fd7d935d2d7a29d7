import type { FloatArray } from '../matrix';

/** The three clipping options of Keras 3's base optimizer; 0 means off (Keras's None). */
export interface ClippingOptions {
  readonly clipnorm: number;
  readonly clipvalue: number;
  readonly globalClipnorm: number;
}

interface Gradient {
  readonly grad: FloatArray;
  readonly size: number;
}

function sumOfSquares(g: Gradient): number {
  let sum = 0;
  for (let i = 0; i < g.size; i++) sum += g.grad[i] * g.grad[i];
  return sum;
}

function scale(g: Gradient, factor: number): void {
  if (factor === 1) return;
  for (let i = 0; i < g.size; i++) g.grad[i] *= factor;
}

/**
 * Clip the gradients in place before the update, as Keras 3's `BaseOptimizer._clip_gradients` does (only one
 * of the three may be set, checked by the spec):
 * - `clipnorm`: each gradient tensor on its own, g · c / max(‖g‖₂, c) (`_clip_by_norm`);
 * - `globalClipnorm`: all together, g · c / max(‖[g₁, g₂, …]‖₂, c) (`clip_by_global_norm`);
 * - `clipvalue`: every element into [−c, c] (`ops.clip`).
 * Norms are summed in float64 (Keras sums in float32: agreement to ~1e-7 relative).
 */
export function clipGradients(gradients: readonly Gradient[], options: ClippingOptions): void {
  if (options.clipnorm > 0) {
    const c = options.clipnorm;
    for (const g of gradients) scale(g, c / Math.max(Math.sqrt(sumOfSquares(g)), c));
  } else if (options.globalClipnorm > 0) {
    const c = options.globalClipnorm;
    const norm = Math.sqrt(gradients.reduce((sum, g) => sum + sumOfSquares(g), 0));
    for (const g of gradients) scale(g, c / Math.max(norm, c));
  } else if (options.clipvalue > 0) {
    const c = options.clipvalue;
    for (const g of gradients) {
      for (let i = 0; i < g.size; i++) g.grad[i] = Math.min(c, Math.max(-c, g.grad[i]));
    }
  }
}

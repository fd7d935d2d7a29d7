import type { FloatArray } from '../matrix';
import type { Rng } from '../random';

/**
 * Inverted dropout (Srivastava et al., 2014; Keras's `Dropout`): a fresh mask of 0 (probability
 * `rate`) or 1 / (1 − rate), and the masked copy of a layer's output. Plain loops: this runs only for
 * layers with dropout and is not a hot path of the reference workloads.
 */
export function drawDropout(rng: Rng, rate: number, output: FloatArray, mask: Float32Array, dropped: FloatArray, n: number): void {
  const keep = 1 / (1 - rate);
  for (let i = 0; i < n; i++) {
    const m = rng.uniform() < rate ? 0 : keep;
    mask[i] = m;
    dropped[i] = output[i] * m;
  }
}

/** Backward through dropout: the upstream gradient times the same mask. */
export function maskGradient(delta: FloatArray, mask: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) delta[i] *= mask[i];
}

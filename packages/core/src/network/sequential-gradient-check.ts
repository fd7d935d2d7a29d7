import { jsKernels } from '../kernels/js-kernels';
import type { MaskSource } from '../layers/dropout';
import type { Layer } from '../layers/layer';
import type { LossSpec } from '../losses/loss-registry';
import { Rng } from '../random';
import { SequentialNetwork } from './sequential-network';

/** Masks that repeat on every call, so the loss at w ± ε is measured under the mask of the analytic gradient. */
export function fixedMasks(seed: number): MaskSource {
  return {
    fill(mask, rate, count) {
      const rng = new Rng(seed);
      for (let i = 0; i < count; i++) mask[i] = rng.uniform() < rate ? 0 : 1 / (1 - rate);
    },
  };
}

/**
 * max over every weight of the relative error
 * |analytic − numeric| / max(|analytic|, |numeric|, 1e-7) between a SequentialNetwork's gradients and
 * central differences (CS231n's gradient check), on a float64 twin with the js kernels. `layers` makes
 * fresh unbuilt layers (called twice: the network and its twin).
 */
export function sequentialGradientError(
  layers: () => Layer[],
  inputShape: readonly number[],
  loss: LossSpec,
  x: Float64Array,
  y: Float64Array,
  rows: number,
  options: { readonly epsilon?: number } = {},
): number {
  const eps = options.epsilon ?? 1e-6;
  const build = () => new SequentialNetwork({ inputShape, layers: layers(), loss, kernels: jsKernels, dtype: 'float64', seed: 3, masks: fixedMasks(11) });
  const net = build();
  net.computeGradients(x, y, rows);
  const twin = build();
  let worst = 0;
  const compare = (analytic: number, numeric: number) => {
    worst = Math.max(worst, Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), 1e-7));
  };
  net.weights.forEach((w, t) => {
    for (let i = 0; i < w.value.length; i++) {
      const lossAt = (delta: number) => {
        const values = net.getWeights();
        values[t][i] += delta;
        twin.setWeights(values);
        return twin.computeGradients(x, y, rows);
      };
      compare(w.grad[i], (lossAt(eps) - lossAt(-eps)) / (2 * eps));
    }
  });
  return worst;
}

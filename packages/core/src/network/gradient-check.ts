import { ArgumentError, describeValue } from '../errors';
import { jsKernels } from '../kernels/js-kernels';
import { Matrix, type MatrixLike } from '../matrix';
import { checkOptionKeys } from '../options/check-option-keys';
import { optionKeys } from '../options/option-keys';
import { DenseNetwork, type DenseNetworkOptions } from './dense-network';

export interface GradientCheckOptions {
  /** Step of the central difference; default 1e-6 (the check runs in float64). */
  epsilon?: number;
  /** Denominator floor of the relative error, so that two near-zero gradients compare as equal; default 1e-7. */
  floor?: number;
}

/** Every key of GradientCheckOptions, checked against the interface by the type checker. */
const GRADIENT_CHECK_KEYS = optionKeys<GradientCheckOptions>()(['epsilon', 'floor']);

export interface GradientCheckResult {
  /** max over parameters of |analytic − numeric| / max(|analytic|, |numeric|, floor) */
  maxRelativeError: number;
  maxAbsoluteError: number;
  /** Number of parameters compared. */
  checked: number;
  /** Where the largest relative error was found. */
  worst: { layer: number; tensor: 'kernel' | 'bias'; index: number; analytic: number; numeric: number };
}

/**
 * Compare the engine's analytic gradients with central finite differences,
 * (L(w + ε) − L(w − ε)) / 2ε, for every weight and bias (CS231n's "gradient check").
 *
 * The check runs on a float64 twin of the network with the js kernels, so rounding does not hide or
 * fake an error; pass an existing `DenseNetwork` to check it at its current weights.
 */
export function gradientCheck(
  network: DenseNetwork | DenseNetworkOptions,
  x: MatrixLike,
  y: MatrixLike,
  options: GradientCheckOptions = {},
): GradientCheckResult {
  checkOptionKeys(options, GRADIENT_CHECK_KEYS, 'gradientCheck options');
  const { epsilon = 1e-6, floor = 1e-7 } = options;
  if (!(typeof epsilon === 'number' && epsilon > 0)) throw new ArgumentError(`gradientCheck epsilon must be > 0, got ${describeValue(epsilon)}`);
  if (!(typeof floor === 'number' && floor > 0)) throw new ArgumentError(`gradientCheck floor must be > 0, got ${describeValue(floor)}`);
  const spec: DenseNetworkOptions =
    network instanceof DenseNetwork
      ? {
          inputSize: network.inputSize,
          layers: network.layers.map((l) => ({ units: l.units, activation: l.activation, useBias: l.bias !== null })),
          loss: network.loss.spec,
        }
      : network;
  const twin = new DenseNetwork({ ...spec, kernels: jsKernels, dtype: 'float64' });
  if (network instanceof DenseNetwork) twin.setWeights(network.getWeights());
  const xm = Matrix.from(x, 'x');
  const ym = Matrix.from(y, 'y');
  const xs = Float64Array.from(xm.data);
  const ys = Float64Array.from(ym.data);
  const rows = xm.rows;
  twin.computeGradients(xs, ys, rows);

  const result: GradientCheckResult = {
    maxRelativeError: 0,
    maxAbsoluteError: 0,
    checked: 0,
    worst: { layer: -1, tensor: 'kernel', index: -1, analytic: 0, numeric: 0 },
  };
  twin.layers.forEach((layer, l) => {
    const tensors: ['kernel' | 'bias', Float64Array | null, Float64Array | null][] = [
      ['kernel', layer.kernel as Float64Array, layer.kernelGrad as Float64Array],
      ['bias', layer.bias as Float64Array | null, layer.biasGrad as Float64Array | null],
    ];
    for (const [tensor, param, grad] of tensors) {
      if (!param || !grad) continue;
      for (let i = 0; i < param.length; i++) {
        const saved = param[i];
        param[i] = saved + epsilon;
        const plus = twin.evaluateLoss(xs, ys, rows);
        param[i] = saved - epsilon;
        const minus = twin.evaluateLoss(xs, ys, rows);
        param[i] = saved;
        const numeric = (plus - minus) / (2 * epsilon);
        const analytic = grad[i];
        const abs = Math.abs(analytic - numeric);
        const rel = abs / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
        result.checked += 1;
        result.maxAbsoluteError = Math.max(result.maxAbsoluteError, abs);
        if (rel > result.maxRelativeError || result.worst.layer < 0) {
          result.maxRelativeError = Math.max(rel, result.maxRelativeError);
          result.worst = { layer: l, tensor, index: i, analytic, numeric };
        }
      }
    }
  });
  return result;
}

import { ArgumentError, NonFiniteError } from '../errors';
import { jsKernels } from '../kernels/js-kernels';
import { Dense } from '../layers/dense';
import type { LossSpec } from '../losses/loss-registry';
import { createOptimizer } from '../optimizers/optimizer-registry';
import { Rng } from '../random';
import { resolveConstraint, resolveRegularizer } from '../regularizers/weight-regularizer';
import { SequentialNetwork } from './sequential-network';

const l1l2 = resolveRegularizer({ className: 'L1L2', config: { l1: 0.03, l2: 0.02 } }, 'test')!;
const l2 = resolveRegularizer('l2', 'test')!;

function layers(softmax: boolean): Dense[] {
  return [
    new Dense({ units: 5, activation: 'tanh', kernelRegularizer: l1l2, biasRegularizer: l2, activityRegularizer: l1l2, name: 'hidden' }),
    new Dense({ units: 3, activation: softmax ? 'softmax' : 'linear', kernelRegularizer: l2, name: 'out' }),
  ];
}

function values(seed: number, length: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length }, () => rng.normal());
}

/** max relative error between the analytic gradient and central differences, on a float64 twin (CS231n's gradient check). */
function worstGradientError(softmax: boolean, loss: LossSpec, x: Float64Array, y: Float64Array, rows: number, w?: Float64Array): number {
  const build = () => new SequentialNetwork({ inputShape: [4], layers: layers(softmax), loss, kernels: jsKernels, dtype: 'float64', seed: 5 });
  const net = build();
  net.computeGradients(x, y, rows, w);
  const twin = build();
  const eps = 1e-6;
  let worst = 0;
  net.weights.forEach((weight, t) => {
    for (let i = 0; i < weight.value.length; i++) {
      const lossAt = (delta: number) => {
        const all = net.getWeights();
        all[t][i] += delta;
        twin.setWeights(all);
        return twin.computeGradients(x, y, rows, w);
      };
      const numeric = (lossAt(eps) - lossAt(-eps)) / (2 * eps);
      const analytic = weight.grad[i];
      worst = Math.max(worst, Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), 1e-7));
    }
  });
  return worst;
}

const rows = 6;
const x = values(1, rows * 4);
const oneHot = Float64Array.from({ length: rows * 3 }, (_, i) => (i % 3 === Math.floor(i / 3) % 3 ? 1 : 0));
const weights = Float64Array.from([0.5, 2, 0, 1, 3, 0.25]);

describe('regularizers and sample weights: analytic gradients = central differences', () => {
  it.each([
    ['fused softmax + cross-entropy', true, { name: 'categoricalCrossentropy' }, oneHot],
    ['mse on a linear output', false, { name: 'mse' }, values(2, rows * 3)],
  ] as const)('%s, kernel / bias / activity penalties, with and without sample weights', (_what, softmax, loss, y) => {
    expect(worstGradientError(softmax, loss, x, y, rows)).toBeLessThan(1e-5);
    expect(worstGradientError(softmax, loss, x, y, rows, weights)).toBeLessThan(1e-5);
  });
});

describe('sample-weighted loss (Keras 3: Σ w·l / n, the sum_over_batch_size reduction)', () => {
  it.each([
    ['fused softmax + cross-entropy', true, { name: 'categoricalCrossentropy' }, oneHot],
    ['mse', false, { name: 'mse' }, values(2, rows * 3)],
  ] as const)('%s: equals the weighted sum of per-sample losses over n', (_what, softmax, loss, y) => {
    const plain = () => new SequentialNetwork({ inputShape: [4], layers: [new Dense({ units: 3, activation: softmax ? 'softmax' : 'linear' })], loss, kernels: jsKernels, dtype: 'float64', seed: 5 });
    const net = plain();
    // Per-sample losses from one-row batches of the same network.
    const perSample = Array.from({ length: rows }, (_, r) => net.evaluateLoss(x.subarray(r * 4, r * 4 + 4), y.subarray(r * 3, r * 3 + 3), 1));
    const expected = perSample.reduce((s, l, r) => s + weights[r] * l, 0) / rows;
    expect(net.evaluateLoss(x, y, rows, weights)).toBeCloseTo(expected, 10);
    expect(net.evaluateLoss(x, y, rows, new Float64Array(rows).fill(1))).toBeCloseTo(net.evaluateLoss(x, y, rows), 10);
  });

  it('refuses negative, non-finite and too few weights', () => {
    const net = new SequentialNetwork({ inputShape: [4], layers: [new Dense({ units: 3 })], kernels: jsKernels, dtype: 'float64' });
    const y = values(2, rows * 3);
    expect(() => net.evaluateLoss(x, y, rows, Float64Array.from([1, 1, -1, 1, 1, 1]))).toThrow(ArgumentError);
    expect(() => net.evaluateLoss(x, y, rows, Float64Array.from([1, 1, Number.NaN, 1, 1, 1]))).toThrow(NonFiniteError);
    expect(() => net.evaluateLoss(x, y, rows, Float64Array.from([1, 1]))).toThrow(/one weight per row \(6\), got 2/);
  });
});

describe('constraints after each update (Keras: variable.assign(constraint(variable)) after the optimizer step)', () => {
  const columnNorms = (kernel: ArrayLike<number>, inputs: number, units: number) =>
    Array.from({ length: units }, (_, j) => Math.sqrt(Array.from({ length: inputs }, (_, i) => kernel[i * units + j] ** 2).reduce((a, b) => a + b)));

  it('maxNorm caps each unit’s incoming norm (axis 0), unitNorm sets it to 1, nonNeg zeroes negatives', () => {
    const net = new SequentialNetwork({
      inputShape: [4],
      layers: [
        new Dense({ units: 5, kernelInitializer: 'heNormal', kernelConstraint: resolveConstraint({ className: 'MaxNorm', config: { maxValue: 0.5 } }, 't'), name: 'a' }),
        new Dense({ units: 4, kernelConstraint: resolveConstraint('unit_norm', 't'), biasConstraint: resolveConstraint('nonNeg', 't'), name: 'b' }),
      ],
      kernels: jsKernels,
      seed: 2,
    });
    const before = net.getWeights()[0];
    const opt = createOptimizer({ name: 'sgd', learningRate: 0.5 }, jsKernels);
    net.trainStep(Float32Array.from(x), Float32Array.from(values(3, rows * 4)), rows, opt);
    const [k1, , k2, b2] = net.getWeights();
    expect(Math.max(...columnNorms(before, 4, 5))).toBeGreaterThan(0.5);
    for (const n of columnNorms(k1, 4, 5)) expect(n).toBeLessThanOrEqual(0.5 + 1e-6);
    for (const n of columnNorms(k2, 5, 4)) expect(n).toBeCloseTo(1, 5);
    expect(Math.min(...b2)).toBeGreaterThanOrEqual(0);
    opt.dispose();
    net.dispose();
  });
});

import { NotSupportedError } from '../errors';
import { jsKernels } from '../kernels/js-kernels';
import { SequentialNetwork } from '../network/sequential-network';
import { Rng } from '../random';
import { BatchNormalization } from './batch-normalization';
import { Dense } from './dense';
import { Flatten } from './flatten';
import type { Layer } from './layer';
import { Reshape } from './reshape';

const normal = (seed: number, length: number) => {
  const rng = new Rng(seed);
  return Float64Array.from({ length }, () => rng.normal());
};
const oneHot = (rows: number, cols: number) => Float64Array.from({ length: rows * cols }, (_, i) => (i % cols === Math.floor(i / cols) % cols ? 1 : 0));

/**
 * max over every weight of the relative error between the analytic gradient and central differences, in
 * training mode (batch statistics) on the float64 twin. The moving statistics do not enter the training
 * loss: their numeric gradient is 0, as is their (unused) analytic one.
 */
function maxGradientError(layers: () => Layer[], inputShape: number[], x: Float64Array, y: Float64Array, rows: number): number {
  const build = () => new SequentialNetwork({ inputShape, layers: layers(), loss: { name: 'categoricalCrossentropy' }, kernels: jsKernels, dtype: 'float64', seed: 5 });
  const net = build();
  net.computeGradients(x, y, rows);
  const twin = build();
  const eps = 1e-6;
  let worst = 0;
  net.weights.forEach((w, t) => {
    for (let i = 0; i < w.value.length; i++) {
      const lossAt = (delta: number) => {
        const values = net.getWeights();
        values[t][i] += delta;
        twin.setWeights(values);
        return twin.computeGradients(x, y, rows);
      };
      const numeric = (lossAt(eps) - lossAt(-eps)) / (2 * eps);
      const analytic = w.trainable ? w.grad[i] : 0;
      worst = Math.max(worst, Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), 1e-7));
    }
  });
  return worst;
}

describe('BatchNormalization', () => {
  it('training-mode gradients (gamma, beta and through to the Dense before it) match central differences on [rows, C]', () => {
    const layers = () => [new Dense({ units: 5, activation: 'tanh' }), new BatchNormalization({ epsilon: 0.01 }), new Dense({ units: 3, activation: 'softmax' })];
    expect(maxGradientError(layers, [4], normal(1, 6 * 4), oneHot(6, 3), 6)).toBeLessThan(1e-6);
  });

  it('training-mode gradients match central differences on a [H, W, C] input (per channel over N·H·W)', () => {
    const layers = () => [
      new Dense({ units: 12, activation: 'tanh' }),
      new Reshape({ targetShape: [2, 2, 3] }),
      new BatchNormalization({ center: true, scale: true, epsilon: 0.001 }),
      new Flatten({}),
      new Dense({ units: 3, activation: 'softmax' }),
    ];
    expect(maxGradientError(layers, [5], normal(2, 4 * 5), oneHot(4, 3), 4)).toBeLessThan(1e-6);
  });

  it('without scale or center, the gradient check still holds and the weights are beta and the moving statistics', () => {
    // tanh first: a linear Dense's bias right before BN has an exact zero gradient (BN removes the mean).
    const layers = () => [new Dense({ units: 4, activation: 'tanh' }), new BatchNormalization({ scale: false }), new Dense({ units: 3, activation: 'softmax' })];
    expect(maxGradientError(layers, [3], normal(3, 5 * 3), oneHot(5, 3), 5)).toBeLessThan(1e-6);
    const net = new SequentialNetwork({ inputShape: [3], layers: layers(), kernels: jsKernels });
    expect(net.getNamedWeights().map((w) => [w.name, w.trainable])).toEqual([
      ['dense/kernel', true],
      ['dense/bias', true],
      ['batch_normalization/beta', true],
      ['batch_normalization/moving_mean', false],
      ['batch_normalization/moving_variance', false],
      ['dense/kernel', true],
      ['dense/bias', true],
    ]);
  });

  it('updates the moving statistics as Keras 3 does and normalises with them in inference', () => {
    const bn = new BatchNormalization({ momentum: 0.9, epsilon: 0.001 });
    const net = new SequentialNetwork({ inputShape: [2, 2], layers: [bn], kernels: jsKernels, dtype: 'float64' });
    const x = Float64Array.of(1, 10, 3, 20, 5, 60, 7, 10);
    // Channel 0 over the 4 positions of 2 samples: 1, 3, 5, 7; channel 1: 10, 20, 60, 10.
    const [mean0, mean1] = [4, 25];
    const [var0, var1] = [(9 + 1 + 1 + 9) / 4, (225 + 25 + 1225 + 225) / 4];
    net.forward(x, 2, true);
    const [, , movingMean, movingVariance] = net.getNamedWeights();
    expect(Array.from(movingMean.values)).toEqual([0.1 * mean0, 0.1 * mean1].map((v) => expect.closeTo(v, 5)));
    expect(Array.from(movingVariance.values)).toEqual([0.9 + 0.1 * var0, 0.9 + 0.1 * var1].map((v) => expect.closeTo(v, 4)));
    const training = net.forward(x, 2, true);
    // Batch statistics in training: (x − mean) / √(var + ε).
    expect(training[0]).toBeCloseTo((1 - mean0) / Math.sqrt(var0 + 0.001), 10);
    const m = net.getNamedWeights()[2].values;
    const v = net.getNamedWeights()[3].values;
    const inference = net.forward(x, 2, false);
    expect(inference[1]).toBeCloseTo((10 - m[1]) / Math.sqrt(v[1] + 0.001), 5);
    net.dispose();
  });

  it('a frozen layer normalises with its moving statistics even in training, and leaves them alone (Keras 3)', () => {
    const net = new SequentialNetwork({ inputShape: [2], layers: [new BatchNormalization({ trainable: false })], kernels: jsKernels });
    const before = net.getNamedWeights();
    const out = net.forward(Float32Array.of(3, 4), 1, true);
    expect(Array.from(out.subarray(0, 2))).toEqual([3 / Math.sqrt(1.001), 4 / Math.sqrt(1.001)].map((v) => expect.closeTo(v, 6)));
    expect(net.getNamedWeights()).toEqual(before.map((w) => ({ ...w, trainable: false })));
  });

  it('refuses an axis other than -1, and bad momentum / epsilon, naming the layer', () => {
    expect(() => new BatchNormalization({ axis: 1 })).toThrow(NotSupportedError);
    expect(() => new BatchNormalization({ axis: 1, name: 'bn' })).toThrow('axis 1 (only -1, the last axis) in BatchNormalization "bn" is not supported yet');
    expect(() => new BatchNormalization({ momentum: 1.5 })).toThrow('BatchNormalization "batch_normalization" momentum must be a number in [0, 1], got 1.5');
    expect(() => new BatchNormalization({ epsilon: 0 })).toThrow('epsilon must be a positive number, got 0');
  });
});

import { ArgumentError } from '../errors';
import { jsKernels } from '../kernels/js-kernels';
import { Rng } from '../random';
import { DenseNetwork, type DenseNetworkOptions } from './dense-network';

// Inverted dropout (Keras's `Dropout`): training passes mask a layer's output with 0 or 1 / (1 − rate),
// the backward pass multiplies by the same mask, and `forward` never drops.

const float64 = (options: DenseNetworkOptions) => new DenseNetwork({ ...options, kernels: jsKernels, dtype: 'float64' });

function batch(seed: number, length: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length }, () => rng.normal());
}

/**
 * Central differences with the mask held fixed: a twin built from the same seed draws the same mask on
 * its first training pass, so L(w ± ε) is measured under the mask the analytic gradient used.
 */
function maxGradientError(options: DenseNetworkOptions, x: Float64Array, y: Float64Array, rows: number): number {
  const net = float64(options);
  net.computeGradients(x, y, rows);
  const base = net.getWeights();
  const eps = 1e-6;
  let worst = 0;
  net.layers.forEach((layer, l) => {
    for (let i = 0; i < layer.kernel.length; i++) {
      const lossAt = (delta: number) => {
        const twin = float64(options);
        const weights = base.map((w) => ({ kernel: w.kernel.slice(), bias: w.bias ? w.bias.slice() : null }));
        weights[l].kernel[i] += delta;
        twin.setWeights(weights);
        return twin.computeGradients(x, y, rows);
      };
      const numeric = (lossAt(eps) - lossAt(-eps)) / (2 * eps);
      const analytic = layer.kernelGrad[i];
      worst = Math.max(worst, Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), 1e-7));
    }
  });
  return worst;
}

describe('DenseNetwork dropout', () => {
  const options: DenseNetworkOptions = {
    inputSize: 4,
    layers: [
      { units: 6, activation: 'tanh', dropoutRate: 0.5 },
      { units: 5, activation: 'sigmoid', dropoutRate: 0.3 },
      { units: 3, activation: 'softmax' },
    ],
    loss: 'categoricalCrossentropy',
    seed: 7,
  };
  const x = batch(1, 3 * 4);
  const y = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);

  it('back-propagates through the same mask (fused softmax + cross-entropy path)', () => {
    expect(maxGradientError(options, x, y, 3)).toBeLessThan(1e-5);
  });

  it('back-propagates through the same mask (generic loss path, dropout on the output layer too)', () => {
    const mse: DenseNetworkOptions = {
      ...options,
      layers: [
        { units: 6, activation: 'relu', dropoutRate: 0.4 },
        { units: 3, activation: 'sigmoid', dropoutRate: 0.2 },
      ],
      loss: 'mse',
    };
    expect(maxGradientError(mse, x, y, 3)).toBeLessThan(1e-5);
  });

  it('never drops in forward (inference), so predictions match a network without dropout', () => {
    const withDropout = float64(options);
    const without = float64({ ...options, layers: options.layers.map((l) => ({ ...l, dropoutRate: 0 })) });
    without.setWeights(withDropout.getWeights());
    withDropout.computeGradients(x, y, 3);
    expect(Array.from(withDropout.forward(x, 3).slice(0, 9))).toEqual(Array.from(without.forward(x, 3).slice(0, 9)));
  });

  it('keeps a fraction 1 − rate of the outputs, scaled by 1 / (1 − rate)', () => {
    // Every hidden unit outputs exactly 1; the output unit averages them, so it reads (kept / n) / (1 − rate).
    const n = 4000;
    const rate = 0.3;
    const net = new DenseNetwork({
      inputSize: 1,
      layers: [
        { units: n, activation: 'linear', useBias: false, dropoutRate: rate },
        { units: 1, activation: 'linear', useBias: false },
      ],
      loss: 'mse',
      seed: 3,
    });
    net.setWeights([{ kernel: new Float32Array(n).fill(1) }, { kernel: new Float32Array(n).fill(1 / n) }]);
    const loss = net.computeGradients(Float32Array.of(1), Float32Array.of(0), 1);
    const kept = Math.sqrt(loss) * (1 - rate);
    expect(kept).toBeGreaterThan(0.67);
    expect(kept).toBeLessThan(0.73);
    expect(net.forward(Float32Array.of(1), 1)[0]).toBeCloseTo(1, 3);
  });

  it('draws masks from the seed: same seed, same training run; another seed, another run', () => {
    const train = (seed: number) => {
      const net = new DenseNetwork({ ...options, seed });
      const xs = Float32Array.from(x);
      const ys = Float32Array.from(y);
      return [net.computeGradients(xs, ys, 3), net.computeGradients(xs, ys, 3)];
    };
    expect(train(11)).toEqual(train(11));
    expect(train(11)).not.toEqual(train(12));
  });

  it('with rate 0 trains exactly as without the option', () => {
    const a = new DenseNetwork({ ...options, layers: options.layers.map((l) => ({ ...l, dropoutRate: 0 })) });
    const b = new DenseNetwork({ ...options, layers: options.layers.map(({ dropoutRate: _, ...l }) => l) });
    const xs = Float32Array.from(x);
    const ys = Float32Array.from(y);
    expect(a.computeGradients(xs, ys, 3)).toBe(b.computeGradients(xs, ys, 3));
    expect(Array.from(a.layers[0].kernelGrad)).toEqual(Array.from(b.layers[0].kernelGrad));
  });

  it('rejects a rate outside [0, 1)', () => {
    for (const rate of [-0.1, 1, Number.NaN]) {
      expect(() => new DenseNetwork({ inputSize: 2, layers: [{ units: 2, dropoutRate: rate }] })).toThrow(ArgumentError);
    }
    expect(() => new DenseNetwork({ inputSize: 2, layers: [{ units: 2, dropoutRate: 1 }] })).toThrow(
      'layer 0 dropoutRate must be a number in [0, 1), got 1',
    );
  });
});

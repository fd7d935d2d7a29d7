import { ArgumentError, NonFiniteError, ShapeError, UnknownNameError } from '../errors';
import { createOptimizer } from '../optimizers/optimizer-registry';
import { Rng } from '../random';
import { DenseNetwork, type DenseNetworkOptions } from './dense-network';

function randomBatch(rng: Rng, rows: number, cols: number): Float32Array {
  return Float32Array.from({ length: rows * cols }, () => rng.normal());
}

describe('DenseNetwork', () => {
  const spec: DenseNetworkOptions = {
    inputSize: 5,
    layers: [
      { units: 7, activation: 'relu' },
      { units: 3, activation: 'softmax' },
    ],
    loss: 'categorical_crossentropy',
    seed: 1,
  };

  it('counts parameters like Keras (784-256-128-10 has 235,146)', () => {
    const net = new DenseNetwork({
      inputSize: 784,
      layers: [{ units: 256 }, { units: 128 }, { units: 10, activation: 'softmax' }],
    });
    expect(net.countParams()).toBe(235146);
  });

  it('the minibatch gradient is the mean of the per-sample gradients', () => {
    const rng = new Rng(2);
    const net = new DenseNetwork(spec);
    const x = randomBatch(rng, 4, 5);
    const y = new Float32Array(12);
    for (let r = 0; r < 4; r++) y[r * 3 + (r % 3)] = 1;
    net.computeGradients(x, y, 4);
    const batchGrad = net.layers.map((l) => Float64Array.from(l.kernelGrad));
    const sum = net.layers.map((l) => new Float64Array(l.kernelGrad.length));
    for (let r = 0; r < 4; r++) {
      net.computeGradients(x.subarray(r * 5, r * 5 + 5), y.subarray(r * 3, r * 3 + 3), 1);
      net.layers.forEach((l, i) => l.kernelGrad.forEach((g, j) => (sum[i][j] += g / 4)));
    }
    batchGrad.forEach((g, i) => g.forEach((v, j) => expect(v).toBeCloseTo(sum[i][j], 5)));
  });

  it('training lowers the loss, and the same seed gives bit-identical runs', () => {
    const run = () => {
      const rng = new Rng(4);
      const net = new DenseNetwork(spec);
      const opt = createOptimizer({ name: 'sgd', learningRate: 0.1, momentum: 0.9 }, net.kernels);
      const x = randomBatch(rng, 16, 5);
      const y = new Float32Array(48);
      for (let r = 0; r < 16; r++) y[r * 3 + (x[r * 5] > 0 ? 0 : x[r * 5 + 1] > 0 ? 1 : 2)] = 1;
      const losses = [];
      for (let i = 0; i < 100; i++) losses.push(net.trainStep(x, y, 16, opt));
      return { losses, weights: net.getWeights() };
    };
    const a = run();
    const b = run();
    expect(a.losses[99]).toBeLessThan(a.losses[0] / 3);
    expect(a.losses).toEqual(b.losses);
    expect(a.weights).toEqual(b.weights);
  });

  it('get/setWeights round-trip and validate before writing', () => {
    const net = new DenseNetwork(spec);
    const w = net.getWeights();
    const other = new DenseNetwork({ ...spec, seed: 99 });
    other.setWeights(w);
    expect(other.getWeights()).toEqual(w);
    expect(() => other.setWeights(w.slice(1))).toThrow(/expects weights for 2 layers, got 1/);
    const bad = [{ kernel: new Float32Array(35), bias: new Float32Array(7) }, { kernel: new Float32Array(20), bias: new Float32Array(3) }];
    expect(() => other.setWeights(bad)).toThrow(/layer 1 kernel \(7x3\) expects 21 values, got 20/);
    const nan = net.getWeights();
    nan[1].kernel[4] = Number.NaN;
    expect(() => other.setWeights(nan)).toThrow(NonFiniteError);
    expect(other.getWeights()).toEqual(w);
  });

  it('rejects bad configurations and batches', () => {
    expect(() => new DenseNetwork({ inputSize: 0, layers: [{ units: 1 }] })).toThrow(ArgumentError);
    expect(() => new DenseNetwork({ inputSize: 2, layers: [] })).toThrow(ArgumentError);
    expect(() => new DenseNetwork({ inputSize: 2, layers: [{ units: -3 }] })).toThrow(/layer 0 units must be a positive integer, got -3/);
    expect(() => new DenseNetwork({ inputSize: 2, layers: [{ units: 1, activation: 'nope' as never }] })).toThrow(UnknownNameError);
    expect(() => new DenseNetwork({ inputSize: 2, layers: [{ units: 1 }], loss: 'nope' as never })).toThrow(UnknownNameError);
    const net = new DenseNetwork(spec);
    expect(() => net.forward(new Float32Array(9), 2)).toThrow(ShapeError);
    expect(() => net.forward(new Float32Array(10), 0)).toThrow(ArgumentError);
    expect(() => net.computeGradients(new Float32Array(10), new Float32Array(5), 2)).toThrow(/y must hold 2 rows of width 3/);
  });
});

import { DivergenceError, NonFiniteError, ShapeError, ArgumentError } from '../errors';
import { NeuralNetwork } from './neural-network';

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const XOR = [0, 1, 1, 0];
const step = (v: number) => (v > 0.5 ? 1 : 0);
const silent = () => {};

describe('NeuralNetwork (the tutorial network)', () => {
  it('prints as NeuralNetwork: 2-2-1 and uses the bias-trick weight shapes', () => {
    const nn = new NeuralNetwork([2, 2, 1], { alpha: 0.5, seed: 1 });
    expect(String(nn)).toBe('NeuralNetwork: 2-2-1');
    expect(nn.getWeights().map((w) => w.shape)).toEqual([
      [3, 3],
      [3, 1],
    ]);
    expect(new NeuralNetwork([64, 32, 16, 10], { seed: 1 }).getWeights().map((w) => w.shape)).toEqual([
      [65, 33],
      [33, 17],
      [17, 10],
    ]);
  });

  it('reproduces the worked forward pass: hidden 0.899, 0.593, 0.378 → output 0.506', () => {
    const nn = new NeuralNetwork([2, 2, 1], { seed: 1 });
    nn.setWeights([
      [
        [0.351, -0.097, 0.457],
        [1.076, -0.165, -0.165],
        [1.116, 0.542, -0.331],
      ],
      [[0.383], [-0.327], [-0.329]],
    ]);
    const out = nn.predict([[0, 1]]);
    // The tutorial reports the output truncated to 0.506 (0.50651…).
    expect(Math.floor(out.get(0, 0) * 1000) / 1000).toBe(0.506);
    expect(out.get(0, 0)).toBeCloseTo(0.5065, 4);
    const hidden = Array.from(nn.network.layerOutput(0).subarray(0, 3));
    expect(hidden.map((h) => Math.floor(h * 1000) / 1000)).toEqual([0.899, 0.593, 0.378]);
  });

  it('learns XOR with 2-2-1, alpha 0.5, 20,000 epochs (seed 3)', () => {
    const lines: string[] = [];
    const nn = new NeuralNetwork([2, 2, 1], { alpha: 0.5, seed: 3 });
    nn.fit(X, XOR, { epochs: 20000, displayUpdate: 100, logger: (l) => lines.push(l) });
    expect(nn.predict(X).toArray().map((r) => step(r[0]))).toEqual(XOR);
    expect(nn.calculateLoss(X, XOR)).toBeLessThan(0.01);
    expect(lines).toHaveLength(201);
    expect(lines[0]).toMatch(/^\[INFO\] epoch=1, loss=\d+\.\d{7}$/);
    expect(lines[200]).toMatch(/^\[INFO\] epoch=20000, loss=0\.00\d{5}$/);
  });

  it('cannot learn XOR without a hidden layer (2-1)', () => {
    for (const seed of [1, 2, 3]) {
      const nn = new NeuralNetwork([2, 1], { alpha: 0.5, seed });
      nn.fit(X, XOR, { epochs: 20000, logger: silent });
      const correct = nn
        .predict(X)
        .toArray()
        .filter((r, i) => step(r[0]) === XOR[i]).length;
      expect(correct).toBeLessThan(4);
      expect(nn.calculateLoss(X, XOR)).toBeGreaterThan(0.4);
    }
  });

  it('calculateLoss is ½·Σ(p − t)² over all samples', () => {
    const nn = new NeuralNetwork([2, 2, 1], { seed: 5 });
    const p = nn.predict(X).toArray().map((r) => r[0]);
    const expected = 0.5 * p.reduce((s, v, i) => s + (v - XOR[i]) ** 2, 0);
    expect(nn.calculateLoss(X, XOR)).toBeCloseTo(expected, 6);
  });

  it('fitPartial performs exactly the tutorial update W += −α·Aᵀ·D', () => {
    const nn = new NeuralNetwork([2, 1], { alpha: 0.5, seed: 9 });
    const w = nn.getWeights()[0].data;
    const x = [1, 0, 1];
    const z = x.reduce((s, v, i) => s + v * w[i], 0);
    const a = 1 / (1 + Math.exp(-z));
    const d = (a - 1) * a * (1 - a);
    nn.fitPartial([1, 0], 1);
    const after = nn.getWeights()[0].data;
    x.forEach((v, i) => expect(after[i]).toBeCloseTo(w[i] - 0.5 * v * d, 6));
  });

  it('is reproducible: the same seed gives the same weights and predictions', () => {
    const a = new NeuralNetwork([2, 2, 1], { seed: 11 });
    const b = new NeuralNetwork([2, 2, 1], { seed: 11 });
    a.fit(X, XOR, { epochs: 50, logger: silent });
    b.fit(X, XOR, { epochs: 50, logger: silent });
    expect(a.predict(X).data).toEqual(b.predict(X).data);
  });

  it('predict with addBias: false takes X that already carries the ones column', () => {
    const nn = new NeuralNetwork([2, 2, 1], { seed: 2 });
    const withBias = X.map((r) => [...r, 1]);
    expect(nn.predict(withBias, { addBias: false }).data).toEqual(nn.predict(X).data);
  });

  describe('bad input', () => {
    it('rejects bad layer sizes and learning rates', () => {
      expect(() => new NeuralNetwork([2])).toThrow(ArgumentError);
      expect(() => new NeuralNetwork([2, 0, 1])).toThrow(/layers\[1\] must be a positive integer, got 0/);
      expect(() => new NeuralNetwork([2, 1.5, 1])).toThrow(ArgumentError);
      expect(() => new NeuralNetwork([2, 1], { alpha: 0 })).toThrow(/alpha must be a positive finite number, got 0/);
      expect(() => new NeuralNetwork([2, 1], { alpha: -1 })).toThrow(ArgumentError);
    });
    it('rejects shape mismatches, ragged rows, empty data and non-finite values', () => {
      const nn = new NeuralNetwork([2, 2, 1], { seed: 1 });
      expect(() => nn.fit([[0, 0, 0]], [0], { logger: silent })).toThrow(/X must have 2 columns, got 3/);
      expect(() => nn.fit([[0, 0], [1]], [0, 1], { logger: silent })).toThrow(ShapeError);
      expect(() => nn.fit([], [], { logger: silent })).toThrow(ArgumentError);
      expect(() => nn.fit(X, [0, 1, 1], { logger: silent })).toThrow(/y must have 4 rows/);
      expect(() => nn.fit([[0, Number.NaN]], [0], { logger: silent })).toThrow(NonFiniteError);
      expect(() => nn.fit(X, [0, 1, Number.POSITIVE_INFINITY, 0], { logger: silent })).toThrow(NonFiniteError);
      expect(() => nn.setWeights([[[1, 2]]])).toThrow(/expects 2 weight matrices, got 1/);
      expect(() => nn.setWeights([[[1]], [[1]]])).toThrow(/weights\[0\] must be 3x3, got 1x1/);
    });
    it('stops with an error naming epoch and sample when the loss becomes non-finite', () => {
      // A huge step sends a weight to Infinity in float32; the next forward pass computes 0·Infinity = NaN.
      const run = () => {
        const nn = new NeuralNetwork([2, 1], { alpha: 1e38, seed: 1 });
        nn.setWeights([[[0], [0], [0]]]);
        nn.fit([[3e38, 0], [0, 0]], [1, 0], { epochs: 5, logger: silent });
      };
      expect(run).toThrow(DivergenceError);
      expect(run).toThrow(/loss became NaN at epoch 1, batch 2/);
    });
  });
});

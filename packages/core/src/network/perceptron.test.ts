import { ArgumentError, ShapeError } from '../errors';
import { Perceptron } from './perceptron';

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

describe('Perceptron', () => {
  it.each([
    ['AND', [0, 0, 0, 1]],
    ['OR', [0, 1, 1, 1]],
  ])('learns %s (linearly separable) for every seed tried', (_name, y) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const p = new Perceptron(2, { alpha: 0.1, seed });
      p.fit(X, y, { epochs: 20 });
      expect(p.predict(X)).toEqual(y);
    }
  });

  it('cannot learn XOR: never all four right, whatever the seed', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const p = new Perceptron(2, { alpha: 0.1, seed });
      p.fit(X, [0, 1, 1, 0], { epochs: 100 });
      const correct = p.predict(X).filter((v, i) => v === [0, 1, 1, 0][i]).length;
      expect(correct).toBeLessThan(4);
    }
  });

  it('applies the delta rule W ← W − α(p − t)x only on mistakes', () => {
    const p = new Perceptron(2, { alpha: 0.1, seed: 1 });
    const w = p.getWeights();
    const pred = p.predict([[1, 1]])[0];
    p.fit([[1, 1]], [1 - pred], { epochs: 1 });
    const err = pred - (1 - pred);
    p.getWeights().forEach((v, i) => expect(v).toBeCloseTo(w[i] - 0.1 * err, 6));
    const again = p.getWeights();
    p.fit([[1, 1]], [p.predict([[1, 1]])[0]], { epochs: 3 });
    expect(p.getWeights()).toEqual(again);
  });

  it('rejects bad input', () => {
    expect(() => new Perceptron(0)).toThrow(ArgumentError);
    expect(() => new Perceptron(2, { alpha: -0.1 })).toThrow(/alpha must be a positive finite number, got -0.1/);
    const p = new Perceptron(2, { seed: 1 });
    expect(() => p.fit([[1, 2, 3]], [1])).toThrow(/X must have 2 columns, got 3/);
    expect(() => p.fit(X, [1, 0])).toThrow(ShapeError);
  });
});

import { NonFiniteError, ShapeError } from '../errors';
import { oneHot } from '../preprocessing/one-hot';
import { accuracy } from './accuracy';

describe('accuracy', () => {
  it('is the fraction of matching labels', () => {
    expect(accuracy([0, 1, 2, 2, 2], [0, 0, 2, 2, 1])).toBeCloseTo(0.6, 12);
    expect(accuracy(Int32Array.from([1, 1]), [1, 1])).toBe(1);
    expect(accuracy([1], [0])).toBe(0);
  });

  it('accepts one-hot targets and probability predictions (argmax per row)', () => {
    const probs = [
      [0.9, 0.05, 0.05],
      [0.6, 0.3, 0.1],
      [0.1, 0.1, 0.8],
      [0.2, 0.2, 0.6],
    ];
    expect(accuracy(oneHot([0, 1, 2, 2]), probs)).toBe(0.75);
    expect(accuracy([0, 1, 2, 2], probs)).toBe(0.75);
  });

  it('rejects mismatched lengths, empty input and NaN', () => {
    expect(() => accuracy([0, 1], [0])).toThrow(ShapeError);
    expect(() => accuracy([], [])).toThrow(/yTrue must hold at least one label/);
    expect(() => accuracy([0, 1], [0, NaN])).toThrow(NonFiniteError);
    expect(() => accuracy([0, 0.5], [0, 1])).toThrow(/yTrue\[1\]/);
  });
});

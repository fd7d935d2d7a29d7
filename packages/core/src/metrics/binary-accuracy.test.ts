import { ArgumentError, NonFiniteError, ShapeError } from '../errors';
import { binaryAccuracy } from './binary-accuracy';

describe('binaryAccuracy', () => {
  it('is the fraction of values where (yPred > 0.5) equals yTrue', () => {
    // Keras: keras.metrics.binary_accuracy([[1, 0, 0, 1]], [[0.9, 0.4, 0.6, 0.5]]) → 0.5 (0.5 is not > 0.5).
    expect(binaryAccuracy([1, 0, 0, 1], [0.9, 0.4, 0.6, 0.5])).toBe(0.5);
    expect(binaryAccuracy(Float32Array.of(1, 0, 1), Float32Array.of(0.9, 0.4, 0.2))).toBeCloseTo(2 / 3, 12);
  });

  it('scores a rows × units block value by value (the mean of Keras’s per-sample means)', () => {
    const t = Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0]);
    const p = Float32Array.from([0.7, 0.2, 0.1, 0.6, 0.3, 0.1, 0.1, 0.1, 0.8, 0.2, 0.5, 0.3]);
    expect(binaryAccuracy(t, p)).toBeCloseTo(9 / 12, 12);
  });

  it('takes another threshold', () => {
    expect(binaryAccuracy([1, 0, 1, 0], [0.3, 0.1, 0.25, 0.2], 0.2)).toBe(1);
    expect(binaryAccuracy([1, 0], [0.3, -0.5], 0)).toBe(1);
    expect(binaryAccuracy([1, 0], [Infinity, -Infinity])).toBe(1);
  });

  it('compares targets exactly, as Keras does: a soft label never agrees', () => {
    expect(binaryAccuracy([0.9, 0.1], [0.95, 0.05])).toBe(0);
  });

  it('rejects mismatched lengths, empty input, NaN and a bad threshold', () => {
    expect(() => binaryAccuracy([1, 0], [1])).toThrow(new ShapeError('yPred must have one value per value of yTrue (2), got 1'));
    expect(() => binaryAccuracy([], [])).toThrow(ArgumentError);
    expect(() => binaryAccuracy([1, 0], [0.2, NaN])).toThrow(new NonFiniteError('yPred[1] must be a number, got NaN'));
    expect(() => binaryAccuracy([1, Infinity], [0.2, 0.1])).toThrow(NonFiniteError);
    expect(() => binaryAccuracy([1], [1], NaN)).toThrow(/threshold must be a finite number, got NaN/);
    expect(() => binaryAccuracy(3 as never, [1])).toThrow(/yTrue must be a flat array of numbers, got 3/);
  });
});

import { ArgumentError, NonFiniteError, ShapeError } from '../errors';
import { meanBiasError } from './mean-bias-error';

describe('meanBiasError', () => {
  it('is mean(yPred - yTrue): positive when the model over-predicts', () => {
    expect(meanBiasError([1, 2, 3], [2, 3, 4])).toBe(1);
    expect(meanBiasError([1, 2, 3], [0, 1, 2])).toBe(-1);
    expect(meanBiasError([3, -0.5, 2, 7], [2.5, 0, 2, 8])).toBeCloseTo(0.25, 12);
  });

  it('lets errors of opposite sign cancel', () => {
    expect(meanBiasError([0, 0], [-5, 5])).toBe(0);
  });

  it('accepts typed arrays and matrices', () => {
    expect(meanBiasError(Float32Array.from([1, 1]), [[2], [3]])).toBe(1.5);
  });

  it('rejects bad input', () => {
    expect(() => meanBiasError([1, 2], [1])).toThrow(ShapeError);
    expect(() => meanBiasError([], [])).toThrow(ArgumentError);
    expect(() => meanBiasError([1], [Infinity])).toThrow(NonFiniteError);
    expect(() => meanBiasError([1], [Infinity])).toThrow('yPred[0] must be a finite number, got Infinity');
  });
});

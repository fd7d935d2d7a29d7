import { ArgumentError, NonFiniteError, ShapeError } from '../errors';
import { Matrix } from '../matrix';
import { meanAbsoluteError, meanSquaredError, rootMeanSquaredError } from './regression-metrics';

// scikit-learn's documented examples for mean_squared_error / mean_absolute_error.
const yTrue = [3, -0.5, 2, 7];
const yPred = [2.5, 0.0, 2, 8];

describe('regression metrics', () => {
  it('match scikit-learn on its documented example', () => {
    expect(meanSquaredError(yTrue, yPred)).toBeCloseTo(0.375, 12);
    expect(meanAbsoluteError(yTrue, yPred)).toBeCloseTo(0.5, 12);
    expect(rootMeanSquaredError(yTrue, yPred)).toBeCloseTo(Math.sqrt(0.375), 12);
  });

  it('average over every value of a matrix', () => {
    const t = [
      [0.5, 1],
      [-1, 1],
      [7, -6],
    ];
    const p = [
      [0, 2],
      [-1, 2],
      [8, -5],
    ];
    expect(meanSquaredError(t, p)).toBeCloseTo(0.708333333333, 9); // scikit-learn: 0.708...
    expect(meanAbsoluteError(t, p)).toBeCloseTo(0.75, 12); // scikit-learn: 0.75
    expect(meanSquaredError(Matrix.column([1, 2]), [1, 4])).toBe(2);
  });

  it('reject bad input', () => {
    expect(() => meanSquaredError([1, 2], [1])).toThrow(ShapeError);
    expect(() => meanSquaredError([[1, 2]], [[1], [2]])).toThrow('yPred must have the shape of yTrue [1, 2], got [2, 1]');
    expect(() => meanAbsoluteError([], [])).toThrow(ArgumentError);
    expect(() => rootMeanSquaredError([1, NaN], [1, 2])).toThrow(NonFiniteError);
    expect(() => meanSquaredError([1], 'x' as never)).toThrow(ArgumentError);
  });
});

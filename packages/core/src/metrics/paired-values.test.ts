import { ArgumentError, NonFiniteError, ShapeError } from '../errors';
import { Matrix } from '../matrix';
import { pairedValues } from './paired-values';

describe('pairedValues', () => {
  it('flattens arrays and matrices to float64', () => {
    const [t, p] = pairedValues([[1, 2]], { data: [3, 4], shape: [1, 2] });
    expect(t).toEqual(Float64Array.from([1, 2]));
    expect(p).toEqual(Float64Array.from([3, 4]));
    expect(pairedValues(Matrix.column([1, 2]), [1, 2])[1]).toEqual(Float64Array.from([1, 2]));
  });

  it('names the argument in errors', () => {
    expect(() => pairedValues([1, 2], [1, 2, 3])).toThrow('yPred must have one value per value of yTrue (2), got 3');
    expect(() => pairedValues([[1, 2]], [[1, 2, 3]])).toThrow(ShapeError);
    expect(() => pairedValues([[1, NaN]], [[1, 2]])).toThrow(/yTrue\[0\]\[1\]/);
    expect(() => pairedValues([1], [NaN])).toThrow(NonFiniteError);
    expect(() => pairedValues([], [])).toThrow('yTrue must hold at least one value, got none');
    expect(() => pairedValues(null as never, [1])).toThrow(ArgumentError);
  });
});

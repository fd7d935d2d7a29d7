import { ArgumentError, NonFiniteError, ShapeError } from '../errors';
import { Matrix } from '../matrix';
import { argMaxRows } from './arg-max-rows';

describe('argMaxRows', () => {
  it('returns the column of the largest value per row', () => {
    const m = Matrix.fromArray([
      [0.1, 0.7, 0.2],
      [0.9, 0.05, 0.05],
      [-3, -2, -1],
    ]);
    expect(Array.from(argMaxRows(m))).toEqual([1, 0, 2]);
  });

  it('breaks ties toward the first column, like numpy.argmax', () => {
    expect(Array.from(argMaxRows({ data: [0.5, 0.5, 0, -Infinity, -Infinity, -Infinity], rows: 2, cols: 3 }))).toEqual([0, 0]);
  });

  it('accepts a plain { data, rows, cols } and an empty matrix', () => {
    expect(argMaxRows({ data: new Float64Array([1, 2]), rows: 1, cols: 2 })).toEqual(Int32Array.from([1]));
    expect(argMaxRows(new Matrix(0, 3)).length).toBe(0);
  });

  it('rejects bad input with typed errors', () => {
    expect(() => argMaxRows({ data: [1, NaN], rows: 1, cols: 2 })).toThrow(NonFiniteError);
    expect(() => argMaxRows({ data: [1, NaN], rows: 1, cols: 2 })).toThrow(/row 0, column 1.*NaN/);
    expect(() => argMaxRows({ data: [1, 2, 3], rows: 2, cols: 2 })).toThrow(ShapeError);
    expect(() => argMaxRows({ data: [], rows: 2, cols: 0 })).toThrow(ArgumentError);
    expect(() => argMaxRows({ data: [], rows: -1, cols: 0 })).toThrow(ArgumentError);
    expect(() => argMaxRows(null as never)).toThrow(ArgumentError);
  });
});

import { NonFiniteError, ShapeError, ArgumentError } from './errors';
import { Matrix } from './matrix';

describe('Matrix', () => {
  it('builds from nested arrays and { data, shape }, row-major', () => {
    const m = Matrix.fromArray([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(m.shape).toEqual([2, 3]);
    expect(m.get(1, 0)).toBe(4);
    expect(Array.from(m.row(1))).toEqual([4, 5, 6]);
    expect(Matrix.from({ data: [1, 2, 3, 4], shape: [2, 2] }).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(m.takeRows([1, 0]).toArray()).toEqual([
      [4, 5, 6],
      [1, 2, 3],
    ]);
  });

  it('rejects ragged rows, wrong sizes and non-finite values, naming the argument', () => {
    expect(() => Matrix.fromArray([[1, 2], [3]], 'X')).toThrow(/X row 1 has 1 values, expected 2/);
    expect(() => new Matrix(2, 2, new Float32Array(3))).toThrow(ShapeError);
    expect(() => Matrix.fromArray([[1, Number.NaN]], 'X')).toThrow(NonFiniteError);
    expect(() => Matrix.from({ data: [1, 2, 3], shape: [2, 2] }, 'x')).toThrow(/x of shape \[2, 2\] needs 4 values, got 3/);
    expect(() => Matrix.from(42 as never, 'x')).toThrow(ArgumentError);
  });
});

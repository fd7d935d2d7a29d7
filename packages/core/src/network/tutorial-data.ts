import { ArgumentError, ShapeError } from '../errors';
import { Matrix, type MatrixLike } from '../matrix';

/** The bias trick: a column of ones appended to X (`np.c_[X, np.ones((X.shape[0]))]`). */
export function appendBiasColumn(x: Matrix): Matrix {
  const out = new Matrix(x.rows, x.cols + 1);
  for (let i = 0; i < x.rows; i++) {
    out.data.set(x.row(i), i * (x.cols + 1));
    out.data[i * (x.cols + 1) + x.cols] = 1;
  }
  return out;
}

/** Targets as a matrix with `width` columns; a flat list is read as one column (the tutorial's y for XOR). */
export function toTargets(y: MatrixLike | readonly number[], width: number): Matrix {
  if (Array.isArray(y) && y.length > 0 && !Array.isArray(y[0])) {
    if (width !== 1) {
      throw new ShapeError(`y must have ${width} columns (one-hot targets), got a flat list of ${y.length} values`);
    }
    return Matrix.fromArray((y as readonly number[]).map((v) => [v]), 'y');
  }
  const m = Matrix.from(y as MatrixLike, 'y');
  if (m.rows === 0) throw new ArgumentError('y must hold at least one target, got 0 rows');
  if (m.cols !== width) throw new ShapeError(`y must have ${width} columns, got ${m.cols}`);
  return m;
}

import { ArgumentError, describeValue, NonFiniteError, ShapeError } from '../errors';

/** Anything laid out as a row-major matrix: a `Matrix`, or a plain `{ data, rows, cols }`. */
export interface RowMajor {
  readonly data: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
}

/**
 * The column of the largest value in each row — turns one-hot targets or class probabilities
 * back into labels. Ties go to the first column, as NumPy's `argmax` does. NaN throws instead of
 * winning (NumPy returns the NaN's index), so a diverged model is not scored as if it predicted.
 */
export function argMaxRows(m: RowMajor): Int32Array {
  if (m === null || typeof m !== 'object' || !('data' in m) || !('rows' in m) || !('cols' in m)) {
    throw new ArgumentError(`argMaxRows expects a Matrix or { data, rows, cols }, got ${describeValue(m)}`);
  }
  const { data, rows, cols } = m;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new ArgumentError(`argMaxRows expects rows and cols to be non-negative integers, got [${rows}, ${cols}]`);
  }
  if (data.length !== rows * cols) {
    throw new ShapeError(`argMaxRows: a [${rows}, ${cols}] matrix needs ${rows * cols} values, got ${data.length}`);
  }
  if (cols === 0 && rows > 0) {
    throw new ArgumentError(`argMaxRows expects at least one column, got a [${rows}, 0] matrix`);
  }
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    let best = 0;
    let bestValue = -Infinity;
    for (let j = 0; j < cols; j++) {
      const v = data[offset + j];
      if (Number.isNaN(v)) throw new NonFiniteError(`argMaxRows: row ${i}, column ${j} must be a number, got NaN`);
      if (v > bestValue || j === 0) {
        best = j;
        bestValue = v;
      }
    }
    out[i] = best;
  }
  return out;
}

import { ArgumentError, describeValue, NonFiniteError, ShapeError } from './errors';

/** Row-major storage the engine computes on: float32 by default, float64 for gradient checking. */
export type FloatArray = Float32Array | Float64Array;

/** Anything that can be read as a 2-D matrix of numbers. */
export type MatrixLike = Matrix | readonly (readonly number[])[] | { data: ArrayLike<number>; shape: readonly [number, number] };

/**
 * A small 2-D matrix over a `Float32Array` (row-major). It checks shapes and nothing more;
 * the arithmetic lives in the kernels.
 */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;

  constructor(rows: number, cols: number, data?: Float32Array) {
    if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
      throw new ArgumentError(`Matrix shape must be two non-negative integers, got [${rows}, ${cols}]`);
    }
    if (data !== undefined && data.length !== rows * cols) {
      throw new ShapeError(`Matrix [${rows}, ${cols}] needs ${rows * cols} values, got ${data.length}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float32Array(rows * cols);
  }

  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /**
   * Build from nested arrays, checking that rows are not ragged and values are finite.
   * `name` is used in error messages ("X row 3 has 4 values, expected 2").
   */
  static fromArray(rows: readonly (readonly number[])[], name = 'matrix'): Matrix {
    if (!Array.isArray(rows)) throw new ArgumentError(`${name} must be an array of rows, got ${describeValue(rows)}`);
    const n = rows.length;
    const first = rows[0];
    const d = n === 0 ? 0 : Array.isArray(first) ? first.length : -1;
    if (d < 0) throw new ArgumentError(`${name} must be an array of rows (number[][]), got rows of ${describeValue(first)}`);
    const m = new Matrix(n, d);
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      if (!Array.isArray(row) || row.length !== d) {
        throw new ShapeError(`${name} row ${i} has ${Array.isArray(row) ? row.length : describeValue(row)} values, expected ${d} (ragged rows)`);
      }
      for (let j = 0; j < d; j++) {
        const v = row[j];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new NonFiniteError(`${name}[${i}][${j}] must be a finite number, got ${describeValue(v)}`);
        }
        m.data[i * d + j] = v;
      }
    }
    return m;
  }

  /** Accept a Matrix, nested arrays, or `{ data, shape }`; always returns a Matrix (copying only when needed). */
  static from(value: MatrixLike, name = 'matrix'): Matrix {
    if (value instanceof Matrix) return value;
    if (Array.isArray(value)) return Matrix.fromArray(value, name);
    if (value !== null && typeof value === 'object' && 'data' in value && 'shape' in value) {
      const [rows, cols] = value.shape;
      const data = value.data instanceof Float32Array ? value.data : Float32Array.from(value.data);
      if (data.length !== rows * cols) {
        throw new ShapeError(`${name} of shape [${rows}, ${cols}] needs ${rows * cols} values, got ${data.length}`);
      }
      return new Matrix(rows, cols, data);
    }
    throw new ArgumentError(`${name} must be a Matrix, number[][] or { data, shape }, got ${describeValue(value)}`);
  }

  /** A column vector from a flat list. */
  static column(values: ArrayLike<number>): Matrix {
    return new Matrix(values.length, 1, Float32Array.from(values));
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  set(i: number, j: number, value: number): void {
    this.data[i * this.cols + j] = value;
  }

  /** A view of row i (no copy). */
  row(i: number): Float32Array {
    return this.data.subarray(i * this.cols, (i + 1) * this.cols);
  }

  /** A copy of rows [start, end). */
  sliceRows(start: number, end: number): Matrix {
    return new Matrix(end - start, this.cols, this.data.slice(start * this.cols, end * this.cols));
  }

  /** Rows picked by index, copied. */
  takeRows(indices: ArrayLike<number>): Matrix {
    const out = new Matrix(indices.length, this.cols);
    for (let r = 0; r < indices.length; r++) {
      out.data.set(this.row(indices[r]), r * this.cols);
    }
    return out;
  }

  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.row(i)));
    return out;
  }

  /** Throw unless every value is finite; `name` goes into the message. */
  assertFinite(name = 'matrix'): this {
    const { data, cols } = this;
    for (let k = 0; k < data.length; k++) {
      if (!Number.isFinite(data[k])) {
        throw new NonFiniteError(`${name}[${Math.floor(k / cols)}][${k % cols}] must be finite, got ${data[k]}`);
      }
    }
    return this;
  }

  toString(): string {
    return `Matrix[${this.rows}x${this.cols}]`;
  }
}

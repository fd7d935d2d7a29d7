import { ArgumentError, ShapeError } from '../errors';
import type { FloatArray } from '../matrix';

/** A batch argument holds `rows` (a positive integer) rows of `width` values. */
export function checkBatch(data: FloatArray, rows: number, width: number, name: string): void {
  if (!Number.isInteger(rows) || rows <= 0) throw new ArgumentError(`${name} batch size must be a positive integer, got ${rows}`);
  if (data.length < rows * width) {
    throw new ShapeError(`${name} must hold ${rows} rows of width ${width} (${rows * width} values), got ${data.length} values`);
  }
}

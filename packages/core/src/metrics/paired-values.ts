import { ArgumentError, describeValue, NonFiniteError, ShapeError } from '../errors';
import { Matrix, type MatrixLike } from '../matrix';

/** Targets or predictions of a regression metric: a flat array, or a matrix compared value by value. */
export type Values = ArrayLike<number> | MatrixLike;

/**
 * `yTrue` and `yPred` as flat float64 arrays of equal length, every value finite. Two matrices must
 * have the same shape; a flat array matches anything with as many values (e.g. a column vector).
 */
export function pairedValues(yTrue: Values, yPred: Values): [Float64Array, Float64Array] {
  const [t, tShape] = flatten(yTrue, 'yTrue');
  const [p, pShape] = flatten(yPred, 'yPred');
  if (tShape && pShape && (tShape[0] !== pShape[0] || tShape[1] !== pShape[1])) {
    throw new ShapeError(`yPred must have the shape of yTrue [${tShape.join(', ')}], got [${pShape.join(', ')}]`);
  }
  if (t.length !== p.length) throw new ShapeError(`yPred must have one value per value of yTrue (${t.length}), got ${p.length}`);
  if (t.length === 0) throw new ArgumentError('yTrue must hold at least one value, got none');
  return [t, p];
}

function flatten(y: Values, name: string): [Float64Array, [number, number] | null] {
  const nested = Array.isArray(y) && y.length > 0 && Array.isArray(y[0]);
  const shaped = y !== null && typeof y === 'object' && 'shape' in y && 'data' in y;
  if (y instanceof Matrix || nested || shaped) {
    const m = Matrix.from(y as MatrixLike, name).assertFinite(name);
    return [Float64Array.from(m.data), [m.rows, m.cols]];
  }
  if (!Array.isArray(y) && !ArrayBuffer.isView(y)) {
    throw new ArgumentError(`${name} must be an array of numbers or a matrix, got ${describeValue(y)}`);
  }
  const values = y as ArrayLike<number>;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new NonFiniteError(`${name}[${i}] must be a finite number, got ${describeValue(v)}`);
    }
    out[i] = v;
  }
  return [out, null];
}

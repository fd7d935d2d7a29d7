import { ArgumentError, BackpropError, describeValue, NonFiniteError, ShapeError } from '../errors';
import { Matrix, type MatrixLike } from '../matrix';
import { checkBooleanOption, checkOptionKeys } from '../options/check-option-keys';
import { optionKeys } from '../options/option-keys';

export interface MinMaxScaleOptions {
  /**
   * `false` (default): one min and max over the whole matrix, as the tutorial's
   * `(X - X.min()) / (X.max() - X.min())` does — right for pixels, where every column shares a unit.
   * `true`: one min and max per column, as scikit-learn's `MinMaxScaler` does.
   */
  readonly perFeature?: boolean;
  /** Output range, scikit-learn's `feature_range`; default `[0, 1]`. */
  readonly featureRange?: readonly [number, number];
  /** Known data minimum instead of the one seen in `fit` (e.g. 0 for pixels); an array implies `perFeature`. */
  readonly min?: number | readonly number[];
  /** Known data maximum instead of the one seen in `fit` (e.g. 255 for pixels); an array implies `perFeature`. */
  readonly max?: number | readonly number[];
  /** Clamp transformed values into `featureRange` (scikit-learn's `clip`); default false. */
  readonly clip?: boolean;
}

/** Every key of MinMaxScaleOptions, checked against the interface by the type checker. */
const MIN_MAX_SCALE_KEYS = optionKeys<MinMaxScaleOptions>()(['perFeature', 'featureRange', 'min', 'max', 'clip']);

/**
 * Min-max scaling that remembers what it saw: `fit` on the training set, then `transform` the
 * test set with the training set's min and max so both share one scale (scikit-learn's `MinMaxScaler`).
 * A constant feature (max = min) maps to the low end of `featureRange` (0 by default) instead of NaN:
 * like scikit-learn, its range is treated as 1.
 */
export class MinMaxScaler {
  readonly perFeature: boolean;
  readonly featureRange: readonly [number, number];
  readonly clip: boolean;
  private readonly givenMin: number | readonly number[] | undefined;
  private readonly givenMax: number | readonly number[] | undefined;
  private fitted: { min: Float64Array; max: Float64Array } | null = null;

  constructor(options: MinMaxScaleOptions = {}) {
    checkOptionKeys(options, MIN_MAX_SCALE_KEYS, 'MinMaxScaler options');
    checkBooleanOption(options.perFeature, 'perFeature', 'MinMaxScaler options');
    checkBooleanOption(options.clip, 'clip', 'MinMaxScaler options');
    const { min, max, featureRange = [0, 1], clip = false } = options;
    const arrayGiven = Array.isArray(min) || Array.isArray(max);
    if (options.perFeature === false && arrayGiven) {
      throw new ArgumentError('MinMaxScaler min/max must be single numbers when perFeature is false, got an array');
    }
    checkBound(min, 'min');
    checkBound(max, 'max');
    if (!Array.isArray(featureRange) || featureRange.length !== 2 || !(featureRange[0] < featureRange[1])) {
      throw new ArgumentError(
        `MinMaxScaler featureRange must be [low, high] with low < high, got ${Array.isArray(featureRange) ? `[${featureRange.join(', ')}]` : describeValue(featureRange)}`,
      );
    }
    if (!Number.isFinite(featureRange[0]) || !Number.isFinite(featureRange[1])) {
      throw new NonFiniteError(`MinMaxScaler featureRange must be finite, got [${featureRange.join(', ')}]`);
    }
    this.perFeature = options.perFeature ?? arrayGiven;
    this.featureRange = [featureRange[0], featureRange[1]];
    this.clip = clip;
    this.givenMin = min;
    this.givenMax = max;
  }

  /** Minimum used for scaling: one value per column, or a single value when `perFeature` is false. */
  get dataMin(): number[] {
    return Array.from(this.state('dataMin').min);
  }

  get dataMax(): number[] {
    return Array.from(this.state('dataMax').max);
  }

  /** Learn the min and max of `x` (rows are samples); options `min`/`max` override what is seen. */
  fit(x: MatrixLike): this {
    const m = Matrix.from(x, 'x').assertFinite('x');
    if (m.rows === 0 || m.cols === 0) {
      throw new ArgumentError(`MinMaxScaler.fit expects x with at least one row and one column, got [${m.rows}, ${m.cols}]`);
    }
    const width = this.perFeature ? m.cols : 1;
    const min = new Float64Array(width).fill(Infinity);
    const max = new Float64Array(width).fill(-Infinity);
    for (let k = 0; k < m.data.length; k++) {
      const j = this.perFeature ? k % m.cols : 0;
      const v = m.data[k];
      if (v < min[j]) min[j] = v;
      if (v > max[j]) max[j] = v;
    }
    applyGiven(min, this.givenMin, 'min');
    applyGiven(max, this.givenMax, 'max');
    for (let j = 0; j < width; j++) {
      if (min[j] > max[j]) {
        const where = this.perFeature ? ` for column ${j}` : '';
        throw new ArgumentError(`MinMaxScaler expects min <= max${where}, got min ${min[j]} and max ${max[j]}`);
      }
    }
    this.fitted = { min, max };
    return this;
  }

  /** Scale `x` with the fitted min and max; values outside them land outside `featureRange` unless `clip`. */
  transform(x: MatrixLike): Matrix {
    return this.apply(x, 'transform', (v, lo, min, scale) => (v - min) * scale + lo);
  }

  fitTransform(x: MatrixLike): Matrix {
    return this.fit(x).transform(x);
  }

  /** Undo `transform` (scikit-learn's `inverse_transform`). */
  inverseTransform(x: MatrixLike): Matrix {
    return this.apply(x, 'inverseTransform', (v, lo, min, scale) => (v - lo) / scale + min);
  }

  private apply(
    x: MatrixLike,
    method: string,
    f: (v: number, lo: number, min: number, scale: number) => number,
  ): Matrix {
    const { min, max } = this.state(method);
    const m = Matrix.from(x, 'x').assertFinite('x');
    if (this.perFeature && m.cols !== min.length) {
      throw new ShapeError(`MinMaxScaler.${method} expects x with ${min.length} columns (as fitted), got ${m.cols}`);
    }
    const [lo, hi] = this.featureRange;
    const scale = new Float64Array(min.length);
    for (let j = 0; j < min.length; j++) scale[j] = (hi - lo) / (max[j] - min[j] || 1);
    const clip = this.clip && method === 'transform';
    const out = new Matrix(m.rows, m.cols);
    for (let k = 0; k < m.data.length; k++) {
      const j = this.perFeature ? k % m.cols : 0;
      let v = f(m.data[k], lo, min[j], scale[j]);
      if (clip) v = Math.min(Math.max(v, lo), hi);
      out.data[k] = v;
    }
    return out;
  }

  private state(method: string): { min: Float64Array; max: Float64Array } {
    if (!this.fitted) throw new BackpropError(`MinMaxScaler.${method} needs a fitted scaler; call fit(x) first`);
    return this.fitted;
  }
}

/**
 * Scale `x` into [0, 1] (or `featureRange`) in one call. Default is the tutorial's global form;
 * pass `{ perFeature: true }` for scikit-learn's per-column `minmax_scale`. To scale a test set
 * with the training set's range, use `MinMaxScaler` instead.
 */
export function minMaxScale(x: MatrixLike, options: MinMaxScaleOptions = {}): Matrix {
  return new MinMaxScaler(options).fitTransform(x);
}

/** Alias of `minMaxScale`. */
export const scaleMinMax = minMaxScale;

function checkBound(value: number | readonly number[] | undefined, name: string): void {
  if (value === undefined) return;
  const values = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && value.length === 0) {
    throw new ArgumentError(`MinMaxScaler ${name} must be a number or a non-empty number[], got an empty array`);
  }
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      const where = Array.isArray(value) ? `${name}[${i}]` : name;
      throw new NonFiniteError(`MinMaxScaler ${where} must be a finite number, got ${describeValue(v)}`);
    }
  });
}

function applyGiven(target: Float64Array, given: number | readonly number[] | undefined, name: string): void {
  if (given === undefined) return;
  if (typeof given === 'number') {
    target.fill(given);
    return;
  }
  if (given.length !== target.length) {
    throw new ShapeError(`MinMaxScaler ${name} has ${given.length} values, expected one per column of x (${target.length})`);
  }
  target.set(given);
}

import { ArgumentError, describeValue, NonFiniteError, ShapeError } from '../errors';
import { Matrix, type MatrixLike } from '../matrix';
import { checkOptionKeys } from '../options/check-option-keys';
import { optionKeys } from '../options/option-keys';
import { Rng } from '../random';
import { argMaxRows } from './arg-max-rows';

/** A flat list of targets or class labels; `trainTestSplit` gives them back as the same kind. */
export type LabelArray =
  | readonly number[]
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

export interface TrainTestSplitOptions {
  /** Fraction of rows in (0, 1), or a whole number of rows (>= 1). Default 0.25, as scikit-learn. */
  readonly testSize?: number;
  /** Seed for the shuffle: the same seed gives the same split. Default: a fresh seed per call. */
  readonly seed?: number;
  /**
   * Keep class proportions in both parts. `true` stratifies on `y` (class labels, or one-hot rows);
   * an array gives the labels to stratify on, one per row.
   */
  readonly stratify?: ArrayLike<number> | boolean;
  /** Shuffle before splitting (default true); `false` keeps order: first rows train, last rows test. */
  readonly shuffle?: boolean;
}

/** Every key of TrainTestSplitOptions, checked against the interface by the type checker. */
const TRAIN_TEST_SPLIT_KEYS = optionKeys<TrainTestSplitOptions>()(['testSize', 'seed', 'stratify', 'shuffle']);

export interface TrainTestSplit<Y> {
  readonly xTrain: Matrix;
  readonly xTest: Matrix;
  readonly yTrain: Y;
  readonly yTest: Y;
  /** Which rows of the input went to each part, in output order. */
  readonly trainIndices: Int32Array;
  readonly testIndices: Int32Array;
}

/**
 * Split rows of `x` and `y` into train and test parts, mirroring scikit-learn's `train_test_split`:
 * the test size is `ceil(testSize * n)` for a fraction, stratified splits are allowed only with
 * shuffling, and every class needs at least two members.
 */
export function trainTestSplit(x: MatrixLike, y: MatrixLike, options?: TrainTestSplitOptions): TrainTestSplit<Matrix>;
export function trainTestSplit<Y extends LabelArray>(x: MatrixLike, y: Y, options?: TrainTestSplitOptions): TrainTestSplit<Y>;
export function trainTestSplit(
  x: MatrixLike,
  y: MatrixLike | LabelArray,
  options: TrainTestSplitOptions = {},
): TrainTestSplit<Matrix | LabelArray> {
  const xm = Matrix.from(x, 'x');
  const yIsFlat = isFlat(y);
  const ym = yIsFlat ? null : Matrix.from(y as MatrixLike, 'y');
  const n = xm.rows;
  const yRows = ym ? ym.rows : (y as LabelArray).length;
  if (n === 0) throw new ArgumentError('trainTestSplit expects x with at least one row, got 0 rows');
  if (yRows !== n) throw new ShapeError(`trainTestSplit expects y to have one row per row of x (${n}), got ${yRows}`);

  checkOptionKeys(options, TRAIN_TEST_SPLIT_KEYS, 'trainTestSplit options');
  const { testSize = 0.25, seed, stratify = false, shuffle = true } = options;
  const nTest = testCount(testSize, n);
  const nTrain = n - nTest;
  if (typeof shuffle !== 'boolean') throw new ArgumentError(`trainTestSplit shuffle must be a boolean, got ${describeValue(shuffle)}`);

  let train: Int32Array;
  let test: Int32Array;
  if (stratify !== false) {
    if (!shuffle) {
      // scikit-learn: "Stratified train/test split is not implemented for shuffle=False".
      throw new ArgumentError('trainTestSplit stratify requires shuffle: true, got shuffle: false');
    }
    const labels = stratify === true ? (ym ? labelsOfMatrix(ym) : (y as LabelArray)) : stratify;
    if (labels === null || typeof labels !== 'object' || labels.length !== n) {
      const given = labels !== null && typeof labels === 'object' ? `${labels.length} labels` : describeValue(labels);
      throw new ShapeError(`trainTestSplit stratify expects one label per row of x (${n}), got ${given}`);
    }
    [train, test] = stratifiedSplit(labels, nTrain, nTest, new Rng(seed));
  } else if (shuffle) {
    const order = new Rng(seed).permutation(n);
    test = Int32Array.from(order.subarray(0, nTest));
    train = Int32Array.from(order.subarray(nTest));
  } else {
    train = Int32Array.from({ length: nTrain }, (_, i) => i);
    test = Int32Array.from({ length: nTest }, (_, i) => nTrain + i);
  }

  return {
    xTrain: xm.takeRows(train),
    xTest: xm.takeRows(test),
    yTrain: ym ? ym.takeRows(train) : takeLabels(y as LabelArray, train),
    yTest: ym ? ym.takeRows(test) : takeLabels(y as LabelArray, test),
    trainIndices: train,
    testIndices: test,
  };
}

function isFlat(y: MatrixLike | LabelArray): y is LabelArray {
  if (ArrayBuffer.isView(y)) return true;
  return Array.isArray(y) && (y.length === 0 || !Array.isArray(y[0]));
}

/** scikit-learn's rule: a fraction gives ceil(testSize * n) test rows; both parts must be non-empty. */
function testCount(testSize: number, n: number): number {
  if (typeof testSize !== 'number' || !Number.isFinite(testSize) || testSize <= 0) {
    throw new ArgumentError(`trainTestSplit testSize must be a fraction in (0, 1) or a row count >= 1, got ${describeValue(testSize)}`);
  }
  if (testSize >= 1 && !Number.isInteger(testSize)) {
    throw new ArgumentError(`trainTestSplit testSize must be a fraction in (0, 1) or a whole row count, got ${testSize}`);
  }
  const nTest = testSize < 1 ? Math.ceil(testSize * n) : testSize;
  if (nTest >= n) {
    throw new ArgumentError(
      `trainTestSplit testSize ${testSize} leaves no rows to train on: expected fewer than ${n} test rows, got ${nTest}`,
    );
  }
  return nTest;
}

/** Labels to stratify on from a y matrix: its single column, or the argmax of one-hot rows. */
function labelsOfMatrix(ym: Matrix): ArrayLike<number> {
  return ym.cols === 1 ? ym.data : argMaxRows(ym);
}

/**
 * Per-class test counts by largest remainder (scikit-learn's `_approximate_mode`), so each class's
 * share of the test set is within one row of its share of the data; then each class is shuffled and cut.
 */
function stratifiedSplit(labels: ArrayLike<number>, nTrain: number, nTest: number, rng: Rng): [Int32Array, Int32Array] {
  const n = labels.length;
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new NonFiniteError(`trainTestSplit stratify[${i}] must be a finite class label, got ${describeValue(v)}`);
    }
    const rows = byClass.get(v);
    if (rows) rows.push(i);
    else byClass.set(v, [i]);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  for (const c of classes) {
    const count = byClass.get(c)!.length;
    if (count < 2) {
      throw new ArgumentError(
        `trainTestSplit stratify: every class needs at least 2 rows, got ${count} for class ${c}`,
      );
    }
  }
  if (nTest < classes.length || nTrain < classes.length) {
    throw new ArgumentError(
      `trainTestSplit stratify needs at least one row per class in each part (${classes.length} classes), got ${nTrain} train and ${nTest} test rows`,
    );
  }

  const counts = classes.map((c) => byClass.get(c)!.length);
  const testCounts = largestRemainder(counts, nTest, rng);
  const train: number[] = [];
  const test: number[] = [];
  classes.forEach((c, k) => {
    const rows = rng.shuffle(byClass.get(c)!);
    for (let i = 0; i < rows.length; i++) (i < testCounts[k] ? test : train).push(rows[i]);
  });
  // Shuffle again so each part is not ordered by class (scikit-learn permutes within each part too).
  return [rng.shuffle(Int32Array.from(train)), rng.shuffle(Int32Array.from(test))];
}

/** Split `total` across classes in proportion to `counts`: floors first, then the largest remainders (random ties). */
function largestRemainder(counts: readonly number[], total: number, rng: Rng): number[] {
  const n = counts.reduce((a, b) => a + b, 0);
  const exact = counts.map((c) => (c * total) / n);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = rng.shuffle(counts.map((_, k) => k)).sort((a, b) => exact[b] - out[b] - (exact[a] - out[a]));
  for (const k of order) {
    if (left === 0) break;
    if (out[k] < counts[k]) {
      out[k]++;
      left--;
    }
  }
  return out;
}

function takeLabels<Y extends LabelArray>(y: Y, indices: Int32Array): Y {
  if (Array.isArray(y)) return Array.from(indices, (i) => y[i]) as unknown as Y;
  const typed = y as Exclude<LabelArray, readonly number[]>;
  const Ctor = typed.constructor as new (length: number) => typeof typed;
  const out = new Ctor(indices.length);
  for (let r = 0; r < indices.length; r++) out[r] = typed[indices[r]];
  return out as Y;
}

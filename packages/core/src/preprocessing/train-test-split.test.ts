import { ArgumentError, NonFiniteError, ShapeError } from '../errors';
import { Matrix } from '../matrix';
import { oneHot } from './one-hot';
import { trainTestSplit } from './train-test-split';

/** n rows whose single feature is the row index, so a split can be traced back. */
const indexed = (n: number): Matrix => Matrix.column(Array.from({ length: n }, (_, i) => i));

describe('trainTestSplit', () => {
  it('splits rows with ceil(testSize * n) test rows and keeps x and y aligned', () => {
    const x = indexed(10);
    const y = Array.from({ length: 10 }, (_, i) => i * 10);
    const s = trainTestSplit(x, y, { seed: 1 });
    expect(s.xTest.rows).toBe(3); // ceil(0.25 * 10), scikit-learn's rule
    expect(s.xTrain.rows).toBe(7);
    expect(Array.isArray(s.yTrain)).toBe(true);
    expect(Array.from(s.xTrain.data, (v) => v * 10)).toEqual(s.yTrain);
    expect(Array.from(s.xTest.data, (v) => v * 10)).toEqual(s.yTest);
    const all = [...s.trainIndices, ...s.testIndices].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });

  it('gives identical splits for identical seeds and different splits for different seeds', () => {
    const x = indexed(100);
    const y = new Float32Array(100);
    const a = trainTestSplit(x, y, { seed: 42 });
    const b = trainTestSplit(x, y, { seed: 42 });
    const c = trainTestSplit(x, y, { seed: 43 });
    expect(a.testIndices).toEqual(b.testIndices);
    expect(a.xTrain.toArray()).toEqual(b.xTrain.toArray());
    expect(Array.from(a.testIndices)).not.toEqual(Array.from(c.testIndices));
  });

  it('accepts testSize as a row count', () => {
    const s = trainTestSplit(indexed(10), new Int32Array(10), { testSize: 4, seed: 0 });
    expect(s.xTest.rows).toBe(4);
    expect(trainTestSplit(indexed(10), new Int32Array(10), { testSize: 1, seed: 0 }).xTest.rows).toBe(1);
  });

  it('keeps order without shuffle: first rows train, last rows test', () => {
    const s = trainTestSplit(indexed(5), [0, 1, 2, 3, 4], { testSize: 0.4, shuffle: false });
    expect(Array.from(s.xTrain.data)).toEqual([0, 1, 2]);
    expect(s.yTest).toEqual([3, 4]);
  });

  it('returns y as the kind it was given', () => {
    const x = indexed(8);
    expect(trainTestSplit(x, new Int32Array(8), { seed: 3 }).yTrain).toBeInstanceOf(Int32Array);
    expect(trainTestSplit(x, new Float64Array(8), { seed: 3 }).yTest).toBeInstanceOf(Float64Array);
    const ym = trainTestSplit(x, oneHot([0, 1, 0, 1, 0, 1, 0, 1]), { seed: 3 });
    expect(ym.yTrain).toBeInstanceOf(Matrix);
    expect(ym.yTrain.shape).toEqual([6, 2]);
    const nested = trainTestSplit(x, Array.from({ length: 8 }, (_, i) => [i, -i]), { seed: 3 });
    expect(nested.yTest).toBeInstanceOf(Matrix);
    expect(nested.yTest.toArray()).toEqual(nested.xTest.toArray().map(([v]) => [v, -v]));
  });

  describe('stratified', () => {
    // 90 / 10 imbalanced labels.
    const labels = Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const count = (ys: readonly number[], c: number): number => ys.filter((v) => v === c).length;

    it('keeps class proportions in both parts (within one row per class)', () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const s = trainTestSplit(indexed(100), labels, { testSize: 0.2, seed, stratify: true });
        expect(s.yTest.length).toBe(20);
        expect(count(s.yTest, 1)).toBe(2);
        expect(count(s.yTest, 0)).toBe(18);
        expect(count(s.yTrain, 1)).toBe(8);
      }
      // 0.25 * 100 = 25 test rows: classes get 22.5 and 2.5, so 22–23 and 2–3.
      const s = trainTestSplit(indexed(100), labels, { seed: 9, stratify: true });
      expect(s.yTest.length).toBe(25);
      expect(Math.abs(count(s.yTest, 1) - 2.5)).toBeLessThanOrEqual(1);
      expect(Math.abs(count(s.yTest, 0) - 22.5)).toBeLessThanOrEqual(1);
    });

    it('stratifies on a separate label array and on one-hot y', () => {
      const three = Array.from({ length: 60 }, (_, i) => (i < 6 ? 2 : i < 24 ? 1 : 0)); // 36 / 18 / 6
      const s = trainTestSplit(indexed(60), new Float32Array(60), { testSize: 0.5, seed: 7, stratify: three });
      const testLabels = Array.from(s.testIndices, (i) => three[i]);
      expect([count(testLabels, 0), count(testLabels, 1), count(testLabels, 2)]).toEqual([18, 9, 3]);
      const h = trainTestSplit(indexed(60), oneHot(three), { testSize: 0.5, seed: 7, stratify: true });
      const hLabels = Array.from(h.testIndices, (i) => three[i]);
      expect([count(hLabels, 0), count(hLabels, 1), count(hLabels, 2)]).toEqual([18, 9, 3]);
    });

    it('does not group the output by class', () => {
      const s = trainTestSplit(indexed(100), labels, { testSize: 0.5, seed: 11, stratify: true });
      const firstOnes = s.yTest.indexOf(1);
      expect(firstOnes).toBeGreaterThanOrEqual(0);
      expect(s.yTest.slice(firstOnes, firstOnes + count(s.yTest, 1)).every((v) => v === 1)).toBe(false);
    });

    it('is reproducible by seed', () => {
      const a = trainTestSplit(indexed(100), labels, { seed: 5, stratify: true });
      const b = trainTestSplit(indexed(100), labels, { seed: 5, stratify: true });
      const c = trainTestSplit(indexed(100), labels, { seed: 6, stratify: true });
      expect(a.testIndices).toEqual(b.testIndices);
      expect(Array.from(a.testIndices)).not.toEqual(Array.from(c.testIndices));
    });

    it('rejects what scikit-learn rejects', () => {
      const x = indexed(10);
      const y = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
      expect(() => trainTestSplit(x, y, { stratify: true })).toThrow('every class needs at least 2 rows, got 1 for class 1');
      expect(() => trainTestSplit(x, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1], { testSize: 1, stratify: true })).toThrow(ArgumentError);
      expect(() => trainTestSplit(x, y, { stratify: true, shuffle: false })).toThrow(/requires shuffle/);
      expect(() => trainTestSplit(x, y, { stratify: [0, 1] })).toThrow(ShapeError);
      expect(() => trainTestSplit(x, y, { stratify: [0, 1] })).toThrow('one label per row of x (10), got 2 labels');
      expect(() => trainTestSplit(x, y, { stratify: [0, 0, 0, 0, 0, 1, 1, 1, 1, NaN] })).toThrow(NonFiniteError);
    });
  });

  it('rejects mismatched rows, empty data and testSize out of range', () => {
    const x = indexed(4);
    expect(() => trainTestSplit(x, [1, 2, 3])).toThrow(ShapeError);
    expect(() => trainTestSplit(x, [1, 2, 3])).toThrow('trainTestSplit expects y to have one row per row of x (4), got 3');
    expect(() => trainTestSplit(x, [[1], [2]])).toThrow(ShapeError);
    expect(() => trainTestSplit([], [])).toThrow(ArgumentError);
    expect(() => trainTestSplit([], [])).toThrow(/at least one row/);
    for (const testSize of [0, -0.1, 4, 5, 1.5, NaN, Infinity]) {
      expect(() => trainTestSplit(x, [1, 2, 3, 4], { testSize })).toThrow(ArgumentError);
    }
    expect(() => trainTestSplit(x, [1, 2, 3, 4], { testSize: 0.99 })).toThrow(/leaves no rows to train on/);
    expect(() => trainTestSplit(x, [1, 2, 3, 4], { testSize: '0.5' as never })).toThrow(/got "0.5"/);
    expect(() => trainTestSplit([[1, NaN]], [1])).toThrow(NonFiniteError);
  });
});

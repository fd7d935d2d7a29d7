import { ArgumentError, NonFiniteError, ShapeError } from '../errors';
import { argMaxRows } from './arg-max-rows';
import { ClassLabelError, oneHot, oneHotInto } from './one-hot';

describe('oneHot', () => {
  it('puts a 1 in each label column, numClasses defaulting to max + 1', () => {
    expect(oneHot([2, 0, 1]).toArray()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });

  it('honours an explicit numClasses wider than the labels', () => {
    const m = oneHot(Int32Array.from([1, 1]), 4);
    expect(m.shape).toEqual([2, 4]);
    expect(m.toArray()).toEqual([
      [0, 1, 0, 0],
      [0, 1, 0, 0],
    ]);
  });

  it('round-trips through argMaxRows', () => {
    const labels = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 0];
    expect(Array.from(argMaxRows(oneHot(labels)))).toEqual(labels);
    expect(Array.from(argMaxRows(oneHot(labels, 12)))).toEqual(labels);
  });

  it('gives an empty matrix for no labels when numClasses is known', () => {
    expect(oneHot([], 3).shape).toEqual([0, 3]);
  });

  it('names the index and value of a bad label', () => {
    expect(() => oneHot([0, 3, 1], 3)).toThrow(ArgumentError);
    expect(() => oneHot([0, 3, 1], 3)).toThrow('oneHot labels[1] must be less than numClasses = 3, got 3');
    expect(() => oneHot([0, -1])).toThrow('oneHot labels[1] must be a non-negative integer class index, got -1');
    expect(() => oneHot([0, 1.5])).toThrow(/labels\[1\].*got 1\.5/);
    expect(() => oneHot([0, NaN])).toThrow(NonFiniteError);
    expect(() => oneHot([0, NaN])).toThrow(/labels\[1\].*NaN/);
  });

  it('rejects a bad numClasses, missing labels and non-arrays', () => {
    expect(() => oneHot([0], 0)).toThrow(/numClasses must be a positive integer, got 0/);
    expect(() => oneHot([0], 2.5)).toThrow(ArgumentError);
    expect(() => oneHot([])).toThrow(/needs numClasses/);
    expect(() => oneHot(5 as never)).toThrow(ArgumentError);
  });
});

describe('oneHotInto', () => {
  it('fills a reused buffer with one row per label and returns it', () => {
    const out = new Float32Array(3 * 4).fill(7);
    expect(oneHotInto(Uint8Array.of(2, 0, 3), 4, out)).toBe(out);
    expect(Array.from(out)).toEqual([0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
    // Fewer labels than rows: only the rows written are zeroed, the rest is left alone.
    oneHotInto([1], 4, out);
    expect(Array.from(out)).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('writes from row rowsOffset on, leaving earlier rows alone', () => {
    const out = new Float32Array(4 * 3).fill(9);
    oneHotInto([2, 1], 3, out, 1);
    expect(Array.from(out)).toEqual([9, 9, 9, 0, 0, 1, 0, 1, 0, 9, 9, 9]);
  });

  it('matches oneHot', () => {
    const labels = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(oneHotInto(labels, 10, new Float32Array(80))).toEqual(oneHot(labels, 10).data);
  });

  it('names the index and value of a bad label and writes nothing', () => {
    const out = new Float32Array(9).fill(5);
    for (const [labels, index, value] of [
      [[0, 3, 1], 1, 3],
      [[0, 1, -1], 2, -1],
      [[1.5, 0, 0], 0, 1.5],
      [[0, NaN, 0], 1, NaN],
    ] as const) {
      let error: unknown;
      try {
        oneHotInto(labels, 3, out);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ClassLabelError);
      expect(error).toBeInstanceOf(ArgumentError);
      expect(error).toMatchObject({ index, value, numClasses: 3 });
      expect((error as Error).message).toBe(`oneHotInto labels[${index}] must be an integer class index in 0..2, got ${value}`);
    }
    expect(Array.from(out)).toEqual(Array(9).fill(5));
  });

  it('rejects a buffer too short, a bad numClasses or rowsOffset, and non-arrays', () => {
    expect(() => oneHotInto([0, 1], 3, new Float32Array(5))).toThrow(ShapeError);
    expect(() => oneHotInto([0, 1], 3, new Float32Array(6), 1)).toThrow(
      new ShapeError('oneHotInto out must hold 3 rows of 3 (9 values) for 2 labels at row 1, got 6 values'),
    );
    expect(() => oneHotInto([0], 0, new Float32Array(3))).toThrow(/numClasses must be a positive integer, got 0/);
    expect(() => oneHotInto([0], 3, new Float32Array(3), -1)).toThrow(/rowsOffset must be a non-negative integer, got -1/);
    expect(() => oneHotInto([0], 3, [0, 0, 0] as never)).toThrow(/out must be a Float32Array/);
    expect(() => oneHotInto(5 as never, 3, new Float32Array(3))).toThrow(ArgumentError);
  });

  it('accepts no labels', () => {
    expect(Array.from(oneHotInto([], 3, new Float32Array(0)))).toEqual([]);
  });
});

import { ArgumentError, NonFiniteError } from '../errors';
import { argMaxRows } from './arg-max-rows';
import { oneHot } from './one-hot';

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

import { ArgumentError, NonFiniteError, ShapeError } from '../errors';
import { Matrix } from '../matrix';
import { classLabels, labelPair, resolveNumClasses } from './class-labels';

describe('classLabels', () => {
  it('reads flat label arrays of any numeric kind', () => {
    expect(Array.from(classLabels([2, 0, 1], 'y'))).toEqual([2, 0, 1]);
    expect(Array.from(classLabels(Float32Array.from([1, 1]), 'y'))).toEqual([1, 1]);
  });

  it('reads one-hot and probability matrices by argmax per row', () => {
    expect(Array.from(classLabels([[0.2, 0.8], [0.6, 0.4]], 'y'))).toEqual([1, 0]);
    expect(Array.from(classLabels({ data: [0, 0, 1, 1, 0, 0], shape: [2, 3] }, 'y'))).toEqual([2, 0]);
    expect(Array.from(classLabels({ data: [0, 1], rows: 1, cols: 2 }, 'y'))).toEqual([1]);
  });

  it('reads a single-column matrix as the labels themselves', () => {
    expect(Array.from(classLabels(Matrix.column([3, 1]), 'y'))).toEqual([3, 1]);
    expect(() => classLabels(Matrix.column([0.7]), 'yPred')).toThrow('yPred[0] must be a non-negative integer class label, got 0.699999988079071');
  });

  it('names the argument, index and value of a bad label', () => {
    expect(() => classLabels([0, 1.5], 'yTrue')).toThrow(ArgumentError);
    expect(() => classLabels([0, 1.5], 'yTrue')).toThrow('yTrue[1] must be a non-negative integer class label, got 1.5');
    expect(() => classLabels([-1], 'yPred')).toThrow(/yPred\[0\].*got -1/);
    expect(() => classLabels([0, NaN], 'yTrue')).toThrow(NonFiniteError);
    expect(() => classLabels([0, NaN], 'yTrue')).toThrow(/yTrue\[1\].*NaN/);
    expect(() => classLabels([[0, NaN]], 'yPred')).toThrow(NonFiniteError);
    expect(() => classLabels(new Matrix(1, 2, Float32Array.from([0, NaN])), 'yPred')).toThrow(/yPred\[0\]\[1\]/);
    expect(() => classLabels([], 'yTrue')).toThrow('yTrue must hold at least one label, got none');
    expect(() => classLabels('abc' as never, 'yTrue')).toThrow(ArgumentError);
  });

  it('pairs two label arrays of equal length', () => {
    expect(() => labelPair([0, 1], [0])).toThrow(ShapeError);
    expect(() => labelPair([0, 1], [0])).toThrow('yPred must have one label per sample of yTrue (2), got 1');
  });

  it('resolves numClasses from the labels or checks a given one', () => {
    expect(resolveNumClasses(Int32Array.from([0, 2]), Int32Array.from([3, 0]))).toBe(4);
    expect(resolveNumClasses(Int32Array.from([0]), Int32Array.from([0]), 5)).toBe(5);
    expect(() => resolveNumClasses(Int32Array.from([0]), Int32Array.from([3]), 3)).toThrow(
      'yPred[0] must be a class index below numClasses = 3, got 3',
    );
    expect(() => resolveNumClasses(Int32Array.from([0]), Int32Array.from([0]), 0)).toThrow(ArgumentError);
  });
});

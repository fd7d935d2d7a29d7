import { ArgumentError, ShapeError } from '../errors';
import { confusionMatrix } from './confusion-matrix';

describe('confusionMatrix', () => {
  it('counts true classes on rows and predictions on columns (scikit-learn convention)', () => {
    // scikit-learn's documented example: confusion_matrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]).
    expect(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2])).toEqual([
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
  });

  it('matches a hand count', () => {
    // pairs (t,p): (0,0) (0,1) (1,1) (1,1) (1,0) (2,2) (2,1) (3,3)
    const yTrue = [0, 0, 1, 1, 1, 2, 2, 3];
    const yPred = [0, 1, 1, 1, 0, 2, 1, 3];
    expect(confusionMatrix(yTrue, yPred)).toEqual([
      [1, 1, 0, 0],
      [1, 2, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 0, 1],
    ]);
  });

  it('sizes by the larger label of either argument, or numClasses', () => {
    expect(confusionMatrix([0, 0], [0, 2])).toEqual([
      [1, 0, 1],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(confusionMatrix([1], [1], 3)).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
  });

  it('accepts probability matrices', () => {
    expect(confusionMatrix([[1, 0], [0, 1]], [[0.4, 0.6], [0.3, 0.7]])).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('rejects bad input', () => {
    expect(() => confusionMatrix([0, 1], [0])).toThrow(ShapeError);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow('yTrue[1] must be a class index below numClasses = 3, got 3');
    expect(() => confusionMatrix([0], [0], -1)).toThrow(ArgumentError);
    expect(() => confusionMatrix([], [])).toThrow(ArgumentError);
  });
});

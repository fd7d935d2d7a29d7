import { ArgumentError, NonFiniteError, ShapeError } from '../errors';
import { oneHot } from '../preprocessing/one-hot';
import { classificationReport, precisionRecallF1 } from './classification-report';

const yTrue = [0, 1, 2, 2, 2];
const yPred = [0, 0, 2, 2, 1];

describe('precisionRecallF1', () => {
  it('scores each class and averages them as scikit-learn does', () => {
    const r = precisionRecallF1(yTrue, yPred);
    expect(r.perClass.map((s) => s.precision)).toEqual([0.5, 0, 1]);
    expect(r.perClass.map((s) => s.recall)).toEqual([1, 0, 2 / 3]);
    expect(r.perClass[0].f1).toBeCloseTo(2 / 3, 12);
    expect(r.perClass[2].f1).toBeCloseTo(0.8, 12);
    expect(r.perClass.map((s) => s.support)).toEqual([1, 1, 3]);
    expect(r.accuracy).toBeCloseTo(0.6, 12);
    expect(r.macroAvg.precision).toBeCloseTo(0.5, 12);
    expect(r.macroAvg.recall).toBeCloseTo(5 / 9, 12);
    expect(r.macroAvg.f1).toBeCloseTo((2 / 3 + 0.8) / 3, 12);
    expect(r.weightedAvg.precision).toBeCloseTo(0.7, 12);
    expect(r.weightedAvg.recall).toBeCloseTo(0.6, 12);
    expect(r.weightedAvg.f1).toBeCloseTo((2 / 3 + 2.4) / 5, 12);
    expect(r.macroAvg.support).toBe(5);
  });

  it('returns 0 on zero division, including classes absent from both arrays', () => {
    const r = precisionRecallF1([0, 0], [0, 0], 3);
    expect(r.perClass[1]).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(r.macroAvg.precision).toBeCloseTo(1 / 3, 12);
    expect(r.weightedAvg.precision).toBe(1);
  });

  it('accepts one-hot and probability matrices', () => {
    const probs = [
      [0.9, 0, 0.1],
      [0.8, 0.1, 0.1],
      [0, 0, 1],
      [0.1, 0.2, 0.7],
      [0.2, 0.5, 0.3],
    ];
    expect(precisionRecallF1(oneHot(yTrue), probs)).toEqual(precisionRecallF1(yTrue, yPred));
  });
});

describe('classificationReport', () => {
  it("reproduces scikit-learn's documented example character for character", () => {
    const expected =
      '              precision    recall  f1-score   support\n' +
      '\n' +
      '     class 0       0.50      1.00      0.67         1\n' +
      '     class 1       0.00      0.00      0.00         1\n' +
      '     class 2       1.00      0.67      0.80         3\n' +
      '\n' +
      '    accuracy                           0.60         5\n' +
      '   macro avg       0.50      0.56      0.49         5\n' +
      'weighted avg       0.70      0.60      0.61         5\n';
    expect(classificationReport(yTrue, yPred, { targetNames: ['class 0', 'class 1', 'class 2'] })).toBe(expected);
  });

  // The next two were produced with scikit-learn's own format strings in Python.
  it('widens for long names and honours digits', () => {
    const expected =
      '                          precision    recall  f1-score   support\n' +
      '\n' +
      '                       a     0.5000    1.0000    0.6667         1\n' +
      'a much longer class name     0.0000    0.0000    0.0000         1\n' +
      '                       c     1.0000    0.6667    0.8000         3\n' +
      '\n' +
      '                accuracy                         0.6000         5\n' +
      '               macro avg     0.5000    0.5556    0.4889         5\n' +
      '            weighted avg     0.7000    0.6000    0.6133         5\n';
    expect(classificationReport(yTrue, yPred, { targetNames: ['a', 'a much longer class name', 'c'], digits: 4 })).toBe(expected);
  });

  it('names classes by index by default and rounds exact ties half to even, as Python does', () => {
    // precision of class 0 and accuracy are exactly 0.125: Python prints 0.12, toFixed would print 0.13.
    const expected =
      '              precision    recall  f1-score   support\n' +
      '\n' +
      '           0       0.12      1.00      0.22         1\n' +
      '           1       0.00      0.00      0.00         7\n' +
      '\n' +
      '    accuracy                           0.12         8\n' +
      '   macro avg       0.06      0.50      0.11         8\n' +
      'weighted avg       0.02      0.12      0.03         8\n';
    expect(classificationReport([0, 1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0])).toBe(expected);
    // digits 1: 0.25 -> "0.2" and 0.125 -> "0.1" (macro precision).
    expect(classificationReport([0, 1, 1, 1], [0, 0, 0, 0], { digits: 1 })).toBe(
      '              precision    recall  f1-score   support\n' +
        '\n' +
        '           0        0.2       1.0       0.4         1\n' +
        '           1        0.0       0.0       0.0         3\n' +
        '\n' +
        '    accuracy                            0.2         4\n' +
        '   macro avg        0.1       0.5       0.2         4\n' +
        'weighted avg        0.1       0.2       0.1         4\n',
    );
  });

  it('includes classes named but absent from the data', () => {
    const report = classificationReport([0, 0], [0, 0], { targetNames: ['yes', 'no'] });
    expect(report).toContain('          no       0.00      0.00      0.00         0\n');
  });

  it('rejects bad input and options', () => {
    expect(() => classificationReport([0, 1], [0])).toThrow(ShapeError);
    expect(() => classificationReport([], [])).toThrow(ArgumentError);
    expect(() => classificationReport([0, NaN], [0, 1])).toThrow(NonFiniteError);
    expect(() => classificationReport([0, 2], [0, 1], { targetNames: ['a', 'b'] })).toThrow(
      'yTrue[1] must be a class index below numClasses = 2, got 2',
    );
    expect(() => classificationReport([0, 1], [0, 1], { targetNames: ['a', 'b'], numClasses: 3 })).toThrow(ShapeError);
    expect(() => classificationReport([0, 1], [0, 1], { targetNames: ['a', 2 as never] })).toThrow(ArgumentError);
    expect(() => classificationReport([0, 1], [0, 1], { digits: -1 })).toThrow(/digits must be an integer/);
    expect(() => classificationReport([0, 1], [0, 1], { digits: 1.5 })).toThrow(ArgumentError);
  });
});

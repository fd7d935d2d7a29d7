import { ArgumentError, BackpropError, NonFiniteError, ShapeError } from '../errors';
import { Matrix } from '../matrix';
import { MinMaxScaler, minMaxScale, scaleMinMax } from './min-max-scale';

const close = (m: Matrix, expected: number[][]): void => {
  const got = m.toArray();
  expect(got.length).toBe(expected.length);
  got.forEach((row, i) => {
    row.forEach((v, j) => {
      expect(v).toBeCloseTo(expected[i][j], 6);
    });
  });
};

describe('minMaxScale', () => {
  const x = [
    [0, 10],
    [5, 20],
    [10, 30],
  ];

  it('scales globally by default, like (X - X.min()) / (X.max() - X.min())', () => {
    close(minMaxScale(x), [
      [0, 1 / 3],
      [1 / 6, 2 / 3],
      [1 / 3, 1],
    ]);
    close(scaleMinMax(x, { perFeature: false }), minMaxScale(x).toArray());
  });

  it('scales each column on its own with perFeature, like scikit-learn MinMaxScaler', () => {
    close(minMaxScale(x, { perFeature: true }), [
      [0, 0],
      [0.5, 0.5],
      [1, 1],
    ]);
  });

  it('maps into featureRange', () => {
    close(minMaxScale(x, { perFeature: true, featureRange: [-1, 1] }), [
      [-1, -1],
      [0, 0],
      [1, 1],
    ]);
  });

  it('maps constant features to the low end (0) instead of NaN', () => {
    close(
      minMaxScale(
        [
          [7, 1],
          [7, 3],
        ],
        { perFeature: true },
      ),
      [
        [0, 0],
        [0, 1],
      ],
    );
    close(minMaxScale([[4, 4]]), [[0, 0]]);
  });

  it('uses known bounds (pixels 0..255) instead of the data range', () => {
    close(minMaxScale([[0, 51, 255]], { min: 0, max: 255 }), [[0, 0.2, 1]]);
    close(minMaxScale([[51, 102]], { min: 0, max: 255 }), [[0.2, 0.4]]);
    close(minMaxScale([[1, 1]], { min: [0, 0], max: [2, 4] }), [[0.5, 0.25]]);
  });

  it('accepts { data, shape } and leaves the input untouched', () => {
    const m = new Matrix(1, 2, Float32Array.from([2, 4]));
    close(minMaxScale({ data: [2, 4], shape: [1, 2] }), [[0, 1]]);
    minMaxScale(m);
    expect(Array.from(m.data)).toEqual([2, 4]);
  });
});

describe('MinMaxScaler', () => {
  const train = [
    [0, 100],
    [10, 200],
  ];

  it('transforms the test set with the training set min and max', () => {
    const scaler = new MinMaxScaler({ perFeature: true }).fit(train);
    expect(scaler.dataMin).toEqual([0, 100]);
    expect(scaler.dataMax).toEqual([10, 200]);
    close(scaler.transform([[5, 300]]), [[0.5, 2]]);
    close(new MinMaxScaler({ perFeature: true, clip: true }).fit(train).transform([[5, 300]]), [[0.5, 1]]);
  });

  it('fitTransform equals fit then transform, and inverseTransform undoes it', () => {
    const scaler = new MinMaxScaler();
    const scaled = scaler.fitTransform(train);
    close(scaled, new MinMaxScaler().fit(train).transform(train).toArray());
    expect(scaler.dataMin).toEqual([0]);
    close(scaler.inverseTransform(scaled), train);
  });

  it('global mode transforms matrices of any width', () => {
    const scaler = new MinMaxScaler().fit([[0, 10]]);
    close(scaler.transform([[5, 5, 5]]), [[0.5, 0.5, 0.5]]);
  });

  it('rejects use before fit and width mismatch', () => {
    expect(() => new MinMaxScaler().transform(train)).toThrow(BackpropError);
    expect(() => new MinMaxScaler().dataMin).toThrow(/call fit/);
    const scaler = new MinMaxScaler({ perFeature: true }).fit(train);
    expect(() => scaler.transform([[1, 2, 3]])).toThrow(ShapeError);
    expect(() => scaler.transform([[1, 2, 3]])).toThrow('MinMaxScaler.transform expects x with 2 columns (as fitted), got 3');
  });

  it('rejects empty, non-finite and malformed input', () => {
    expect(() => minMaxScale([])).toThrow(ArgumentError);
    expect(() => minMaxScale({ data: [], shape: [0, 2] })).toThrow(/at least one row/);
    expect(() => minMaxScale([[1, NaN]])).toThrow(NonFiniteError);
    expect(() => minMaxScale(new Matrix(1, 2, Float32Array.from([1, Infinity])))).toThrow(/x\[0\]\[1\]/);
    expect(() => new MinMaxScaler({ perFeature: true }).fit(train).transform([[NaN, 1]])).toThrow(NonFiniteError);
  });

  it('rejects bad options', () => {
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrow(ArgumentError);
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrow(/low < high, got \[1, 0\]/);
    expect(() => new MinMaxScaler({ featureRange: [0, Infinity] })).toThrow(NonFiniteError);
    expect(() => new MinMaxScaler({ min: NaN })).toThrow(NonFiniteError);
    expect(() => new MinMaxScaler({ min: [0, NaN] })).toThrow(/min\[1\]/);
    expect(() => new MinMaxScaler({ min: [] })).toThrow(ArgumentError);
    expect(() => new MinMaxScaler({ perFeature: false, min: [0, 1] })).toThrow(ArgumentError);
    expect(() => minMaxScale(train, { min: [0, 0, 0] })).toThrow(ShapeError);
    expect(() => minMaxScale(train, { min: 500 })).toThrow('MinMaxScaler expects min <= max, got min 500 and max 200');
    expect(() => new MinMaxScaler(null as never)).toThrow(ArgumentError);
  });
});

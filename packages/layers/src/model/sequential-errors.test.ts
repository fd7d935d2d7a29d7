import { ArgumentError, Matrix, NonFiniteError, ShapeError, UnknownNameError } from '@backprop/core';
import { Activation, Dense, Dropout, ModelStateError, SGD, Sequential } from '../index';
import { clearSession } from '../layers/layer-names';

// Bad input fails early with a typed error that names the layer and both shapes, in Keras's spirit.

const silent = { verbose: 0 as const };

function mnistShaped(): Sequential {
  const model = new Sequential();
  model.add(Dense(256, { inputShape: [784], activation: 'sigmoid' }));
  model.add(Dense(128, { activation: 'sigmoid' }));
  model.add(Dense(10, { activation: 'softmax' }));
  return model;
}

const zeros = (rows: number, cols: number) => new Matrix(rows, cols);

function oneHotRows(rows: number, cols: number): Matrix {
  const y = new Matrix(rows, cols);
  for (let r = 0; r < rows; r++) y.set(r, r % cols, 1);
  return y;
}

describe('Sequential bad input', () => {
  beforeEach(() => clearSession());

  it('fit or evaluate before compile', async () => {
    const model = mnistShaped();
    await expect(model.fit(zeros(4, 784), oneHotRows(4, 10), silent)).rejects.toThrow(ModelStateError);
    await expect(model.fit(zeros(4, 784), oneHotRows(4, 10), silent)).rejects.toThrow(/You must compile the model before training/);
    await expect(model.evaluate(zeros(4, 784), oneHotRows(4, 10))).rejects.toThrow(ModelStateError);
  });

  it('a first layer without inputShape', () => {
    const model = new Sequential([Dense(3), Dense(2)]);
    expect(() => model.compile({ loss: 'mse' })).toThrow(ModelStateError);
    expect(() => model.summary(() => {})).toThrow('Dense "dense" is the first layer and needs an inputShape');
    expect(() => new Sequential().compile({ loss: 'mse' })).toThrow('the model has no layers yet');
  });

  it('a Dense on images without a Flatten, and bad layer arguments', () => {
    expect(() => new Sequential([Dense(3, { inputShape: [28, 28] })]).countParams()).toThrow(
      new ArgumentError('Dense "dense" expects a flat input (put a Flatten layer first, e.g. Flatten({ inputShape: [28, 28] })), got shape [28, 28]'),
    );
    expect(() => Dense(0, { name: 'empty' })).toThrow('Dense "empty" units must be a positive integer, got 0');
    expect(() => Dropout(1)).toThrow(ArgumentError);
  });

  it('what folding into Dense once refused now builds: Dropout on the inputs, Activation after any layer, two Dropouts in a row', async () => {
    const model = new Sequential([
      Dropout(0.5, { inputShape: [3] }),
      Dense(4, { activation: 'relu' }),
      Activation('tanh'),
      Dropout(0.2),
      Dropout(0.3),
      Dense(2, { activation: 'softmax' }),
    ]);
    expect(model.countParams()).toBe(3 * 4 + 4 + 4 * 2 + 2);
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.1) });
    const history = await model.fit(Matrix.from([[1, 2, 3], [3, 2, 1]]), Matrix.from([[1, 0], [0, 1]]), { epochs: 2, ...silent });
    expect(history.history.loss.every(Number.isFinite)).toBe(true);
  });

  it('duplicate layer names', () => {
    const model = new Sequential([Dense(3, { inputShape: [2], name: 'a' })]);
    expect(() => model.add(Dense(2, { name: 'a' }))).toThrow(/unique names. Name "a"/);
  });

  it('x and y row counts differ', async () => {
    const model = mnistShaped();
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.01) });
    await expect(model.fit(zeros(5, 784), oneHotRows(4, 10), silent)).rejects.toThrow(new ShapeError('x has 5 rows but y has 4; expected one target row per input row'));
  });

  it('x width differs from the input width', async () => {
    const model = mnistShaped();
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.01) });
    await expect(model.fit(zeros(4, 780), oneHotRows(4, 10), silent)).rejects.toThrow(new ShapeError('Dense "dense" expects input of width 784, got 780'));
    expect(() => model.predict(zeros(2, 780))).toThrow('Dense "dense" expects input of width 784, got 780');
    await expect(model.fit(zeros(4, 784), oneHotRows(4, 10), { validationData: [zeros(2, 700), oneHotRows(2, 10)], ...silent })).rejects.toThrow(
      'Dense "dense" expects input of width 784, got 700 (validationData)',
    );
  });

  it('y width differs from the output units, or labels where one-hot is expected', async () => {
    const model = mnistShaped();
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.01) });
    await expect(model.fit(zeros(4, 784), oneHotRows(4, 3), silent)).rejects.toThrow('Dense "dense_2" has 10 units, so y must have width 10, got 3');
    await expect(model.fit(zeros(4, 784), [0, 1, 2, 3], silent)).rejects.toThrow(/use loss "sparse_categorical_crossentropy" for integer labels/);
    model.compile({ loss: 'sparse_categorical_crossentropy', optimizer: SGD(0.01) });
    await expect(model.fit(zeros(4, 784), oneHotRows(4, 10), silent)).rejects.toThrow(/expects integer class labels \(width 1\), got targets of width 10/);
    await expect(model.fit(zeros(4, 784), [0, 1, 10, 3], silent)).rejects.toThrow('y[2] must be an integer class label in 0..9 (Dense "dense_2" has 10 units), got 10');
    await expect(model.fit(zeros(4, 784), [0, 1, 2.5, 3], silent)).rejects.toThrow(ArgumentError);
  });

  it('non-finite values', async () => {
    const model = mnistShaped();
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.01) });
    const x = zeros(4, 784);
    x.set(2, 5, Number.NaN);
    await expect(model.fit(x, oneHotRows(4, 10), silent)).rejects.toThrow(new NonFiniteError('x[2][5] must be finite, got NaN'));
    const y = oneHotRows(4, 10);
    y.set(1, 1, Number.POSITIVE_INFINITY);
    await expect(model.evaluate(zeros(4, 784), y)).rejects.toThrow(NonFiniteError);
    const rows = zeros(2, 784).toArray();
    rows[1][3] = Number.NaN;
    expect(() => model.predict(rows)).toThrow(NonFiniteError);
    const weights = model.getWeights();
    (weights[1] as Float32Array)[0] = Number.NaN;
    expect(() => model.setWeights(weights)).toThrow(NonFiniteError);
  });

  it('validationSplit outside (0, 1), batchSize <= 0, bad epochs and verbose', async () => {
    const model = mnistShaped();
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.01) });
    const [x, y] = [zeros(4, 784), oneHotRows(4, 10)];
    for (const validationSplit of [0, 1, -0.2, 1.5]) {
      await expect(model.fit(x, y, { validationSplit, ...silent })).rejects.toThrow(`validationSplit must be a fraction in (0, 1), got ${validationSplit}`);
    }
    await expect(model.fit(x, y, { validationSplit: 0.9, ...silent })).rejects.toThrow(/leaves 0 for training and 4 for validation/);
    for (const batchSize of [0, -1, 2.5]) {
      await expect(model.fit(x, y, { batchSize, ...silent })).rejects.toThrow(`batchSize must be a positive integer, got ${batchSize}`);
      await expect(model.evaluate(x, y, { batchSize })).rejects.toThrow(ArgumentError);
      expect(() => model.predict(x, { batchSize })).toThrow(ArgumentError);
    }
    await expect(model.fit(x, y, { epochs: -1, ...silent })).rejects.toThrow(ArgumentError);
    await expect(model.fit(x, y, { verbose: 3 as 1 })).rejects.toThrow(ArgumentError);
  });

  it('unknown loss, optimizer, metric, activation, initializer and backend names list the valid ones', () => {
    const model = mnistShaped();
    // These names are type errors in TypeScript (see public-types.test.ts); `as never` stands for a plain
    // JavaScript caller, who still gets the runtime error.
    expect(() => model.compile({ loss: 'categorical_crossentropyy' as never })).toThrow(UnknownNameError);
    expect(() => model.compile({ loss: 'categorical_crossentropyy' as never })).toThrow(/Unknown loss "categorical_crossentropyy"; expected one of: .*sparse_categorical_crossentropy/);
    expect(() => model.compile({ loss: 'mse', optimizer: 'lamb' as never })).toThrow('Unknown optimizer "lamb"; expected one of: sgd, adam, rmsprop, adagrad, adadelta, adamax, nadam, adamw');
    expect(() => model.compile({ loss: 'mse', metrics: ['f1' as never] })).toThrow(/Unknown metric "f1"; expected one of: accuracy, acc, /);
    expect(() => model.compile({ loss: 'mse', backend: 'pytorch' })).toThrow(/Unknown backend "pytorch"; expected one of: scratch/);
    expect(() => Dense(3, { activation: 'swish' as never })).toThrow(/Unknown activation "swish"; expected one of: .*relu/);
    expect(() => Dense(3, { kernelInitializer: 'orthogonal' as never })).toThrow(/Unknown initializer "orthogonal"/);
    expect(() => model.compile({ loss: 'mse', optimizer: SGD(-1) })).toThrow(ArgumentError);
  });

  it('synchronous calls on a model that is not ready, and concurrent fits', async () => {
    const model = mnistShaped();
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.01) });
    const [x, y] = [zeros(4, 784), oneHotRows(4, 10)];
    const first = model.fit(x, y, { epochs: 2, ...silent });
    await expect(model.fit(x, y, silent)).rejects.toThrow('Cannot start training because another fit() call is ongoing');
    await first;
    expect(() => model.setWeights([])).toThrow('setWeights expects 6 arrays (the kernel and bias of each Dense layer, in order), got 0');
    const weights = model.getWeights();
    weights[0] = zeros(784, 255);
    expect(() => model.setWeights(weights)).toThrow('Dense "dense" kernel expects shape [784, 256], got [784, 255]');
  });
});

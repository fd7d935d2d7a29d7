import { ArgumentError, Matrix, NotSupportedError, UnknownOptionError } from '@backprop/core';
import { Callback } from '../callbacks/callback';
import { MatrixBatchSource } from '../data/batch-source';
import { Dense, SGD, Sequential } from '../index';
import { clearSession } from '../layers/layer-names';

// Nothing silently ignored (issue 9, items 10 and 11): a misspelt key, a non-boolean boolean and a
// Keras option not implemented yet each throw a typed error naming the key, before any training.

const x = new Matrix(8, 2, Float32Array.from({ length: 16 }, (_, i) => (i % 5) / 5));
const y = new Matrix(8, 1, Float32Array.from({ length: 8 }, (_, i) => i % 2));

function compiled(): Sequential {
  const model = new Sequential({ seed: 3, layers: [Dense(1, { inputShape: [2], activation: 'sigmoid' })] });
  model.compile({ loss: 'binary_crossentropy', optimizer: SGD(0.1) });
  return model;
}

/** Records the epochs it sees, to prove how many ran. */
class EpochCounter extends Callback {
  epochs = 0;
  override onEpochEnd(): void {
    this.epochs++;
  }
}

describe('fit options', () => {
  beforeEach(() => clearSession());

  it('`{ epoch: 50 }` throws naming `epochs` instead of training one epoch', async () => {
    const model = compiled();
    const counter = new EpochCounter();
    await expect(model.fit(x, y, { epoch: 50, callbacks: [counter], verbose: 0 } as never)).rejects.toThrow(UnknownOptionError);
    await expect(model.fit(x, y, { epoch: 50, verbose: 0 } as never)).rejects.toThrow(
      'Unknown option "epoch" in fit options; did you mean "epochs"? Expected one of: epochs, batchSize, validationData',
    );
    expect(counter.epochs).toBe(0);
    await expect(model.fit(x, y, { batch_size: 4, verbose: 0 } as never)).rejects.toThrow('did you mean "batchSize"?');
    // The correct spelling still trains, for as many epochs as asked.
    await model.fit(x, y, { epochs: 3, callbacks: [counter], verbose: 0 });
    expect(counter.epochs).toBe(3);
  });

  it('`shuffle: "no"` is refused rather than read as true', async () => {
    await expect(compiled().fit(x, y, { shuffle: 'no', verbose: 0 } as never)).rejects.toThrow(
      'fit options: shuffle must be true or false, got "no"',
    );
  });

  it('classWeight, sampleWeight and other Keras fit options not implemented throw NotSupportedError', async () => {
    const model = compiled();
    await expect(model.fit(x, y, { classWeight: { 0: 1, 1: 5 }, verbose: 0 } as never)).rejects.toThrow(NotSupportedError);
    await expect(model.fit(x, y, { sampleWeight: new Float32Array(8), verbose: 0 } as never)).rejects.toThrow(
      'sampleWeight in fit options is not supported yet',
    );
    await expect(model.fit(x, y, { stepsPerEpoch: 2, verbose: 0 } as never)).rejects.toThrow(NotSupportedError);
  });

  it('callbacks must be Callback instances: the index and what was given are named', async () => {
    const model = compiled();
    await expect(model.fit(x, y, { callbacks: [42], verbose: 0 } as never)).rejects.toThrow(ArgumentError);
    await expect(model.fit(x, y, { callbacks: [new EpochCounter(), 42], verbose: 0 } as never)).rejects.toThrow(
      'callbacks[1] must be a Callback instance (e.g. new EarlyStopping(), or a subclass of Callback) or an object of hooks such as { onEpochEnd(epoch, logs) {} }, got 42',
    );
    // Plain hook objects and a single callback are accepted (tfjs); a misspelt hook is not ignored.
    await expect(model.fit(x, y, { callbacks: [{ onEpochEnds() {} }], verbose: 0 } as never)).rejects.toThrow(
      'Unknown option "onEpochEnds" in callbacks[0] (a callback object); did you mean "onEpochEnd"?',
    );
    await expect(model.fit(x, y, { callbacks: 42, verbose: 0 } as never)).rejects.toThrow('callbacks must be a Callback instance');
  });

  it('numbers given as strings are echoed quoted', async () => {
    const model = compiled();
    await expect(model.fit(x, y, { batchSize: '32', verbose: 0 } as never)).rejects.toThrow('batchSize must be a positive integer, got "32"');
    await expect(model.fit(x, y, { epochs: '5', verbose: 0 } as never)).rejects.toThrow('epochs must be a non-negative integer, got "5"');
    await expect(model.fit(x, y, { validationSplit: '0.2', verbose: 0 } as never)).rejects.toThrow('got "0.2"');
    await expect(model.fit(x, y, { verbose: '1' } as never)).rejects.toThrow('verbose must be 0, 1 or 2, got "1"');
  });
});

describe('evaluate and predict options', () => {
  beforeEach(() => clearSession());

  it('unknown keys, quoted strings, and Keras options not implemented', async () => {
    const model = compiled();
    await expect(model.evaluate(x, y, { batch_size: 4 } as never)).rejects.toThrow(
      'Unknown option "batch_size" in evaluate options; did you mean "batchSize"?',
    );
    await expect(model.evaluate(x, y, { returnDict: true } as never)).rejects.toThrow('returnDict in evaluate options is not supported yet');
    await expect(model.evaluate(x, y, { sampleWeight: [1] } as never)).rejects.toThrow(NotSupportedError);
    await expect(model.evaluate(x, y, { verbose: 1 } as never)).rejects.toThrow('verbose 1 in evaluate options is not supported yet');
    expect(() => model.predict(x, { batchSize: '32' } as never)).toThrow('batchSize must be a positive integer, got "32"');
    expect(() => model.predict(x, { bachSize: 4 } as never)).toThrow('Unknown option "bachSize" in predict options; did you mean "batchSize"?');
    await expect(model.predictAsync(x, { steps: 2 } as never)).rejects.toThrow('steps in predict options is not supported yet');
    // verbose 0 is what evaluate and predict do: accepted.
    expect((await model.evaluate(x, y, { verbose: 0, batchSize: 4 })).length).toBe(1);
    expect(model.predict(x, { verbose: 0 }).rows).toBe(8);
  });
});

describe('compile and Sequential options', () => {
  beforeEach(() => clearSession());

  it('compile: unknown keys, a loss that is not a name, Keras options not implemented', () => {
    const model = new Sequential([Dense(1, { inputShape: [2] })]);
    expect(() => model.compile({ loss: 'mse', optimiser: 'adam' } as never)).toThrow(
      'Unknown option "optimiser" in compile options; did you mean "optimizer"?',
    );
    expect(() => model.compile({ loss: 42 } as never)).toThrow(ArgumentError);
    expect(() => model.compile({ loss: 42 } as never)).toThrow("loss must be a name such as 'categorical_crossentropy' or { name, delta }, got 42");
    expect(() => model.compile({ loss: 'mse', lossWeights: [1] } as never)).toThrow('lossWeights in compile options is not supported yet');
    expect(() => model.compile({ loss: 'mse', metrics: [42] } as never)).toThrow("metrics[0] must be a metric name such as 'accuracy', got 42");
    expect(() => model.compile({ loss: 'mse', seed: '1' } as never)).toThrow('compile seed must be a finite number, got "1"');
    expect(() => model.compile({ loss: 'mse', optimizer: { name: 'sgd', lr: 0.5 } } as never)).toThrow('did you mean "learningRate"?');
  });

  it('Sequential: unknown keys and a string seed', () => {
    expect(() => new Sequential({ layer: [Dense(1)] } as never)).toThrow('Unknown option "layer" in Sequential options; did you mean "layers"?');
    expect(() => new Sequential({ seed: '1' } as never)).toThrow('Sequential seed must be a finite number, got "1"');
    expect(() => new Sequential({ trainable: false } as never)).toThrow(NotSupportedError);
    expect(() => new Sequential().add(42 as never)).toThrow('add expects a layer such as Dense(10), got 42');
  });
});

describe('BatchSource arguments', () => {
  beforeEach(() => clearSession());

  it('targets given beside a BatchSource (which carries its own) are refused, not ignored', async () => {
    const model = compiled();
    const source = new MatrixBatchSource(x, y);
    await expect(model.fit(source, y as never, { verbose: 0 })).rejects.toThrow(
      'fit(source, options) takes its targets from the BatchSource; got targets a Matrix as well',
    );
    await expect(model.evaluate(source, y as never, {})).rejects.toThrow(ArgumentError);
    await model.fit(source, { epochs: 1, verbose: 0 });
  });
});

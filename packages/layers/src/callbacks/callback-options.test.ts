import { ArgumentError, Matrix, NotSupportedError, UnknownOptionError } from '@backprop/core';
import { Dense, SGD, Sequential } from '../index';
import { Callback } from './callback';
import { EarlyStopping } from './early-stopping';
import { ModelCheckpoint } from './model-checkpoint';
import { ProgressBar } from './progress-bar';
import { TerminateOnNaN } from './terminate-on-nan';

// Callback options are checked like every other option, and a monitored value that cannot appear in
// the logs stops fit before the first epoch (issue 9, item 10).

const x = new Matrix(10, 2, Float32Array.from({ length: 20 }, (_, i) => (i % 7) / 7));
const y = new Matrix(10, 1, Float32Array.from({ length: 10 }, (_, i) => i % 2));

function compiled(): Sequential {
  const model = new Sequential({ seed: 5, layers: [Dense(1, { inputShape: [2], activation: 'sigmoid' })] });
  model.compile({ loss: 'binary_crossentropy', optimizer: SGD(0.1), metrics: ['accuracy'] });
  return model;
}

class EpochCounter extends Callback {
  epochs = 0;
  override onEpochEnd(): void {
    this.epochs++;
  }
}

describe('callback options', () => {
  it('unknown keys name the closest valid one', () => {
    expect(() => new EarlyStopping({ patiense: 3 } as never)).toThrow(UnknownOptionError);
    expect(() => new EarlyStopping({ patiense: 3 } as never)).toThrow('Unknown option "patiense" in EarlyStopping options; did you mean "patience"?');
    expect(() => new EarlyStopping({ restore_best_weights: true } as never)).toThrow('did you mean "restoreBestWeights"?');
    expect(() => new ModelCheckpoint({ filepath: 'ckpt', save_best_only: true } as never)).toThrow('did you mean "saveBestOnly"?');
    expect(() => new ProgressBar({ verbosity: 2 } as never)).toThrow('Unknown option "verbosity" in ProgressBar options');
    expect(() => new TerminateOnNaN({ throw: false } as never)).toThrow('Unknown option "throw" in TerminateOnNaN options');
  });

  it('booleans stay booleans and numbers stay numbers', () => {
    expect(() => new EarlyStopping({ restoreBestWeights: 'yes' } as never)).toThrow('EarlyStopping options: restoreBestWeights must be true or false, got "yes"');
    expect(() => new ModelCheckpoint({ filepath: 'c', saveBestOnly: 1 } as never)).toThrow('saveBestOnly must be true or false, got 1');
    expect(() => new TerminateOnNaN({ throwError: 'false' } as never)).toThrow('throwError must be true or false, got "false"');
    expect(() => new EarlyStopping({ patience: '3' } as never)).toThrow('EarlyStopping patience must be a non-negative integer, got "3"');
    expect(() => new EarlyStopping({ minDelta: '0.1' } as never)).toThrow('EarlyStopping minDelta must be a finite number, got "0.1"');
    expect(() => new EarlyStopping({ verbose: 2 } as never)).toThrow('EarlyStopping verbose must be 0 or 1, got 2');
    expect(() => new ProgressBar({ verbose: 0 } as never)).toThrow('ProgressBar verbose must be 1 or 2, got 0');
    expect(() => new ModelCheckpoint({ filepath: 42 } as never)).toThrow('ModelCheckpoint needs a filepath, got 42');
  });

  it('ModelCheckpoint options Keras has but this library does not throw NotSupportedError', () => {
    expect(() => new ModelCheckpoint({ filepath: 'c', saveWeightsOnly: true } as never)).toThrow(NotSupportedError);
    expect(() => new ModelCheckpoint({ filepath: 'c', saveFreq: 10 } as never)).toThrow('saveFreq in ModelCheckpoint options is not supported yet');
  });
});

describe('a monitor that cannot be in the logs', () => {
  it('EarlyStopping({ monitor: "val_acc_x" }) rejects fit before the first epoch, listing the logs', async () => {
    const counter = new EpochCounter();
    const fit = compiled().fit(x, y, { epochs: 5, validationSplit: 0.2, callbacks: [new EarlyStopping({ monitor: 'val_acc_x' }), counter], verbose: 0 });
    await expect(fit).rejects.toThrow(ArgumentError);
    await expect(
      compiled().fit(x, y, { epochs: 5, validationSplit: 0.2, callbacks: [new EarlyStopping({ monitor: 'val_acc_x' })], verbose: 0 }),
    ).rejects.toThrow('EarlyStopping monitor "val_acc_x" is not among this fit\'s logs; expected one of: loss, accuracy, val_loss, val_accuracy');
    expect(counter.epochs).toBe(0);
  });

  it('the default monitor val_loss without validation data is named with the fix', async () => {
    await expect(compiled().fit(x, y, { epochs: 2, callbacks: [new EarlyStopping()], verbose: 0 })).rejects.toThrow(
      'EarlyStopping monitor "val_loss" is not among this fit\'s logs; expected one of: loss, accuracy (val_ values need validationData or validationSplit in fit)',
    );
  });

  it('ModelCheckpoint with saveBestOnly checks its monitor too; without it the monitor is unused', async () => {
    const best = new ModelCheckpoint({ filepath: 'never-written', monitor: 'val_accuracy', saveBestOnly: true });
    await expect(compiled().fit(x, y, { epochs: 1, callbacks: [best], verbose: 0 })).rejects.toThrow('ModelCheckpoint monitor "val_accuracy"');
  });

  it('outside fit, a missing monitored value throws at epoch end instead of being skipped with a warning', async () => {
    const es = new EarlyStopping({ monitor: 'val_los' });
    es.onTrainBegin();
    await expect(es.onEpochEnd(0, { loss: 1, val_loss: 1 })).rejects.toThrow('EarlyStopping monitor "val_los" is not in the epoch logs; expected one of: loss, val_loss');
  });

  it('a monitor that is in the logs trains as before', async () => {
    const counter = new EpochCounter();
    await compiled().fit(x, y, { epochs: 3, validationSplit: 0.2, callbacks: [new EarlyStopping({ monitor: 'val_accuracy', patience: 5 }), counter], verbose: 0 });
    expect(counter.epochs).toBe(3);
  });
});

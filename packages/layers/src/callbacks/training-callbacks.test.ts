import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArgumentError, Matrix, UnknownOptionError } from '@backprop/core';
import { Dense } from '../layers/dense';
import { Sequential } from '../model/sequential';
import { SGD } from '../optimizers/sgd';
import { Callback } from './callback';
import { CSVLogger } from './csv-logger';
import { LambdaCallback } from './lambda-callback';
import { LearningRateScheduler } from './learning-rate-scheduler';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau';

const x = new Matrix(8, 2, Float32Array.from({ length: 16 }, (_, i) => ((i * 7) % 5) / 5 - 0.4));
const y = new Matrix(8, 1, Float32Array.from({ length: 8 }, (_, i) => (i % 3) / 3));

function compiled(lr = 0.1): Sequential {
  const model = new Sequential({ seed: 3, layers: [Dense(1, { inputShape: [2] })] });
  model.compile({ loss: 'mse', optimizer: SGD(lr) });
  return model;
}

describe('callbacks given as plain objects or alone (tfjs’s model.fit accepts both)', () => {
  it('a single { onEpochEnd } object, a single Callback, and mixed lists all run', async () => {
    const seen: string[] = [];
    class Recorder extends Callback {
      override onEpochEnd(epoch: number): void {
        seen.push(`instance ${epoch}`);
      }
    }
    const model = compiled();
    await model.fit(x, y, { epochs: 2, verbose: 0, callbacks: { onEpochEnd: (epoch) => void seen.push(`object ${epoch}`) } });
    await model.fit(x, y, { epochs: 1, verbose: 0, callbacks: new Recorder() });
    await model.fit(x, y, { epochs: 1, verbose: 0, callbacks: [new Recorder(), { onTrainEnd: () => void seen.push('end') }] });
    expect(seen).toEqual(['object 0', 'object 1', 'instance 0', 'instance 0', 'end']);
  });

  it('an unknown hook is an UnknownOptionError naming the one meant; tfjs-only hooks are refused', async () => {
    const model = compiled();
    await expect(model.fit(x, y, { verbose: 0, callbacks: { onEpochEnds() {} } as never })).rejects.toThrow(UnknownOptionError);
    await expect(model.fit(x, y, { verbose: 0, callbacks: { onEpochEnds() {} } as never })).rejects.toThrow('did you mean "onEpochEnd"?');
    await expect(model.fit(x, y, { verbose: 0, callbacks: { onYield() {} } as never })).rejects.toThrow('onYield in callbacks (a callback object) is not supported yet');
    expect(() => new LambdaCallback({ onBatchEnd: 3 } as never)).toThrow('onBatchEnd in LambdaCallback arguments must be a function, got 3');
  });

  it("LambdaCallback's hooks get Keras's arguments (0-based epoch and batch, the logs)", async () => {
    const calls: string[] = [];
    const model = compiled();
    await model.fit(x, y, {
      epochs: 1,
      batchSize: 4,
      verbose: 0,
      callbacks: [
        new LambdaCallback({
          onTrainBegin: () => void calls.push('train'),
          onEpochBegin: (e) => void calls.push(`epoch ${e}`),
          onBatchBegin: (b) => void calls.push(`batch ${b}`),
          onBatchEnd: (b, logs) => void calls.push(`batch ${b} end ${typeof logs.loss}`),
          onEpochEnd: (e, logs) => void calls.push(`epoch ${e} end ${typeof logs.loss}`),
          onTrainEnd: () => void calls.push('done'),
        }),
      ],
    });
    expect(calls).toEqual(['train', 'epoch 0', 'batch 0', 'batch 0 end number', 'batch 1', 'batch 1 end number', 'epoch 0 end number', 'done']);
  });
});

describe('LearningRateScheduler', () => {
  it('refuses a schedule result that is not a number (Keras: "should be a float")', async () => {
    const model = compiled();
    const scheduler = new LearningRateScheduler(() => '0.1' as never);
    await expect(model.fit(x, y, { verbose: 0, callbacks: [scheduler] })).rejects.toThrow('should be a number, got "0.1"');
    expect(() => new LearningRateScheduler(0.1 as never)).toThrow(ArgumentError);
  });

  it('prints Keras’s line with verbose 1', async () => {
    const lines: string[] = [];
    await compiled().fit(x, y, { verbose: 0, callbacks: [new LearningRateScheduler((_e, lr) => lr * 2, { verbose: 1, printFn: (l) => lines.push(l) })] });
    expect(lines).toEqual(['\nEpoch 1: LearningRateScheduler setting learning rate to 0.2.']);
  });
});

describe('ReduceLROnPlateau, step for step as keras/src/callbacks/reduce_lr_on_plateau.py', () => {
  /** Drive the callback with a sequence of monitored values on a fake model; returns the rate after each epoch. */
  function drive(options: ConstructorParameters<typeof ReduceLROnPlateau>[0], values: number[]): number[] {
    const optimizer = { learningRate: 1 };
    const callback = new ReduceLROnPlateau(options);
    callback.setModel({ optimizer } as never);
    callback.onTrainBegin();
    return values.map((v, epoch) => {
      callback.onEpochEnd(epoch, { loss: v });
      return optimizer.learningRate;
    });
  }

  it('waits `patience` epochs without an improvement of more than minDelta, then multiplies by factor', () => {
    expect(drive({ monitor: 'loss', patience: 2, factor: 0.5, minDelta: 0 }, [5, 4, 4, 4, 4, 4, 3])).toEqual([1, 1, 1, 0.5, 0.5, 0.25, 0.25]);
  });

  it('cooldown epochs do not count, and the rate never goes below minLr', () => {
    // Worked through Keras's on_epoch_end: reduce at epoch 1, cooldown 2 (the counter runs down on epochs 2 and 3,
    // counting resumes on 3), reduce at 3, again at 5 (0.001 clamped to minLr), then lr is not above minLr.
    const rates = drive({ monitor: 'loss', patience: 1, factor: 0.1, cooldown: 2, minLr: 0.005 }, [5, 5, 5, 5, 5, 5, 5, 5]);
    [1, 0.1, 0.1, 0.01, 0.01, 0.005, 0.005, 0.005].forEach((lr, i) => expect(rates[i]).toBeCloseTo(lr, 12));
  });

  it('mode max for accuracy-like names; a factor ≥ 1 is refused (Keras)', () => {
    expect(drive({ monitor: 'loss', mode: 'max', patience: 1, factor: 0.5 }, [1, 2, 1])).toEqual([1, 1, 0.5]);
    expect(() => new ReduceLROnPlateau({ factor: 1 })).toThrow('ReduceLROnPlateau factor must be in (0, 1), got 1');
    expect(() => new ReduceLROnPlateau({ minDelta: '0.1' } as never)).toThrow('ReduceLROnPlateau minDelta must be a finite number, got "0.1"');
  });

  it('an unknown monitor throws before the first epoch (Keras 3 raises at the end of it in mode auto)', async () => {
    await expect(compiled().fit(x, y, { verbose: 0, callbacks: [new ReduceLROnPlateau({ monitor: 'val_los' })] })).rejects.toThrow(
      'ReduceLROnPlateau monitor "val_los" is not among this fit\'s logs; expected one of: loss',
    );
  });
});

describe('CSVLogger (keras/src/callbacks/csv_logger.py)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'csv-logger-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes epoch and the sorted log keys, one row per epoch, \\r\\n line ends; overwrites unless append', async () => {
    const file = path.join(dir, 'log.csv');
    writeFileSync(file, 'old contents\n');
    const model = compiled();
    const history = await model.fit(x, y, { epochs: 2, verbose: 0, validationData: [x, y], callbacks: [new CSVLogger(file)] });
    const loss = history.history.loss;
    const valLoss = history.history.val_loss;
    expect(readFileSync(file, 'utf8')).toBe(`epoch,loss,val_loss\r\n0,${loss[0]},${valLoss[0]}\r\n1,${loss[1]},${valLoss[1]}\r\n`);
    // Append: no second header; a separator of our choice.
    await model.fit(x, y, { epochs: 1, verbose: 0, callbacks: [new CSVLogger(file, { append: true })] });
    expect(readFileSync(file, 'utf8').split('\r\n')).toHaveLength(5);
    const tsv = path.join(dir, 'log.tsv');
    await model.fit(x, y, { epochs: 1, verbose: 0, callbacks: [new CSVLogger(tsv, { separator: '\t', append: true })] });
    // Keras adds val_ twins of every key when the first epoch has none; missing values are NA.
    expect(readFileSync(tsv, 'utf8')).toMatch(/^epoch\tloss\tval_loss\r\n0\t[0-9.e-]+\tNA\r\n$/);
  });

  it('checks its arguments', () => {
    expect(() => new CSVLogger('')).toThrow('CSVLogger expects a file name, got ""');
    expect(() => new CSVLogger('a.csv', { seperator: ';' } as never)).toThrow('Unknown option "seperator" in CSVLogger options; did you mean "separator"?');
    expect(() => new CSVLogger('a.csv', { separator: ';;' })).toThrow('CSVLogger separator must be one character, got ";;"');
  });
});

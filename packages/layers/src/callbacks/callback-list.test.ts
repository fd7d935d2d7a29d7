import { Matrix } from '@backprop/core';
import { Dense, SGD, Sequential } from '../index';
import type { Logs } from '../metrics/running-means';
import { Callback } from './callback';

/** Records every hook with its arguments; awaits a tick in each so that async hooks are proven awaited. */
class Recorder extends Callback {
  readonly calls: string[] = [];
  constructor(private readonly tag = '') {
    super();
  }
  private async record(entry: string): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.calls.push(this.tag + entry);
  }
  override onTrainBegin(logs: Logs) {
    return this.record(`trainBegin ${JSON.stringify(logs)}`);
  }
  override onTrainEnd(logs: Logs) {
    return this.record(`trainEnd ${Object.keys(logs).join(',')}`);
  }
  override onEpochBegin(epoch: number) {
    return this.record(`epochBegin ${epoch}`);
  }
  override onEpochEnd(epoch: number, logs: Logs) {
    return this.record(`epochEnd ${epoch} ${Object.keys(logs).join(',')}`);
  }
  override onBatchBegin(batch: number, logs: Logs) {
    return this.record(`batchBegin ${batch} size=${logs.size}`);
  }
  override onBatchEnd(batch: number, logs: Logs) {
    return this.record(`batchEnd ${batch} ${Object.keys(logs).join(',')}`);
  }
}

describe('callbacks during fit', () => {
  it('are called in Keras order, awaited, with 0-based epochs and batches', async () => {
    const model = new Sequential({ layers: [Dense(3, { inputShape: [2], activation: 'softmax' })] });
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.1), metrics: ['accuracy'] });
    const x = new Matrix(5, 2, Float32Array.from([0, 1, 1, 0, 1, 1, 0, 0, 0.5, 0.5]));
    const y = new Matrix(5, 3, Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0]));
    const a = new Recorder('a:');
    const b = new Recorder('b:');
    const history = await model.fit(x, y, { epochs: 2, batchSize: 3, validationData: [x, y], callbacks: [a, b], verbose: 0 });
    const batchKeys = 'batch,size,loss,accuracy';
    const epochKeys = 'loss,accuracy,val_loss,val_accuracy';
    const expected = [
      'trainBegin {}',
      ...[0, 1].flatMap((epoch) => [
        `epochBegin ${epoch}`,
        'batchBegin 0 size=3',
        `batchEnd 0 ${batchKeys}`,
        'batchBegin 1 size=2',
        `batchEnd 1 ${batchKeys}`,
        `epochEnd ${epoch} ${epochKeys}`,
      ]),
      `trainEnd ${epochKeys}`,
    ];
    expect(a.calls).toEqual(expected.map((c) => `a:${c}`));
    expect(b.calls).toEqual(expected.map((c) => `b:${c}`));
    expect(a.model).toBe(model);
    expect(a.params).toEqual({
      epochs: 2,
      steps: 2,
      samples: 5,
      batchSize: 3,
      verbose: 0,
      initialEpoch: 0,
      metrics: ['loss', 'accuracy', 'val_loss', 'val_accuracy'],
    });
    expect(history.epoch).toEqual([0, 1]);
  });
});

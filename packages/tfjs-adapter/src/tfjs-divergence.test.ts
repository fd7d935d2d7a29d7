import { DivergenceError } from '@backprop/core';
import { type BatchSource, Callback, Dense, SGD, Sequential, type WeightArray } from '@backprop/layers';
import { initTfjs } from './index';

// Non-finite data and a diverging loss stop fit the same way on both engines: DivergenceError in the
// batch where it happens, with the weights from before that batch.

const flat = (weights: WeightArray[]) => weights.flatMap((w) => Array.from('data' in w ? w.data : w));

/** 64 samples of 4 inputs and 3 one-hot classes; sample `bad.sample` gets `bad.value` in column 2. */
function source(bad: { sample: number; value: number }): BatchSource {
  return {
    size: 64,
    inputSize: 4,
    outputSize: 3,
    readBatch(indices, start, end, x, y) {
      for (let r = start; r < end; r++) {
        const i = indices[r];
        for (let c = 0; c < 4; c++) x[(r - start) * 4 + c] = i === bad.sample && c === 2 ? bad.value : Math.sin(i * 1.3 + c);
        if (y) for (let c = 0; c < 3; c++) y[(r - start) * 3 + c] = i % 3 === c ? 1 : 0;
      }
    },
  };
}

class WeightRecorder extends Callback {
  last: number[] = [];
  epoch = -1;
  batch = -1;
  override onTrainBegin(): void {
    this.last = flat((this.model as Sequential).getWeights());
  }
  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }
  override onBatchBegin(batch: number): void {
    this.batch = batch;
  }
  override onBatchEnd(): void {
    this.last = flat((this.model as Sequential).getWeights());
  }
}

async function fitUntilDivergence(backend: string, model: Sequential, data: BatchSource, epochs: number) {
  await model.ready();
  const recorder = new WeightRecorder();
  const error = await model.fit(data, { epochs, batchSize: 16, shuffle: false, verbose: 0, callbacks: [recorder] }).then(
    () => null,
    (e: unknown) => e as DivergenceError,
  );
  expect(error).toBeInstanceOf(DivergenceError);
  const weights = flat(await model.getWeightsAsync());
  expect(weights).toEqual(recorder.last);
  expect(weights.every(Number.isFinite)).toBe(true);
  return { backend, epoch: error!.epoch, batch: error!.batch, atBatch: [recorder.epoch + 1, recorder.batch + 1], input: error!.nonFiniteValue };
}

describe('divergence on scratch and tfjs', () => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  it.each(['scratch', 'tfjs'])('%s: a NaN input from a BatchSource stops fit in its batch (epoch 1, batch 3), weights kept', async (backend) => {
    const model = new Sequential({ layers: [Dense(8, { inputShape: [4], activation: 'relu' }), Dense(3, { activation: 'softmax' })], seed: 1 });
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.1), backend });
    const result = await fitUntilDivergence(backend, model, source({ sample: 40, value: Number.NaN }), 3);
    expect(result).toEqual({ backend, epoch: 1, batch: 3, atBatch: [1, 3], input: { array: 'x', sample: 40, row: 8, column: 2, value: Number.NaN } });
  });

  it.each(['scratch', 'tfjs'])('%s: a loss that overflows stops fit without applying its update', async (backend) => {
    const model = new Sequential({ layers: [Dense(4, { inputShape: [4] }), Dense(3)], seed: 2 });
    model.compile({ loss: 'mse', optimizer: SGD(5), backend });
    const result = await fitUntilDivergence(backend, model, source({ sample: 0, value: 30 }), 100);
    expect(result.input).toBeNull();
    expect([result.epoch, result.batch]).toEqual(result.atBatch);
  });
});

import { DivergenceError, Rng } from '@backprop/core';
import { type BatchSource, Callback, Dense, type Logs, SGD, Sequential, type WeightArray } from '../index';
import { clearSession } from '../layers/layer-names';
import { findNonFinite } from './non-finite-batch';

const flat = (weights: WeightArray[]) => weights.flatMap((w) => Array.from('data' in w ? w.data : w));

/** 64 samples of 4 inputs and 3 one-hot classes, with one value replaced (`bad`: sample, array, column, value). */
function source(bad: { sample: number; array: 'x' | 'y'; column: number; value: number }): BatchSource {
  return {
    size: 64,
    inputSize: 4,
    outputSize: 3,
    readBatch(indices, start, end, x, y) {
      for (let r = start; r < end; r++) {
        const i = indices[r];
        for (let c = 0; c < 4; c++) x[(r - start) * 4 + c] = Math.sin(i * 1.3 + c);
        if (y) for (let c = 0; c < 3; c++) y[(r - start) * 3 + c] = i % 3 === c ? 1 : 0;
        if (i === bad.sample) (bad.array === 'x' ? x : y!)[(r - start) * (bad.array === 'x' ? 4 : 3) + bad.column] = bad.value;
      }
    },
  };
}

/** Records the weights after every batch and the last batch begun. */
class WeightRecorder extends Callback {
  afterLastBatch: number[] = [];
  epoch = -1;
  batch = -1;
  override onTrainBegin(): void {
    this.afterLastBatch = flat((this.model as Sequential).getWeights());
  }
  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }
  override onBatchBegin(batch: number): void {
    this.batch = batch;
  }
  override onBatchEnd(_batch: number, _logs: Logs): void {
    this.afterLastBatch = flat((this.model as Sequential).getWeights());
  }
}

function model(): Sequential {
  clearSession();
  const m = new Sequential({ layers: [Dense(8, { inputShape: [4], activation: 'relu' }), Dense(3, { activation: 'softmax' })], seed: 1 });
  m.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.1), metrics: ['accuracy'] });
  return m;
}

async function divergence(m: Sequential, data: BatchSource, options: object): Promise<DivergenceError> {
  const error = await m.fit(data, { epochs: 3, batchSize: 16, verbose: 0, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DivergenceError);
  return error as DivergenceError;
}

describe('non-finite values in a batch', () => {
  it('findNonFinite finds the first NaN or ±Infinity, and passes finite float32 extremes', () => {
    const rng = new Rng(5);
    for (const length of [1, 3, 4, 7, 100, 1001]) {
      const values = Float32Array.from({ length }, () => rng.uniform(-1, 1) * 3.4e38);
      values[0] = 3.4e38;
      expect(findNonFinite(values)).toBe(-1);
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        const at = Math.floor(rng.uniform(0, length));
        const copy = values.slice();
        copy[at] = bad;
        if (at + 1 < length) copy[length - 1] = -bad; // a second one later, and +∞ with −∞ summing to NaN
        expect(findNonFinite(copy)).toBe(copy.findIndex((v) => !Number.isFinite(v)));
      }
    }
  });

  it('a NaN input arriving through a BatchSource stops fit in its batch, naming sample and column, with the weights from before it', async () => {
    const m = model();
    const recorder = new WeightRecorder();
    const error = await divergence(m, source({ sample: 40, array: 'x', column: 2, value: Number.NaN }), { shuffle: false, callbacks: [recorder] });
    // Unshuffled, sample 40 is row 8 of the third batch of 16.
    expect([error.epoch, error.batch]).toEqual([1, 3]);
    expect(error.nonFiniteValue).toEqual({ array: 'x', sample: 40, row: 8, column: 2, value: Number.NaN });
    expect(error.message).toBe(
      'Training stopped at epoch 1, batch 3: x[40][2] is NaN (sample 40, row 8 of the batch, column 2); expected finite inputs. The weights are those from before this batch',
    );
    expect(recorder.batch).toBe(2);
    expect(flat(m.getWeights())).toEqual(recorder.afterLastBatch);
    expect(flat(m.getWeights()).every(Number.isFinite)).toBe(true);
  });

  it('shuffled, the error names the sample wherever it landed; an infinite target is reported as y', async () => {
    const m = model();
    const recorder = new WeightRecorder();
    const error = await divergence(m, source({ sample: 13, array: 'y', column: 1, value: Number.POSITIVE_INFINITY }), { callbacks: [recorder] });
    expect(error.nonFiniteValue).toMatchObject({ array: 'y', sample: 13, column: 1, value: Number.POSITIVE_INFINITY });
    expect([error.epoch, error.batch]).toEqual([recorder.epoch + 1, recorder.batch + 1]);
    expect(flat(m.getWeights())).toEqual(recorder.afterLastBatch);
  });

  it('a loss that overflows stops fit in that batch, without applying its NaN gradients', async () => {
    clearSession();
    const m = new Sequential({ layers: [Dense(4, { inputShape: [4] }), Dense(3)], seed: 2 });
    m.compile({ loss: 'mse', optimizer: SGD(5) });
    const recorder = new WeightRecorder();
    const error = await m.fit(source({ sample: 0, array: 'x', column: 0, value: 30 }), { epochs: 100, batchSize: 16, verbose: 0, callbacks: [recorder] }).then(
      () => null,
      (e: unknown) => e as DivergenceError,
    );
    expect(error).toBeInstanceOf(DivergenceError);
    expect(error!.nonFiniteValue).toBeNull();
    expect(Number.isFinite(error!.loss)).toBe(false);
    expect([error!.epoch, error!.batch]).toEqual([recorder.epoch + 1, recorder.batch + 1]);
    expect(flat(m.getWeights())).toEqual(recorder.afterLastBatch);
    expect(flat(m.getWeights()).every(Number.isFinite)).toBe(true);
  });
});

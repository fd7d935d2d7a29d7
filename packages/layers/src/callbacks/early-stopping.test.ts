import { Matrix, Rng } from '@backprop/core';
import { Dense, SGD, Sequential } from '../index';
import type { WeightArray } from '../model/keras-weights';
import type { CallbackModel } from './callback';
import { EarlyStopping } from './early-stopping';

/** A stand-in model whose "weights" are the epoch they were read at. */
function fakeModel() {
  let current = -1;
  const model: CallbackModel & { restored: number | null; setEpoch(e: number): void } = {
    stopTraining: false,
    restored: null,
    setEpoch(e: number) {
      current = e;
    },
    getWeightsAsync: async () => [Float32Array.of(current)],
    setWeightsAsync: async (w: readonly WeightArray[]) => {
      model.restored = (w[0] as Float32Array)[0];
    },
    save: async () => {},
  };
  return model;
}

/** Feed `values` as the monitored quantity, epoch by epoch, until the callback stops training. */
async function drive(es: EarlyStopping, values: number[], key = 'val_loss') {
  const model = fakeModel();
  es.setModel(model);
  es.onTrainBegin();
  let epochs = 0;
  for (const [epoch, value] of values.entries()) {
    model.setEpoch(epoch);
    await es.onEpochEnd(epoch, { [key]: value });
    epochs++;
    if (model.stopTraining) break;
  }
  await es.onTrainEnd();
  return { epochs, model };
}

describe('EarlyStopping (Keras 3 semantics)', () => {
  it('stops once `patience` epochs pass without improvement', async () => {
    const { epochs } = await drive(new EarlyStopping({ patience: 2 }), [1, 0.8, 0.9, 0.85, 0.7, 0.6]);
    expect(epochs).toBe(4); // best at epoch 1; epochs 2 and 3 do not improve
  });

  it('patience 0 stops at the first epoch without improvement, never at epoch 0', async () => {
    expect((await drive(new EarlyStopping(), [1, 1.1, 0.5])).epochs).toBe(2);
  });

  it('counts only improvements larger than minDelta', async () => {
    expect((await drive(new EarlyStopping({ patience: 1, minDelta: 0.1 }), [1, 0.95, 0.92, 0.5])).epochs).toBe(2);
  });

  it('maximises accuracy-like monitors in mode auto, or as told', async () => {
    expect((await drive(new EarlyStopping({ monitor: 'val_accuracy', patience: 1 }), [0.5, 0.6, 0.7, 0.65, 0.6], 'val_accuracy')).epochs).toBe(4);
    expect((await drive(new EarlyStopping({ monitor: 'val_accuracy', patience: 1, mode: 'min' }), [0.5, 0.6, 0.7], 'val_accuracy')).epochs).toBe(2);
  });

  it('does not reset the wait for improvements that miss the baseline', async () => {
    const values = [1, 0.9, 0.95, 0.97, 0.6];
    expect((await drive(new EarlyStopping({ patience: 2, baseline: 0.5 }), values)).epochs).toBe(3);
    expect((await drive(new EarlyStopping({ patience: 2 }), values)).epochs).toBe(4);
  });

  it('restores the best epoch’s weights at the end, stopped early or not', async () => {
    const stopped = await drive(new EarlyStopping({ patience: 1, restoreBestWeights: true }), [1, 0.5, 0.7, 0.8, 0.1]);
    expect(stopped.epochs).toBe(3);
    expect(stopped.model.restored).toBe(1);
    const completed = await drive(new EarlyStopping({ patience: 5, restoreBestWeights: true }), [1, 0.5, 0.7]);
    expect(completed.model.restored).toBe(1);
  });

  it('in fit: stops training and restores the best weights', async () => {
    const rng = new Rng(3);
    const x = new Matrix(40, 3, Float32Array.from({ length: 120 }, () => rng.normal()));
    const y = new Matrix(40, 1, Float32Array.from({ length: 40 }, () => rng.normal()));
    const model = new Sequential({ seed: 1, layers: [Dense(16, { inputShape: [3], activation: 'tanh' }), Dense(1)] });
    // Noise targets and a large step: validation loss bounces, so the best epoch comes early.
    model.compile({ loss: 'mse', optimizer: SGD(0.5) });
    const snapshots: number[][] = [];
    const record = new (class extends EarlyStopping {
      override async onEpochEnd(epoch: number, logs: Record<string, number>) {
        snapshots.push(model.getWeights().flatMap((w) => Array.from(w instanceof Matrix ? w.data : w)));
        await super.onEpochEnd(epoch, logs);
      }
    })({ patience: 2, restoreBestWeights: true });
    const h = await model.fit(x, y, { epochs: 50, batchSize: 4, validationSplit: 0.5, callbacks: [record], verbose: 0 });
    const losses = h.history.val_loss;
    expect(losses.length).toBeLessThan(50);
    const best = losses.indexOf(Math.min(...losses));
    expect(losses.length).toBe(best + 3);
    expect(record.bestEpoch).toBe(best);
    expect(model.getWeights().flatMap((w) => Array.from(w instanceof Matrix ? w.data : w))).toEqual(snapshots[best]);
  });
});

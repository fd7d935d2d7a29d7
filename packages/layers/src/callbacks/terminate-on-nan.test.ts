import { DivergenceError, Matrix } from '@backprop/core';
import { Dense, SGD, Sequential } from '../index';
import { TerminateOnNaN } from './terminate-on-nan';

function divergingModel() {
  const model = new Sequential({ seed: 1, layers: [Dense(8, { inputShape: [2], activation: 'relu' }), Dense(1)] });
  // A huge step on unscaled targets: the loss overflows to Infinity within a few batches.
  model.compile({ loss: 'mse', optimizer: SGD(1e6), metrics: ['mae'] });
  const x = new Matrix(64, 2, Float32Array.from({ length: 128 }, (_, i) => (i % 7) - 3));
  const y = new Matrix(64, 1, Float32Array.from({ length: 64 }, (_, i) => i * 1000));
  return { model, x, y };
}

describe('TerminateOnNaN', () => {
  it('is on by default: fit rejects with a DivergenceError naming the 1-based epoch and batch', async () => {
    const { model, x, y } = divergingModel();
    const error = await model.fit(x, y, { epochs: 5, batchSize: 8, verbose: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DivergenceError);
    const { epoch, batch, loss } = error as DivergenceError;
    expect(epoch).toBe(1);
    expect(batch).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(loss)).toBe(false);
    expect((error as Error).message).toContain(`at epoch ${epoch}, batch ${batch}`);
    expect(model.stopTraining).toBe(true);
  });

  it('with throwError: false only stops, as Keras does', async () => {
    const { model, x, y } = divergingModel();
    const history = await model.fit(x, y, { epochs: 5, batchSize: 8, verbose: 0, callbacks: [new TerminateOnNaN({ throwError: false })] });
    expect(history.epoch).toEqual([0]);
    expect(Number.isFinite(history.history.loss[0])).toBe(false);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix } from '@backprop/core';
import { Callback, Dense, loadModel, ModelStateError, SGD, Sequential, type WeightArray } from '../index';
import { clearSession } from '../layers/layer-names';

// Calls that would throw a running fit's training away are refused while it runs; reading calls are not.

const x = new Matrix(24, 3, Float32Array.from({ length: 72 }, (_, i) => Math.sin(i * 0.7)));
const y = new Matrix(24, 2, Float32Array.from({ length: 48 }, (_, i) => (i % 2 === 0 ? Math.cos(i) : 0.5)));
const fitOptions = { epochs: 3, batchSize: 8, verbose: 0 as const };

function model(): Sequential {
  clearSession();
  const m = new Sequential({ layers: [Dense(5, { inputShape: [3], activation: 'tanh' }), Dense(2)], seed: 7 });
  m.compile({ loss: 'mse', optimizer: SGD(0.1) });
  return m;
}

/** Runs `attempt` on the model at the end of the first epoch and keeps what it threw. */
class AtFirstEpochEnd extends Callback {
  thrown: unknown = 'nothing thrown';
  constructor(private readonly attempt: (m: Sequential) => unknown) {
    super();
  }
  override async onEpochEnd(epoch: number): Promise<void> {
    if (epoch !== 0) return;
    try {
      await this.attempt(this.model as Sequential);
    } catch (error) {
      this.thrown = error;
    }
  }
}

const flat = (weights: WeightArray[]) => weights.flatMap((w) => Array.from(w instanceof Matrix ? w.data : w));

describe('while fit() runs', () => {
  let reference: number[];
  beforeAll(async () => {
    const m = model();
    await m.fit(x, y, fitOptions);
    reference = flat(m.getWeights());
  });

  const refused: [string, (m: Sequential) => unknown][] = [
    ['compile()', (m) => m.compile({ loss: 'mse', optimizer: SGD(0.5) })],
    ['add()', (m) => m.add(Dense(2))],
    ['dispose()', (m) => m.dispose()],
  ];
  it.each(refused)('%s from a callback throws ModelStateError and the training goes on as if it had not been called', async (call, attempt) => {
    const m = model();
    const intruder = new AtFirstEpochEnd(attempt);
    const history = await m.fit(x, y, { ...fitOptions, callbacks: [intruder] });
    expect(intruder.thrown).toBeInstanceOf(ModelStateError);
    expect((intruder.thrown as Error).message).toBe(
      `Cannot call ${call} while fit() is in progress: it would discard the training. Set model.stopTraining = true (e.g. from a callback) and await fit() first`,
    );
    expect(history.history.loss).toHaveLength(3);
    expect(flat(m.getWeights())).toEqual(reference);
  });

  it.each(['setWeights', 'setWeightsAsync'] as const)('%s() from a callback is allowed (as Keras callbacks, e.g. EarlyStopping, do) and takes effect', async (method) => {
    const m = model();
    const initial = m.getWeights();
    const resetAtLastEpoch = new (class extends Callback {
      override async onEpochEnd(epoch: number): Promise<void> {
        if (epoch === 2) await m[method](initial);
      }
    })();
    await m.fit(x, y, { ...fitOptions, callbacks: [resetAtLastEpoch] });
    expect(flat(m.getWeights())).toEqual(flat(initial));
  });

  it('is refused from outside a callback too, and allowed again once fit has finished', async () => {
    const m = model();
    const running = m.fit(x, y, fitOptions);
    const weights = m.getWeights();
    expect(() => m.setWeights(weights)).toThrow(
      'Cannot call setWeights() while fit() is in progress (its callbacks may set weights, e.g. EarlyStopping): it would discard the training',
    );
    await expect(m.setWeightsAsync(weights)).rejects.toThrow(ModelStateError);
    expect(() => m.dispose()).toThrow(ModelStateError);
    expect(() => m.compile({ loss: 'mse' })).toThrow(ModelStateError);
    expect(() => m.add(Dense(2))).toThrow(ModelStateError);
    await expect(m.fit(x, y, fitOptions)).rejects.toThrow('Cannot start training because another fit() call is ongoing');
    await running;
    expect(flat(m.getWeights())).toEqual(reference);
    m.compile({ loss: 'mse', optimizer: SGD(0.1) });
    m.dispose();
  });

  it('reading calls stay allowed: evaluate, predict, getWeights and save (ModelCheckpoint) at an epoch end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backprop-guard-'));
    try {
      const m = model();
      const seen: { loss: number; predicted: number[]; weights: number[] }[] = [];
      const reader = new (class extends Callback {
        override async onEpochEnd(epoch: number): Promise<void> {
          const [loss] = await m.evaluate(x, y);
          seen.push({ loss, predicted: Array.from(m.predict(x).data), weights: flat(m.getWeights()) });
          await m.save(`file://${join(dir, `e${epoch}`)}`);
        }
      })();
      await m.fit(x, y, { ...fitOptions, callbacks: [reader] });
      // At the last epoch end the model is what fit leaves: the reads then agree with reads after fit.
      const last = seen[2];
      expect(last.loss).toBe((await m.evaluate(x, y))[0]);
      expect(last.predicted).toEqual(Array.from(m.predict(x).data));
      expect(last.weights).toEqual(reference);
      const saved = await loadModel(`file://${join(dir, 'e2')}`);
      expect(flat(saved.getWeights())).toEqual(reference);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { Matrix, Rng } from '@backprop/core';
import { clearSession, Dense, SGD, Sequential, type WeightArray } from '@backprop/layers';
import './register';
import { initTfjs } from './tfjs-runtime';

// `layer.trainable = false` on both engines (Keras's transfer-learning recipe, tfjs's `layer.trainable`): the
// frozen layer's weights do not move, the gradient still flows through it to the layers before it, and both
// engines train the others to the same weights.

const flat = (w: WeightArray) => (w instanceof Matrix ? w.data : w);
const maxDiff = (a: readonly WeightArray[], b: readonly WeightArray[]) =>
  a.reduce((worst, w, i) => flat(w).reduce((m, v, j) => Math.max(m, Math.abs(v - flat(b[i])[j])), worst), 0);

const rng = new Rng(11);
const x = new Matrix(64, 5, Float32Array.from({ length: 320 }, () => rng.uniform(-1, 1)));
const y = new Matrix(64, 3, Float32Array.from({ length: 192 }, () => rng.uniform(-1, 1)));

function model(): Sequential {
  clearSession();
  return new Sequential({
    seed: 3,
    layers: [Dense(8, { inputShape: [5], activation: 'tanh' }), Dense(6, { activation: 'relu', trainable: false }), Dense(3)],
  });
}

describe.each(['scratch', 'tfjs'] as const)('a frozen layer on the %s backend', (backend) => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  it('keeps its weights while the gradient flows through it to the layer before', async () => {
    const m = model();
    m.compile({ loss: 'mse', optimizer: SGD(0.1), backend });
    const start = m.getWeights().map((w) => Float32Array.from(flat(w)));
    await m.fit(x, y, { epochs: 5, batchSize: 16, verbose: 0 });
    const end = m.getWeights();
    // dense_1 (weights 2 and 3) is frozen: bit for bit the same.
    expect(Array.from(flat(end[2]))).toEqual(Array.from(start[2]));
    expect(Array.from(flat(end[3]))).toEqual(Array.from(start[3]));
    // The first layer, before the frozen one, and the last one trained.
    for (const i of [0, 1, 4, 5]) expect(maxDiff([end[i]], [start[i]])).toBeGreaterThan(1e-3);
  });
});

describe('frozen layers, scratch vs tfjs', () => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  it('train to the same weights (≤ 1e-4 after 200 SGD steps)', async () => {
    const [scratch, tfjs] = [model(), model()];
    scratch.compile({ loss: 'mse', optimizer: SGD(0.05), backend: 'scratch' });
    tfjs.compile({ loss: 'mse', optimizer: SGD(0.05), backend: 'tfjs' });
    // 64 rows in batches of 16: 4 steps per epoch, 50 epochs = 200 steps.
    await scratch.fit(x, y, { epochs: 50, batchSize: 16, verbose: 0 });
    await tfjs.fit(x, y, { epochs: 50, batchSize: 16, verbose: 0 });
    expect(maxDiff(scratch.getWeights(), tfjs.getWeights())).toBeLessThanOrEqual(1e-4);
    expect(maxDiff(scratch.getWeights(), model().getWeights())).toBeGreaterThan(1e-2);
  }, 60_000);
});

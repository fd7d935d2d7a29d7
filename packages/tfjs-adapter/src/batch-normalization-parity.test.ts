import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix, Rng } from '@backprop/core';
import { BatchNormalization, clearSession, Dense, loadModel, SGD, Sequential, type WeightArray } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import './register';
import { TfjsUnsupportedError } from './errors';
import { initTfjs } from './tfjs-runtime';

// Dense → BatchNormalization → Dense on both engines: the same initial weights, batches and steps, so the
// weights — gamma, beta and the moving statistics included — must agree after training.

const flat = (w: WeightArray) => (w instanceof Matrix ? w.data : w);
const maxDiff = (a: readonly WeightArray[], b: readonly WeightArray[]) =>
  a.reduce((worst, w, i) => flat(w).reduce((m, v, j) => Math.max(m, Math.abs(v - flat(b[i])[j])), worst), 0);

const rng = new Rng(21);
const x = new Matrix(64, 6, Float32Array.from({ length: 384 }, () => rng.uniform(-2, 2)));
const y = new Matrix(64, 3);
for (let r = 0; r < 64; r++) y.set(r, (x.get(r, 0) > 0 ? 1 : 0) + (x.get(r, 1) > 0 ? 1 : 0), 1);

function model(): Sequential {
  clearSession();
  return new Sequential({
    seed: 4,
    layers: [Dense(8, { inputShape: [6], activation: 'relu' }), BatchNormalization({ momentum: 0.9 }), Dense(3, { activation: 'softmax' })],
  });
}

describe('BatchNormalization, scratch vs tfjs', () => {
  let dir = '';
  beforeAll(async () => {
    await initTfjs({ backend: 'cpu' });
    dir = mkdtempSync(join(tmpdir(), 'backprop-bn-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains to the same weights, moving statistics included (≤ 1e-4 after 200 SGD steps)', async () => {
    const [scratch, tfjs] = [model(), model()];
    expect(scratch.plan().weights.map((w) => [w.name, w.trainable])).toEqual([
      ['dense/kernel', true],
      ['dense/bias', true],
      ['batch_normalization/gamma', true],
      ['batch_normalization/beta', true],
      ['batch_normalization/moving_mean', false],
      ['batch_normalization/moving_variance', false],
      ['dense_1/kernel', true],
      ['dense_1/bias', true],
    ]);
    scratch.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.05), backend: 'scratch' });
    tfjs.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.05), backend: 'tfjs' });
    expect(maxDiff(scratch.getWeights(), tfjs.getWeights())).toBe(0);
    // 64 rows in batches of 16: 4 steps per epoch, 50 epochs = 200 steps.
    await scratch.fit(x, y, { epochs: 50, batchSize: 16, verbose: 0 });
    await tfjs.fit(x, y, { epochs: 50, batchSize: 16, verbose: 0 });
    const [a, b] = [scratch.getWeights(), tfjs.getWeights()];
    expect(maxDiff(a, b)).toBeLessThanOrEqual(1e-4);
    // The moving statistics moved away from their initial 0 and 1, on both.
    expect(maxDiff([a[4], a[5]], [new Float32Array(8), new Float32Array(8).fill(1)])).toBeGreaterThan(0.05);
    // Inference uses them: the same predictions.
    const p = [scratch.predict(x).data, tfjs.predict(x).data];
    expect(p[0].reduce((m, v, i) => Math.max(m, Math.abs(v - p[1][i])), 0)).toBeLessThan(1e-4);
  }, 600_000); // a hang guard, not a speed limit

  it('saves and loads (moving statistics included), and tf.loadLayersModel reads ours and predicts the same', async () => {
    const m = model();
    m.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.05) });
    await m.fit(x, y, { epochs: 3, batchSize: 16, verbose: 0 });
    await m.save(`file://${dir}`);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(json.weightsManifest[0].weights.map((w: { name: string }) => w.name)).toEqual(m.plan().weights.map((w) => w.name));
    const loaded = await loadModel(`file://${dir}`);
    expect(loaded.getWeights().map((w) => Array.from(flat(w)))).toEqual(m.getWeights().map((w) => Array.from(flat(w))));
    expect(Array.from(loaded.predict(x).data)).toEqual(Array.from(m.predict(x).data));

    const bin = readFileSync(join(dir, json.weightsManifest[0].paths[0]));
    const theirs = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) }),
    );
    expect(theirs.layers.map((l) => l.getClassName())).toEqual(['Dense', 'BatchNormalization', 'Dense']);
    const predicted = tf.tidy(() => (theirs.predict(tf.tensor2d(x.data, [64, 6])) as tf.Tensor).dataSync() as Float32Array);
    expect(predicted.reduce((worst, v, i) => Math.max(worst, Math.abs(v - m.predict(x).data[i])), 0)).toBeLessThan(1e-5);
    theirs.dispose();
  });

  it('center: false runs on scratch and is refused on tfjs, whose BatchNormalization cannot train without beta', async () => {
    clearSession();
    const layers = () => [Dense(4, { inputShape: [6] }), BatchNormalization({ center: false }), Dense(3)];
    const scratch = new Sequential({ layers: layers() });
    scratch.compile({ loss: 'mse', optimizer: 'sgd', backend: 'scratch' });
    await scratch.fit(x, new Matrix(64, 3), { epochs: 1, verbose: 0 });
    clearSession();
    const tfjs = new Sequential({ layers: layers() });
    expect(() => tfjs.compile({ loss: 'mse', optimizer: 'sgd', backend: 'tfjs' })).toThrow(TfjsUnsupportedError);
  });
});

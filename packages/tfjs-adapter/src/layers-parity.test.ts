import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix } from '@backprop/core';
import { labelsToOneHot, loadDigits, loadMnist, toFloat32Batch } from '@backprop/datasets';
import { Dense, Dropout, Flatten, loadModel, modelFromArtifacts, SGD, Sequential, type WeightArray } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import './register';
import { initTfjs } from './tfjs-runtime';

// The model description reaches both engines — same configs, same initial weights, same batches and the same
// dropout masks from the facade — so scratch and tfjs train to the same weights with any layer in the model.

function maxWeightDiff(a: readonly WeightArray[], b: readonly WeightArray[]): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((w, i) => {
    const p = w instanceof Matrix ? w.data : w;
    const q = b[i] instanceof Matrix ? (b[i] as Matrix).data : (b[i] as Float32Array);
    for (let j = 0; j < p.length; j++) worst = Math.max(worst, Math.abs(p[j] - q[j]));
  });
  return worst;
}

const figures: string[] = [];
afterAll(() => console.log(`layers parity (scratch vs tfjs):\n${figures.join('\n')}`));

describe('Flatten({ inputShape: [28, 28] }) + Dense on MNIST, scratch vs tfjs', () => {
  // 640 MNIST training images: 20 batches of 32 per epoch, 10 epochs = 200 steps.
  const mnist = loadMnist({ subset: { train: 640, test: 1 } }).train;
  const x = new Matrix(640, 784, toFloat32Batch(mnist, { start: 0, end: 640 }));
  const y = new Matrix(640, 10, labelsToOneHot(mnist).data);
  const model = () => new Sequential({ seed: 7, layers: [Flatten({ inputShape: [28, 28] }), Dense(32, { activation: 'relu' }), Dense(10, { activation: 'softmax' })] });
  let dir = '';
  beforeAll(async () => {
    await initTfjs({ backend: 'cpu' });
    dir = mkdtempSync(join(tmpdir(), 'backprop-flatten-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('getWeights works right after compiling on tfjs, and trains to the same weights as scratch (≤ 1e-4 after 200 steps)', async () => {
    const scratch = model();
    const tfjs = model();
    scratch.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.05), backend: 'scratch' });
    tfjs.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.05), backend: 'tfjs' });
    expect(tfjs.backendName).toBe('tfjs');
    expect(maxWeightDiff(tfjs.getWeights(), scratch.getWeights())).toBe(0);
    await scratch.fit(x, y, { epochs: 10, batchSize: 32, verbose: 0 });
    await tfjs.fit(x, y, { epochs: 10, batchSize: 32, verbose: 0 });
    const diff = maxWeightDiff(scratch.getWeights(), tfjs.getWeights());
    figures.push(`  Flatten([28, 28]) + Dense(32) + Dense(10), SGD, 200 steps: max |Δw| ${diff.toExponential(2)}`);
    expect(diff).toBeLessThanOrEqual(1e-4);
    // The weights moved: this compares training, not two copies of the start.
    expect(maxWeightDiff(scratch.getWeights(), model().getWeights())).toBeGreaterThan(1e-3);

    // Saved here, loaded by tfjs: same predictions.
    await scratch.save(`file://${dir}`);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(json.modelTopology.config.layers.map((l: { class_name: string }) => l.class_name)).toEqual(['Flatten', 'Dense', 'Dense']);
    const bin = readFileSync(join(dir, json.weightsManifest[0].paths[0]));
    const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
    const theirs = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));
    const images = x.data.subarray(0, 50 * 784);
    const expected = scratch.predict(new Matrix(50, 784, images)).data;
    const predicted = tf.tidy(() => (theirs.predict(tf.tensor3d(images, [50, 28, 28])) as tf.Tensor).dataSync() as Float32Array);
    expect(Math.max(...expected.map((v, i) => Math.abs(v - predicted[i])))).toBeLessThan(1e-6);

    // Saved by tfjs, loaded here: same predictions, and the Flatten comes back.
    let saved: tf.io.ModelArtifacts | undefined;
    await theirs.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const { weightData: data, weightSpecs, ...rest } = saved!;
    const ours = modelFromArtifacts({ ...rest, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] }, () => new Uint8Array(data as ArrayBuffer));
    expect(ours.layers.map((l) => l.className)).toEqual(['Flatten', 'Dense', 'Dense']);
    expect(Array.from(ours.predict(new Matrix(50, 784, images)).data)).toEqual(Array.from(expected));
    const reloaded = await loadModel(`file://${dir}`);
    expect(Array.from(reloaded.predict(new Matrix(50, 784, images)).data)).toEqual(Array.from(expected));
    theirs.dispose();
  });
});

describe('Dropout through the facade on the 8×8 digits, scratch vs tfjs', () => {
  beforeAll(() => initTfjs({ backend: 'wasm' }));

  it('the facade hands both engines the same masks: weights within 1e-4 after 200 steps, same training history', async () => {
    // Dense(128, relu), Dropout(0.2) twice (Keras's mnist_mlp shape, narrower), 1,600 digits: 50 batches of 32, 4 epochs.
    // (The full mnist_mlp with RMSprop is in compare-engines.test.ts: with 512-wide ReLU layers a pre-activation
    // within rounding of 0 can fall on different sides in the two engines, and RMSprop's normalised step turns that
    // into a visible jump; through fit we measured 1.8e-2 for it, so it is not asserted here.)
    const set = loadDigits();
    const rows = 1600;
    const x = new Matrix(rows, 64, Float32Array.from(set.features.data.subarray(0, rows * 64), (v) => v / set.maxValue));
    const y = new Matrix(rows, 10);
    for (let r = 0; r < rows; r++) y.set(r, set.labels[r], 1);
    const model = () =>
      new Sequential({
        seed: 11,
        layers: [
          Dense(128, { inputShape: [64], activation: 'relu' }),
          Dropout(0.2),
          Dense(128, { activation: 'relu' }),
          Dropout(0.2),
          Dense(10, { activation: 'softmax' }),
        ],
      });
    const run = async (backend: string) => {
      const m = model();
      m.compile({ loss: 'categorical_crossentropy', optimizer: SGD({ learningRate: 0.05, momentum: 0.9 }), metrics: ['accuracy'], backend });
      const history = await m.fit(x, y, { epochs: 4, batchSize: 32, verbose: 0 });
      return { weights: m.getWeights(), history: history.history };
    };
    const scratch = await run('scratch');
    const tfjs = await run('tfjs');
    const diff = maxWeightDiff(scratch.weights, tfjs.weights);
    figures.push(`  64-128-128-10, Dropout(0.2) ×2, SGD(momentum 0.9), 200 steps through fit: max |Δw| ${diff.toExponential(2)}`);
    expect(diff).toBeLessThanOrEqual(1e-4);
    // Same masks, same batches: the per-epoch training loss and accuracy agree too.
    scratch.history.loss.forEach((loss, i) => expect(tfjs.history.loss[i]).toBeCloseTo(loss, 4));
    expect(tfjs.history.accuracy).toEqual(scratch.history.accuracy);
    expect(scratch.history.loss[3]).toBeLessThan(scratch.history.loss[0]);
  });
});

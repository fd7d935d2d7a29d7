import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix } from '@backprop/core';
import { labelsToOneHot, loadMnist, toFloat32Batch } from '@backprop/datasets';
import { Conv2D, Dense, Flatten, loadModel, MaxPooling2D, modelFromArtifacts, SGD, Sequential, type WeightArray } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import './register';
import { initTfjs } from './tfjs-runtime';

// Issue 12: a CNN described once reaches both engines (same configs, initial weights, batches), so scratch's
// im2col + GEMM convolution and pooling and tfjs's conv2d / maxPool train to the same weights; and the model
// crosses between the two in the TensorFlow.js layers format both ways.

function maxWeightDiff(a: readonly WeightArray[], b: readonly WeightArray[]): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((w, i) => {
    const p = w instanceof Matrix ? w.data : w;
    const q = b[i] instanceof Matrix ? (b[i] as Matrix).data : (b[i] as Float32Array);
    expect(q.length).toBe(p.length);
    for (let j = 0; j < p.length; j++) worst = Math.max(worst, Math.abs(p[j] - q[j]));
  });
  return worst;
}

// 400 CNN steps on tfjs-cpu (tfjs-backend-wasm cannot train Conv2D) took over 4 minutes on this 2-core machine:
// run with BACKPROP_SLOW_PARITY=1. Not run in CI yet (see the note of issue 12).
const describeSlow = process.env.BACKPROP_SLOW_PARITY === '1' ? describe : describe.skip;

describeSlow('Conv2D + MaxPooling2D + Flatten + Dense on MNIST, scratch vs tfjs', () => {
  // 640 MNIST training images as [28, 28, 1]: 20 batches of 32 per epoch, 10 epochs = 200 SGD steps.
  const mnist = loadMnist({ subset: { train: 640, test: 1 } }).train;
  const x = new Matrix(640, 784, toFloat32Batch(mnist, { start: 0, end: 640 }));
  const y = new Matrix(640, 10, labelsToOneHot(mnist).data);
  const model = () =>
    new Sequential({
      seed: 5,
      layers: [
        Conv2D(8, 3, { activation: 'relu', inputShape: [28, 28, 1] }),
        MaxPooling2D({ poolSize: 2 }),
        Conv2D(6, [3, 2], { strides: [2, 1], padding: 'same', activation: 'tanh' }),
        MaxPooling2D({ poolSize: 3, strides: 2, padding: 'same' }),
        Flatten(),
        Dense(10, { activation: 'softmax' }),
      ],
    });
  let dir = '';
  beforeAll(async () => {
    await initTfjs({ backend: 'cpu' });
    dir = mkdtempSync(join(tmpdir(), 'backprop-cnn-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains to the same weights (≤ 1e-4 after 200 SGD steps); tf.loadLayersModel loads ours and ours loads tfjs\'s', async () => {
    const scratch = model();
    const tfjs = model();
    scratch.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.05), backend: 'scratch' });
    tfjs.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.05), backend: 'tfjs' });
    expect(maxWeightDiff(tfjs.getWeights(), scratch.getWeights())).toBe(0);
    await scratch.fit(x, y, { epochs: 10, batchSize: 32, verbose: 0 });
    await tfjs.fit(x, y, { epochs: 10, batchSize: 32, verbose: 0 });
    const diff = maxWeightDiff(scratch.getWeights(), tfjs.getWeights());
    console.log(`CNN parity (scratch vs tfjs-cpu), 200 SGD steps: max |Δw| ${diff.toExponential(2)}`);
    expect(diff).toBeLessThanOrEqual(1e-4);
    expect(maxWeightDiff(scratch.getWeights(), model().getWeights())).toBeGreaterThan(1e-3);

    // Saved here, loaded by tfjs: the same layers and the same predictions.
    await scratch.save(`file://${dir}`);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(json.modelTopology.config.layers.map((l: { class_name: string }) => l.class_name)).toEqual(['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    const bin = readFileSync(join(dir, json.weightsManifest[0].paths[0]));
    const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
    const theirs = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));
    expect(theirs.layers.map((l) => l.getClassName())).toEqual(['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    const images = x.data.subarray(0, 50 * 784);
    const expected = scratch.predict(new Matrix(50, 784, images)).data;
    const predicted = tf.tidy(() => (theirs.predict(tf.tensor4d(images, [50, 28, 28, 1])) as tf.Tensor).dataSync() as Float32Array);
    expect(Math.max(...expected.map((v, i) => Math.abs(v - predicted[i])))).toBeLessThan(1e-5);

    // Saved by tfjs, loaded here: the same layers and predictions.
    let saved: tf.io.ModelArtifacts | undefined;
    await theirs.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const { weightData: data, weightSpecs, ...rest } = saved!;
    const ours = modelFromArtifacts({ ...rest, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] }, () => new Uint8Array(data as ArrayBuffer));
    expect(ours.layers.map((l) => l.className)).toEqual(['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    const oursAgain = ours.predict(new Matrix(50, 784, images)).data;
    expect(Math.max(...expected.map((v, i) => Math.abs(v - oursAgain[i])))).toBeLessThan(1e-6);
    const reloaded = await loadModel(`file://${dir}`);
    expect(Array.from(reloaded.predict(new Matrix(50, 784, images)).data)).toEqual(Array.from(expected));
    theirs.dispose();
  }, 1_800_000); // a hang guard, not a speed limit
});

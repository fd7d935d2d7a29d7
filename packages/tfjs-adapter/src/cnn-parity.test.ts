import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix } from '@backprop/core';
import { loadDigits } from '@backprop/datasets';
import { BatchNormalization, Conv2D, clearSession, Dense, Flatten, MaxPooling2D, SGD, Sequential } from '@backprop/layers';
import { crossLoad, fitOnBothEngines, maxWeightDiff, weightDiffs } from './engine-parity-test-bench';
import './register';
import { initTfjs } from './tfjs-runtime';

// Issue 12: a CNN described once reaches both engines (same configs, initial weights, batches), so scratch's
// im2col + GEMM convolution, batch normalisation and pooling and tfjs's conv2d / batchNorm / maxPool train to
// the same weights; and the model crosses between the two in the TensorFlow.js layers format both ways.
//
// Small on purpose: tfjs-cpu (tfjs-backend-wasm has no Conv2D gradient kernels) computes the kernel gradient
// with one TensorBuffer.get per multiply, and inside jest's vm context that generic code runs several times
// slower than in plain node (an MNIST-sized version took over 4 minutes for 200 steps). On the 8×8 digits the
// tfjs side is seconds.

const ROWS = 320;
const BATCH = 16; // 20 batches per epoch, 10 epochs = 200 SGD steps
const set = loadDigits();
const x = new Matrix(ROWS, 64, Float32Array.from(set.features.data.subarray(0, ROWS * 64), (v) => v / set.maxValue));
const y = new Matrix(ROWS, 10);
for (let r = 0; r < ROWS; r++) y.set(r, set.labels[r], 1);

const CLASS_NAMES = ['Conv2D', 'BatchNormalization', 'MaxPooling2D', 'Conv2D', 'Flatten', 'Dense'];

function model(): Sequential {
  clearSession();
  return new Sequential({
    seed: 5,
    layers: [
      // Linear conv then BatchNormalization, the usual pairing; its bias gets no gradient through BN (BN removes the mean).
      Conv2D(4, 3, { inputShape: [8, 8, 1] }),
      // momentum 0.9 (Keras's default is 0.99) so that 200 steps move the moving statistics well away from 0 and 1.
      BatchNormalization({ momentum: 0.9 }),
      MaxPooling2D({ poolSize: 2 }),
      // Non-square kernel, unequal strides and `same` padding (3×3 → 2×3, the extra row of padding at the bottom).
      Conv2D(5, [3, 2], { strides: [2, 1], padding: 'same', activation: 'tanh' }),
      Flatten(),
      Dense(10, { activation: 'softmax' }),
    ],
  });
}

describe('Conv2D + BatchNormalization + MaxPooling2D + Flatten + Dense on the 8×8 digits, scratch vs tfjs', () => {
  let dir = '';
  beforeAll(async () => {
    await initTfjs({ backend: 'cpu' });
    dir = mkdtempSync(join(tmpdir(), 'backprop-cnn-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("trains to the same weights, moving statistics included (≤ 1e-4 after 200 SGD steps); tf.loadLayersModel loads ours and ours loads tfjs's", async () => {
    const start = model();
    expect(start.plan().weights.map((w) => w.name)).toEqual([
      'conv2d/kernel',
      'conv2d/bias',
      'batch_normalization/gamma',
      'batch_normalization/beta',
      'batch_normalization/moving_mean',
      'batch_normalization/moving_variance',
      'conv2d_1/kernel',
      'conv2d_1/bias',
      'dense/kernel',
      'dense/bias',
    ]);
    const { scratch, tfjs, history } = await fitOnBothEngines(model, x, y, { loss: 'categorical_crossentropy', optimizer: SGD(0.05) }, { epochs: 10, batchSize: BATCH });
    // The epoch losses come from training-mode passes (batch statistics): the same on both.
    history.scratch.history.loss.forEach((loss, i) => expect(history.tfjs.history.loss[i]).toBeCloseTo(loss, 5));
    expect(history.scratch.history.loss[9]).toBeLessThan(history.scratch.history.loss[0]);
    const [ours, theirs] = [scratch.getWeights(), tfjs.getWeights()];
    const diff = maxWeightDiff(ours, theirs);
    console.log(`CNN parity (scratch vs tfjs-cpu), 200 SGD steps: max |Δw| ${diff.toExponential(2)}; per weight ${weightDiffs(ours, theirs).map((d) => d.toExponential(1)).join(' ')}`);
    expect(diff).toBeLessThanOrEqual(1e-4);
    // Every trained array moved (this compares training, not two copies of the start) — except the conv bias
    // in front of BatchNormalization, whose gradient is zero up to rounding; the moving statistics left 0 and 1.
    const moved = weightDiffs(ours, start.getWeights());
    moved.forEach((d, i) => (i === 1 ? expect(d).toBeLessThan(1e-4) : expect(d).toBeGreaterThan(1e-3)));
    expect(maxWeightDiff([ours[4], ours[5]], [new Float32Array(4), new Float32Array(4).fill(1)])).toBeGreaterThan(0.05);
    // Inference uses the moving statistics on both engines: the same predictions.
    expect(maxWeightDiff([scratch.predict(x).data], [tfjs.predict(x).data])).toBeLessThan(1e-4);

    const crossed = await crossLoad(scratch, dir, new Matrix(50, 64, x.data.subarray(0, 50 * 64)), [8, 8, 1]);
    expect(crossed.savedClassNames).toEqual(CLASS_NAMES);
    expect(crossed.tfjsClassNames).toEqual(CLASS_NAMES);
    expect(crossed.loadedClassNames).toEqual(CLASS_NAMES);
    expect(crossed.tfjsPredictionDiff).toBeLessThan(1e-5);
    expect(crossed.fromTfjsPredictionDiff).toBeLessThan(1e-6);
    expect(crossed.reloadedPredictionDiff).toBe(0);
  });
});

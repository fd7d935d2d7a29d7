import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix } from '@backprop/core';
import { labelsToOneHot, loadDigits, loadMnist, toFloat32Batch } from '@backprop/datasets';
import { type CompileOptions, Dense, Dropout, Flatten, SGD, Sequential } from '@backprop/layers';
import { crossLoad, fitOnBothEngines, maxWeightDiff } from './engine-parity-test-bench';
import './register';
import { initTfjs } from './tfjs-runtime';

// The model description reaches both engines — same configs, same initial weights, same batches and the same
// dropout masks from the facade — so scratch and tfjs train to the same weights with any layer in the model.

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
    const { scratch, tfjs } = await fitOnBothEngines(model, x, y, { loss: 'categorical_crossentropy', optimizer: SGD(0.05) }, { epochs: 10, batchSize: 32 });
    const diff = maxWeightDiff(scratch.getWeights(), tfjs.getWeights());
    figures.push(`  Flatten([28, 28]) + Dense(32) + Dense(10), SGD, 200 steps: max |Δw| ${diff.toExponential(2)}`);
    expect(diff).toBeLessThanOrEqual(1e-4);
    // The weights moved: this compares training, not two copies of the start.
    expect(maxWeightDiff(scratch.getWeights(), model().getWeights())).toBeGreaterThan(1e-3);

    // Saved here, loaded by tfjs and saved again, loaded here: the same layers (the Flatten comes back) and predictions.
    const crossed = await crossLoad(scratch, dir, new Matrix(50, 784, x.data.subarray(0, 50 * 784)), [28, 28]);
    expect(crossed.savedClassNames).toEqual(['Flatten', 'Dense', 'Dense']);
    expect(crossed.loadedClassNames).toEqual(['Flatten', 'Dense', 'Dense']);
    expect(crossed.tfjsPredictionDiff).toBeLessThan(1e-6);
    expect(crossed.fromTfjsPredictionDiff).toBe(0);
    expect(crossed.reloadedPredictionDiff).toBe(0);
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
    const compile: Omit<CompileOptions, 'backend'> = { loss: 'categorical_crossentropy', optimizer: SGD({ learningRate: 0.05, momentum: 0.9 }), metrics: ['accuracy'] };
    const trained = await fitOnBothEngines(model, x, y, compile, { epochs: 4, batchSize: 32 });
    const diff = maxWeightDiff(trained.scratch.getWeights(), trained.tfjs.getWeights());
    figures.push(`  64-128-128-10, Dropout(0.2) ×2, SGD(momentum 0.9), 200 steps through fit: max |Δw| ${diff.toExponential(2)}`);
    expect(diff).toBeLessThanOrEqual(1e-4);
    // Same masks, same batches: the per-epoch training loss and accuracy agree too.
    const [scratch, tfjs] = [trained.history.scratch.history, trained.history.tfjs.history];
    scratch.loss.forEach((loss, i) => expect(tfjs.loss[i]).toBeCloseTo(loss, 4));
    expect(tfjs.accuracy).toEqual(scratch.accuracy);
    expect(scratch.loss[3]).toBeLessThan(scratch.loss[0]);
  });
});

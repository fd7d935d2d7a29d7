import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix } from '@backprop/core';
import { loadDigits } from '@backprop/datasets';
import { Adam, constraints, Dense, Dropout, loadModel, regularizers, Sequential, type WeightArray } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import './register';
import { initTfjs } from './tfjs-runtime';

// Regularizers and constraints are math the two engines do separately (core's weight-penalty.ts vs tfjs's
// tf.regularizers / tf.constraints); with the same batches they must train to the same weights.

const flat = (ws: readonly WeightArray[]) => ws.flatMap((w) => Array.from(w instanceof Matrix ? w.data : w));
const maxDiff = (a: readonly WeightArray[], b: readonly WeightArray[]) => {
  const p = flat(a);
  const q = flat(b);
  return Math.max(...p.map((v, i) => Math.abs(v - q[i])));
};

function model(activity = true): Sequential {
  return new Sequential({
    seed: 9,
    layers: [
      Dense(32, {
        inputShape: [64],
        activation: 'relu',
        kernelRegularizer: regularizers.l1l2({ l1: 1e-4, l2: 1e-3 }),
        biasRegularizer: 'l2',
        activityRegularizer: activity ? regularizers.l2({ l2: 1e-4 }) : null,
        kernelConstraint: constraints.maxNorm({ maxValue: 1.5 }),
      }),
      Dropout(0.1),
      Dense(10, { activation: 'softmax', kernelRegularizer: 'l2', kernelConstraint: 'unitNorm', biasConstraint: 'nonNeg' }),
    ],
  });
}

describe('regularizers and constraints: scratch and tfjs train to the same weights, and model.json is tfjs’s', () => {
  const digits = loadDigits();
  const rows = 320;
  // Pixel counts 0..16 scaled to [0, 1].
  const x = new Matrix(rows, 64, digits.features.data.slice(0, rows * 64).map((v) => v / 16));
  const labels = Array.from(digits.labels.slice(0, rows));
  let dir = '';
  beforeAll(async () => {
    await initTfjs({ backend: 'cpu' });
    dir = mkdtempSync(join(tmpdir(), 'backprop-regularizers-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('50 Adam steps with kernel / bias / activity penalties, MaxNorm, UnitNorm and NonNeg: max |Δw| ≤ 1e-4', async () => {
    const [scratch, tfjs] = [model(), model()];
    scratch.compile({ loss: 'sparse_categorical_crossentropy', optimizer: Adam(0.01), backend: 'scratch' });
    tfjs.compile({ loss: 'sparse_categorical_crossentropy', optimizer: Adam(0.01), backend: 'tfjs' });
    const a = await scratch.fit(x, labels, { epochs: 5, batchSize: 32, verbose: 0 });
    const b = await tfjs.fit(x, labels, { epochs: 5, batchSize: 32, verbose: 0 });
    expect(maxDiff(scratch.getWeights(), tfjs.getWeights())).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(a.history.loss[4] - b.history.loss[4])).toBeLessThan(1e-4);
    // The constraints hold on both: each unit's incoming kernel norm ≤ 1.5 (MaxNorm) and = 1 (UnitNorm, axis 0).
    const [k1, , k2, b2] = scratch.getWeights() as [Matrix, Float32Array, Matrix, Float32Array];
    const norms = (k: Matrix) => Array.from({ length: k.cols }, (_, j) => Math.hypot(...Array.from({ length: k.rows }, (_, i) => k.get(i, j))));
    for (const n of norms(k1)) expect(n).toBeLessThanOrEqual(1.5 + 1e-5);
    for (const n of norms(k2)) expect(n).toBeCloseTo(1, 4);
    expect(Math.min(...b2)).toBeGreaterThanOrEqual(0);
  });

  it('saved with kernel_regularizer / kernel_constraint as tfjs writes them; tfjs loads them, and so do we', async () => {
    // Without the activity regularizer: tfjs-layers throws NotImplementedError when it applies a layer that has
    // one (Keras loads it); ours is saved as activity_regularizer all the same (checked below on reload).
    const ours = model(false);
    ours.compile({ loss: 'sparse_categorical_crossentropy', optimizer: Adam(0.01) });
    await ours.save(`file://${dir}`);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    const bin = readFileSync(join(dir, json.weightsManifest[0].paths[0]));
    const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
    const theirs = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));
    const tfjsConfigs = (theirs.toJSON(null, false) as unknown as { config: { layers: { config: Record<string, unknown> }[] } }).config.layers.map((l) => l.config);
    for (const key of ['kernel_regularizer', 'bias_regularizer', 'kernel_constraint', 'bias_constraint']) {
      expect([key, tfjsConfigs[0][key]]).toEqual([key, json.modelTopology.config.layers[0].config[key]]);
      expect([key, tfjsConfigs[2][key]]).toEqual([key, json.modelTopology.config.layers[2].config[key]]);
    }
    theirs.dispose();
    const withActivity = model();
    withActivity.compile({ loss: 'sparse_categorical_crossentropy', optimizer: Adam(0.01) });
    await withActivity.save(`file://${dir}`);
    const back = await loadModel(`file://${dir}`);
    const regularization = (m: Sequential, i: number) => (m.layers[i] as unknown as { regularization: unknown }).regularization;
    expect(regularization(back, 0)).toEqual(regularization(withActivity, 0));
    expect(regularization(back, 2)).toEqual(regularization(withActivity, 2));
  });
});

import { ArgumentError, getLoss, Rng, rngMaskSource, ShapeError } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { TfjsUnsupportedError } from './errors';
import { createModelSpec } from './model-spec';
import { tfjsBackendFactory } from './tfjs-backend-factory';
import { initTfjs } from './tfjs-runtime';

const rng = new Rng(21);
const rows = 16;
const x = Float32Array.from({ length: rows * 8 }, () => rng.uniform(-1, 1));
const y = new Float32Array(rows * 3);
for (let r = 0; r < rows; r++) y[r * 3 + rng.int(3)] = 1;

const spec = createModelSpec({
  inputSize: 8,
  layers: [
    { units: 12, activation: { name: 'leakyRelu', alpha: 0.1 }, dropoutRate: 0.2 },
    { units: 6, activation: { name: 'elu', alpha: 0.5 } },
    { units: 3, activation: 'softmax' },
  ],
  loss: 'categoricalCrossentropy',
  optimizer: { name: 'adam', learningRate: 0.01 },
  seed: 1,
});

describe('TfjsBackend', () => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  test('describes what runs and starts from the spec weights', async () => {
    const backend = await tfjsBackendFactory.create(spec);
    expect(backend.name).toBe('tfjs');
    expect(backend.description).toBe(`tfjs ${tf.version_core} (cpu)`);
    expect(backend.getWeights()).toEqual(spec.initialWeights);
    backend.dispose();
  });

  test('trainOnBatch returns the loss before the update, and the update lowers it', async () => {
    const backend = await tfjsBackendFactory.create({ ...spec, layers: spec.layers.filter((l) => l.className !== 'Dropout') });
    const before = backend.predict(x, rows);
    const expected = getLoss('categoricalCrossentropy').value(before, y, rows, 3);
    const first = backend.trainOnBatch(x, y, rows);
    expect(first).toBeCloseTo(expected, 5);
    expect(backend.lastTrainOutputs(rows)).toEqual(before);
    for (let i = 0; i < 20; i++) backend.trainOnBatch(x, y, rows);
    expect(backend.trainOnBatch(x, y, rows)).toBeLessThan(first);
    backend.dispose();
  });

  test('evaluateOnBatch: inference outputs, and the loss trainOnBatch computes on the same batch and weights', async () => {
    for (const lossName of ['categoricalCrossentropy', 'mse'] as const) {
      const backend = await tfjsBackendFactory.create({ ...spec, layers: spec.layers.filter((l) => l.className !== 'Dropout'), loss: { name: lossName } });
      const out = new Float32Array(rows * 3);
      const evaluated = backend.evaluateOnBatch(x, y, rows, out);
      expect(out).toEqual(backend.predict(x, rows));
      // trainOnBatch reports the loss before its update: the same TfjsLoss (fused on logits for the softmax) on
      // the same weights.
      expect(backend.trainOnBatch(x, y, rows)).toBeCloseTo(evaluated, 6);
      expect(backend.evaluateOnBatch(x, y, rows, out)).toBeLessThan(evaluated);
      backend.dispose();
    }
    // With Dropout in the model: inference mode, so deterministic and equal to predict.
    const dropping = await tfjsBackendFactory.create(spec);
    const out = new Float32Array(rows * 3);
    const loss = dropping.evaluateOnBatch(x, y, rows, out);
    expect(out).toEqual(dropping.predict(x, rows));
    expect(dropping.evaluateOnBatch(x, y, rows, out)).toBe(loss);
    expect(() => dropping.evaluateOnBatch(x, y, rows, new Float32Array(3))).toThrow(`evaluateOnBatch output buffer must hold ${rows * 3} values (${rows}x3), got 3`);
    dropping.dispose();
  });

  test('predict writes into a given buffer and is deterministic (dropout off at inference)', async () => {
    const backend = await tfjsBackendFactory.create(spec);
    const out = new Float32Array(rows * 3 + 5);
    expect(backend.predict(x, rows, out)).toBe(out);
    expect(out.subarray(0, rows * 3)).toEqual(backend.predict(x, rows));
    // Softmax rows sum to 1.
    for (let r = 0; r < rows; r++) expect(out.subarray(r * 3, r * 3 + 3).reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    backend.dispose();
  });

  test('dropout draws a new mask every step, reproducibly from the seed', async () => {
    const lossesOf = async () => {
      const backend = await tfjsBackendFactory.create({ ...spec, optimizer: { ...spec.optimizer, learningRate: 1e-9 } });
      const losses = [1, 2, 3].map(() => backend.trainOnBatch(x, y, rows));
      backend.dispose();
      return losses;
    };
    const a = await lossesOf();
    expect(new Set(a).size).toBe(3);
    expect(await lossesOf()).toEqual(a);
  });

  test('dropout on a softmax output with categorical cross-entropy follows core: mask the softmax, then the plain loss', async () => {
    // Core's DenseNetwork fuses softmax + cross-entropy only without dropout on the last layer; with it, the loss is
    // the non-fused categorical cross-entropy of the masked softmax output, backpropagated through mask and softmax.
    const units = 4;
    const rate = 0.25;
    const lr = 0.1;
    const labels = new Float32Array(rows * units);
    for (let r = 0; r < rows; r++) labels[r * units + (r % units)] = 1;
    const dropSpec = createModelSpec({
      inputSize: 8,
      layers: [{ units, activation: 'softmax', dropoutRate: rate }],
      loss: 'categoricalCrossentropy',
      optimizer: { name: 'sgd', learningRate: lr },
      seed: 5,
    });
    const backend = await tfjsBackendFactory.create(dropSpec);
    const [{ values: w0 }, { values: b0 }] = backend.getWeights();
    const s = backend.predict(x, rows);

    // The facade's mask for this step (drawn here as the facade draws it).
    const mask = new Float32Array(rows * units);
    rngMaskSource(new Rng(dropSpec.seed)).fill(mask, rate, mask.length, 'dropout');
    // Keep one value of any row dropped entirely (p / Σp of an all-zero row is 0 / 0).
    for (let r = 0; r < rows; r++) if (mask.subarray(r * units, (r + 1) * units).every((m) => m === 0)) mask[r * units] = 1 / (1 - rate);
    for (let r = 0; r < rows; r++) expect(mask.subarray(r * units, (r + 1) * units).some((m) => m > 0)).toBe(true);
    expect(new Set(mask)).toEqual(new Set([0, Math.fround(1 / (1 - rate))]));

    // Core's non-fused path (computeGradients), written out: loss and gradient of the masked output, mask, softmax backward.
    const cce = getLoss('categoricalCrossentropy');
    const dropped = s.map((v, i) => v * mask[i]);
    const expectedLoss = cce.value(dropped, labels, rows, units);
    const dA = new Float32Array(rows * units);
    cce.gradient(dropped, labels, dA, rows, units);
    const dZ = new Float64Array(rows * units);
    for (let r = 0; r < rows; r++) {
      const o = r * units;
      let dot = 0;
      for (let j = 0; j < units; j++) dot += dA[o + j] * mask[o + j] * s[o + j];
      for (let j = 0; j < units; j++) dZ[o + j] = s[o + j] * (dA[o + j] * mask[o + j] - dot);
    }
    const w1 = Array.from(w0, (w, k) => {
      const [i, j] = [Math.floor(k / units), k % units];
      let g = 0;
      for (let r = 0; r < rows; r++) g += x[r * 8 + i] * dZ[r * units + j];
      return w - lr * g;
    });
    const b1 = Array.from(b0 ?? [], (b, j) => {
      let g = 0;
      for (let r = 0; r < rows; r++) g += dZ[r * units + j];
      return b - lr * g;
    });

    const loss = backend.trainOnBatch(x, labels, rows, [mask]);
    expect(loss).toBeCloseTo(expectedLoss, 5);
    // Not what the fused loss of the undropped softmax gives.
    expect(Math.abs(loss - cce.value(s, labels, rows, units))).toBeGreaterThan(1e-3);
    // Metrics see the model's training output (after the dropout), as core's lastTrainingOutput.
    expect(backend.lastTrainOutputs(rows)).toEqual(Float32Array.from(s, (v, i) => v * mask[i]));
    const [{ values: kernel }, { values: bias }] = backend.getWeights();
    Array.from(kernel).forEach((w, k) => expect(w).toBeCloseTo(w1[k], 6));
    Array.from(bias ?? []).forEach((b, j) => expect(b).toBeCloseTo(b1[j], 6));
    backend.dispose();
  });

  test('setWeights round-trips and checks shapes', async () => {
    const backend = await tfjsBackendFactory.create(spec);
    const weights = backend.getWeights();
    expect(weights.map((w) => [w.name, w.shape])).toEqual(spec.initialWeights.map((w) => [w.name, w.shape]));
    weights[2].values[0] = 0.5;
    backend.setWeights(weights);
    expect(backend.getWeights()[2].values[0]).toBe(0.5);
    expect(() => backend.setWeights(weights.slice(1))).toThrow(ShapeError);
    expect(() => backend.setWeights(weights.slice(1))).toThrow(/^setWeights expects 6 weights \(dense\/kernel, dense\/bias, .*\), got 5$/);
    expect(() => backend.setWeights([...weights.slice(0, 5), { ...weights[5], values: new Float32Array(0) }])).toThrow(
      'setWeights weight "dense_2/bias" [3] expects 3 values, got 0',
    );
    backend.dispose();
  });

  test('bad batches are refused with expected and given', async () => {
    const backend = await tfjsBackendFactory.create(spec);
    expect(() => backend.trainOnBatch(x.subarray(0, 10), y, rows)).toThrow(/x must hold 16 rows of width 8 \(128 values\), got 10 values/);
    expect(() => backend.predict(x, 0)).toThrow(ArgumentError);
    expect(() => backend.lastTrainOutputs(rows)).toThrow(/no trainOnBatch yet/);
    backend.dispose();
    expect(() => backend.predict(x, rows)).toThrow(/disposed/);
  });

  test('a loss or activation tfjs cannot express fails at create, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const step = createModelSpec({ inputSize: 8, layers: [{ units: 1, activation: 'step' }] });
    expect(() => tfjsBackendFactory.create(step)).toThrow(TfjsUnsupportedError);
    const unknownLoss = { ...spec, loss: { name: 'focal' as never } };
    expect(() => tfjsBackendFactory.create(unknownLoss)).toThrow(/loss "focal" cannot be expressed/);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('no tensor leaks: the count is flat over 1,000 steps and back to the start after dispose', async () => {
    const start = tf.memory().numTensors;
    const backend = await tfjsBackendFactory.create(spec);
    backend.trainOnBatch(x, y, rows);
    backend.predict(x, rows);
    backend.lastTrainOutputs(rows);
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) {
      backend.trainOnBatch(x, y, rows);
      if (i % 100 === 0) {
        backend.predict(x, rows);
        backend.lastTrainOutputs(rows);
        backend.getWeights();
      }
    }
    expect(tf.memory().numTensors).toBe(afterFirst);
    backend.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

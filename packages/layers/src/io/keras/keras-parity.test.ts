import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '@backprop/core';
import { Dense } from '../../layers/dense';
import { Sequential } from '../../model/sequential';
import { Adam } from '../../optimizers/adam';
import { SGD } from '../../optimizers/sgd';
import { findKerasPython, runKerasScript } from './keras-python';

/**
 * Parity with Keras itself, as packages/tfjs-adapter's compareEngines is with tfjs: the same model from the
 * same initial weights (handed to Keras as a .keras file written here) trained on the same batches in the
 * same order — here with fit({ shuffle: false }), in Keras (JAX backend) with train_on_batch
 * (tools/keras-fixtures/keras_train.py) — then the largest weight difference. No Dropout: the two
 * libraries draw masks differently.
 */
const STEPS = 50;
/** Python starts JAX and compiles each optimizer's step: about a minute alone, several on a busy 2-core machine. */
const PYTHON_TIMEOUT_MS = 900_000;
const BATCH = 16;

const OPTIMIZERS = [
  { name: 'SGD', ours: () => SGD({ learningRate: 0.05 }), keras: { class_name: 'SGD', config: { learning_rate: 0.05 } }, tolerance: 1e-6 },
  { name: 'SGD + momentum 0.9', ours: () => SGD({ learningRate: 0.02, momentum: 0.9 }), keras: { class_name: 'SGD', config: { learning_rate: 0.02, momentum: 0.9 } }, tolerance: 1e-6 },
  // Porting note: Keras 3's Adam adds epsilon to √v before the bias correction (keras/src/optimizers/adam.py:
  // w −= lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)); core's kernel, like tfjs's, adds it to √v̂ after it. With ε = 1e-7
  // that shifts the weights by up to ~1e-4 in 50 steps; with ε = 1e-12 the two forms agree as SGD does.
  { name: 'Adam (epsilon 1e-7)', ours: () => Adam({ learningRate: 0.01 }), keras: { class_name: 'Adam', config: { learning_rate: 0.01, epsilon: 1e-7 } }, tolerance: 3e-4 },
  { name: 'Adam (epsilon 1e-12)', ours: () => Adam({ learningRate: 0.01, epsilon: 1e-12 }), keras: { class_name: 'Adam', config: { learning_rate: 0.01, epsilon: 1e-12 } }, tolerance: 1e-5 },
];

function data(): { x: number[][]; y: number[][] } {
  const rng = new Rng(11);
  const x = Array.from({ length: STEPS * BATCH }, () => Array.from({ length: 8 }, () => rng.normal()));
  const y = x.map((row) => {
    const k = row[0] + row[1] > 0.5 ? 0 : row[2] > 0 ? 1 : 2;
    return [0, 1, 2].map((i) => (i === k ? 1 : 0));
  });
  return { x, y };
}

const newModel = () => new Sequential({ layers: [Dense(16, { activation: 'relu', inputShape: [8] }), Dense(8, { activation: 'tanh' }), Dense(3, { activation: 'softmax' })], seed: 5 });

const found = findKerasPython();
const withKeras = 'python' in found ? describe : describe.skip;

withKeras(`training parity with Keras 3 (JAX)${'reason' in found ? ` (skipped: ${found.reason})` : ''}`, () => {
  const { x, y } = data();
  let keras: { keras_version: string; runs: { losses: number[]; weights: number[][] }[] };

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'backprop-keras-parity-')), 'initial.keras');
    await newModel().save(file);
    const batches = Array.from({ length: STEPS }, (_, i) => ({ x: x.slice(i * BATCH, (i + 1) * BATCH), y: y.slice(i * BATCH, (i + 1) * BATCH) }));
    keras = runKerasScript((found as { python: string }).python, 'keras_train.py', [file], { optimizers: OPTIMIZERS.map((o) => o.keras), loss: 'categorical_crossentropy', batches });
  }, PYTHON_TIMEOUT_MS);

  it.each(OPTIMIZERS.map((o, index) => ({ ...o, index })))(`$name: weights after ${STEPS} steps of ${BATCH} rows agree with Keras's to $tolerance`, async ({ name, ours, index, tolerance }) => {
    const reference = keras.runs[index];
    const model = newModel();
    model.compile({ optimizer: ours(), loss: 'categoricalCrossentropy' });
    const history = await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 });
    const trained = model.getWeights().map((w) => (w instanceof Float32Array ? w : w.data));
    expect(trained.map((w) => w.length)).toEqual(reference.weights.map((w) => w.length));
    let maxDiff = 0;
    trained.forEach((values, i) => {
      for (let j = 0; j < values.length; j++) maxDiff = Math.max(maxDiff, Math.abs(values[j] - reference.weights[i][j]));
    });
    const kerasMeanLoss = reference.losses.reduce((a, b) => a + b, 0) / reference.losses.length;
    // The figures the issue asks for: printed, and bounded by the assertions below.
    console.log(`Keras parity, ${name}: max |w_backprop − w_keras| after ${STEPS} steps = ${maxDiff.toExponential(2)}; mean batch loss ${history.history.loss[0].toFixed(6)} (Keras ${keras.keras_version}: ${kerasMeanLoss.toFixed(6)})`);
    expect(maxDiff).toBeLessThan(tolerance);
    expect(Math.abs(history.history.loss[0] - kerasMeanLoss)).toBeLessThan(1e-4);
  });
});

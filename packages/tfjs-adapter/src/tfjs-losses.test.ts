import { getLoss, jsKernels, type LossSpec, lossNames, Rng } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { fusedSoftmaxCrossEntropy, tfjsLoss } from './tfjs-losses';
import { initTfjs } from './tfjs-runtime';

const rows = 6;
const cols = 4;
const rng = new Rng(11);
const LINEAR = { name: 'linear', alpha: 0 } as const;
const SOFTMAX = { name: 'softmax', alpha: 0 } as const;

/** Predictions and targets in the range each loss is meant for (probabilities where a log is taken). */
function batch(name: string): { pred: Float32Array; target: Float32Array } {
  const n = rows * cols;
  const probabilities = ['binaryCrossentropy', 'categoricalCrossentropy', 'kld'].includes(name);
  const pred = Float32Array.from({ length: n }, () => (probabilities ? rng.uniform(0.02, 0.98) : rng.uniform(-2, 2)));
  const target = new Float32Array(n);
  if (name === 'categoricalCrossentropy' || name === 'kld') {
    for (let r = 0; r < rows; r++) target[r * cols + rng.int(cols)] = 1;
  } else if (name === 'binaryCrossentropy' || name === 'hinge') {
    for (let i = 0; i < n; i++) target[i] = rng.int(2);
  } else {
    for (let i = 0; i < n; i++) target[i] = rng.uniform(-2, 2);
  }
  return { pred, target };
}

/** tfjs value and ∂value/∂pred of a loss. */
function tfjsValueAndGradient(spec: LossSpec, pred: Float32Array, target: Float32Array, logits = false) {
  return tf.tidy(() => {
    const t = tf.tensor2d(target, [rows, cols]);
    const loss = tfjsLoss(spec, logits ? SOFTMAX : LINEAR);
    const { value, grad } = tf.valueAndGrad((p: tf.Tensor) => loss.compute(p as tf.Tensor2D, t))(tf.tensor2d(pred, [rows, cols]));
    return { value: value.dataSync()[0], grad: Float32Array.from(grad.dataSync()) };
  });
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected[i])));
}

describe('tfjs losses equal core losses', () => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  test.each(lossNames.map((name) => [name]))('%s: same value and gradient', (name) => {
    const spec: LossSpec = name === 'huber' ? { name, delta: 0.7 } : { name };
    const { pred, target } = batch(name);
    const core = getLoss(spec);
    const grad = new Float32Array(rows * cols);
    core.gradient(pred, target, grad, rows, cols);
    const tfjs = tfjsValueAndGradient(spec, pred, target);
    expect(Math.abs(tfjs.value - core.value(pred, target, rows, cols))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(tfjs.value)));
    expectClose(tfjs.grad, grad, 1e-5);
  });

  test('hinge keeps ±1 labels as they are (only 0/1 labels are converted)', () => {
    const pred = Float32Array.from({ length: rows * cols }, () => rng.uniform(-2, 2));
    const target = Float32Array.from({ length: rows * cols }, () => (rng.int(2) ? 1 : -1));
    const tfjs = tfjsValueAndGradient({ name: 'hinge' }, pred, target);
    expect(tfjs.value).toBeCloseTo(getLoss('hinge').value(pred, target, rows, cols), 6);
  });

  test('softmax + categorical cross-entropy takes logits and matches the fused kernel, clipping included', () => {
    const logits = Float32Array.from({ length: rows * cols }, () => rng.uniform(-3, 3));
    // One row so confident in a wrong class that its true-class probability is below ε = 1e-7.
    logits.set([30, -30, 0, 0], 0);
    const target = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) target[r * cols + (r === 0 ? 1 : rng.int(cols))] = 1;
    expect(tfjsLoss({ name: 'categoricalCrossentropy' }, SOFTMAX).fromLogits).toBe(true);
    // As core: with dropout on the softmax layer nothing is fused (the loss sees the masked probabilities).
    expect(tfjsLoss({ name: 'categoricalCrossentropy' }, SOFTMAX, 0.5).fromLogits).toBe(false);
    const probs = new Float32Array(rows * cols);
    const grad = new Float32Array(rows * cols);
    const coreValue = jsKernels.softmaxCrossEntropy(logits, target, probs, grad, rows, cols, 1 / rows) / rows;
    const tfjs = tfjsValueAndGradient({ name: 'categoricalCrossentropy' }, logits, target, true);
    expect(tfjs.value).toBeCloseTo(coreValue, 5);
    expectClose(tfjs.grad, grad, 1e-6);
    // The clipped row still gets the full gradient (p − t), as core's fused kernel and Keras give it.
    expect(tfjs.grad[1]).toBeCloseTo(-1 / rows, 6);
  });

  test('the fused loss leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const z = tf.randomNormal([rows, cols]) as tf.Tensor2D;
      const t = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 0, 1], 'int32'), cols).toFloat() as tf.Tensor2D;
      tf.grad((x: tf.Tensor) => fusedSoftmaxCrossEntropy(x as tf.Tensor2D, t))(z);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});

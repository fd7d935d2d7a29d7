import { Matrix, NotSupportedError, ArgumentError } from '@backprop/core';
import { Dense, Flatten, Input, InputLayer, type Layer, SGD, Sequential, type WeightArray } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import './register';
import { initTfjs } from './tfjs-runtime';

// Every way Keras and tfjs users declare a Sequential's input, checked against tfjs's own reading of the same
// arguments: the input shape tfjs builds, and tfjs's predictions with our weights.

const toTensors = (weights: readonly WeightArray[]) => weights.map((w) => (w instanceof Matrix ? tf.tensor2d(w.data, [w.rows, w.cols]) : tf.tensor1d(w)));

function data(seed: number, rows: number, width: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => Math.sin(seed + r * 7.3 + c * 1.7)));
}

beforeAll(async () => {
  await initTfjs({ backend: 'cpu' });
});

const specs: [string, () => Layer[], () => tf.layers.Layer[]][] = [
  ['Dense inputDim (Keras 2 input_dim, tfjs inputDim)', () => [Dense(5, { inputDim: 4, activation: 'relu' }), Dense(3)], () => [tf.layers.dense({ units: 5, inputDim: 4, activation: 'relu' }), tf.layers.dense({ units: 3 })]],
  ['batchInputShape [null, 4]', () => [Dense(5, { batchInputShape: [null, 4], activation: 'relu' }), Dense(3)], () => [tf.layers.dense({ units: 5, batchInputShape: [null, 4], activation: 'relu' }), tf.layers.dense({ units: 3 })]],
  ['InputLayer first (tf.layers.inputLayer)', () => [InputLayer({ inputShape: [4] }), Dense(5, { activation: 'relu' }), Dense(3)], () => [tf.layers.inputLayer({ inputShape: [4] }), tf.layers.dense({ units: 5, activation: 'relu' }), tf.layers.dense({ units: 3 })]],
  ['Input({ shape }) first (keras.Input)', () => [Input({ shape: [4] }), Dense(5, { activation: 'relu' }), Dense(3)], () => [tf.layers.inputLayer({ batchInputShape: [null, 4] }), tf.layers.dense({ units: 5, activation: 'relu' }), tf.layers.dense({ units: 3 })]],
];

describe.each(['scratch', 'tfjs'])('input declarations on backend %s', (backend) => {
  it.each(specs)('%s: the input shape and the predictions of tfjs’s own model', async (_what, ours, theirs) => {
    const model = new Sequential({ seed: 3, layers: ours() });
    model.compile({ loss: 'mse', optimizer: SGD(0.1), backend });
    const reference = tf.sequential({ layers: theirs() });
    expect([...model.plan().inputShape]).toEqual(reference.inputs[0].shape.slice(1));
    reference.setWeights(toTensors(model.getWeights()));
    const x = data(1, 6, 4);
    const expected = (reference.predict(tf.tensor2d(x)) as tf.Tensor).dataSync();
    const got = model.predict(x).data;
    expect(Math.max(...Array.from(got, (v, i) => Math.abs(v - expected[i])))).toBeLessThan(1e-6);
    reference.dispose();
  });

  it.each([
    ['[28, 28]', [28, 28]],
    ['[28, 28, 1]', [28, 28, 1]],
  ])('Flatten({ inputShape: %s }) takes nested image arrays and tf tensors, flattened row-major as tfjs’s Flatten', async (_what, shape) => {
    const model = new Sequential({ seed: 4, layers: [Flatten({ inputShape: shape }), Dense(3, { activation: 'softmax' })] });
    model.compile({ loss: 'sparse_categorical_crossentropy', optimizer: SGD(0.1), backend });
    const reference = tf.sequential({ layers: [tf.layers.flatten({ inputShape: shape }), tf.layers.dense({ units: 3, activation: 'softmax' })] });
    reference.setWeights(toTensors(model.getWeights()));
    const flat = data(2, 5, 784);
    const images = tf.tensor(flat.flat(), [5, ...shape]);
    const nested = images.arraySync() as number[][][];
    const expected = (reference.predict(images) as tf.Tensor).dataSync();
    for (const x of [nested, images]) {
      const got = model.predict(x as never).data;
      expect(Math.max(...Array.from(got, (v, i) => Math.abs(v - expected[i])))).toBeLessThan(1e-6);
    }
    // fit and evaluate read images (nested or tensors) and labels (tensor) as they read flat rows.
    const labels = [0, 2, 1, 1, 0];
    const [byRows] = await model.evaluate(flat, labels);
    const [byTensor] = await model.evaluate(images, tf.tensor1d(labels));
    expect(byTensor).toBeCloseTo(byRows, 6);
    await model.fit(nested as never, labels, { epochs: 2, batchSize: 2, verbose: 0 });
    reference.dispose();
    images.dispose();
  });
});

describe('input declarations that disagree are errors, not a silent choice (tfjs lets batchInputShape win)', () => {
  it('inputShape vs batchInputShape vs inputDim', () => {
    expect(() => Dense(5, { inputShape: [4], batchInputShape: [null, 5] })).toThrow(ArgumentError);
    expect(() => Dense(5, { inputShape: [4], batchInputShape: [null, 5] })).toThrow('inputShape gives the input shape [4] but batchInputShape gives [5]');
    expect(() => Dense(5, { inputDim: 3, inputShape: [4] })).toThrow('inputShape gives the input shape [4] but inputDim gives [3]');
    expect(Dense(5, { inputDim: 4, inputShape: [4], batchInputShape: [null, 4] }).inputShape).toEqual([4]);
  });

  it('a fixed batch size, a batch shape without sample shape, a bad inputDim', () => {
    expect(() => Dense(5, { batchInputShape: [32, 4] })).toThrow(NotSupportedError);
    expect(() => Dense(5, { batchInputShape: [null] })).toThrow('batchInputShape must be [null, ...sampleShape]');
    expect(() => Dense(5, { inputDim: 0 })).toThrow('inputDim must be a positive integer, got 0');
    expect(() => Input({} as never)).toThrow('Input needs a shape');
    expect(() => Input({ shape: [4], sparse: true } as never)).toThrow(NotSupportedError);
  });
});

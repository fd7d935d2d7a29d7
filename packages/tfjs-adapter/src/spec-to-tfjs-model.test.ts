import { type ActivationOption, layerFromConfig, Rng, SequentialNetwork } from '@backprop/core';
import type { ModelSpec } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import { TfjsUnsupportedError } from './errors';
import { createModelSpec } from './model-spec';
import { buildTfjsModel, specToTfjsModel } from './spec-to-tfjs-model';
import { tfjsModelToSpec } from './tfjs-model-to-spec';
import { initTfjs } from './tfjs-runtime';

const rng = new Rng(5);
const rows = 7;
const x = Float32Array.from({ length: rows * 6 }, () => rng.uniform(-2, 2));

/** Core's forward pass of a spec, the reference every tfjs prediction is held to. */
function corePredict(spec: ModelSpec, input: Float32Array): Float32Array {
  const net = new SequentialNetwork({ inputShape: spec.inputShape, layers: spec.layers.map(layerFromConfig) });
  net.setNamedWeights(spec.initialWeights);
  const out = Float32Array.from(net.forward(input, rows).subarray(0, rows * net.outputSize));
  net.dispose();
  return out;
}

function tfjsPredict(model: tf.LayersModel, input: Float32Array, width: number): Float32Array {
  return tf.tidy(() => Float32Array.from((model.predict(tf.tensor2d(input, [rows, width])) as tf.Tensor).dataSync()));
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

const activations: [string, ActivationOption][] = [
  ['linear', 'linear'],
  ['sigmoid', 'sigmoid'],
  ['tanh', 'tanh'],
  ['relu', 'relu'],
  ['leakyRelu (default α 0.3)', 'leakyRelu'],
  ['leakyRelu α 0.1', { name: 'leakyRelu', alpha: 0.1 }],
  ['elu α 1', 'elu'],
  ['elu α 0.5', { name: 'elu', alpha: 0.5 }],
  ['softmax', 'softmax'],
];

describe('specToTfjsModel', () => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  test.each(activations)('%s: tfjs predicts what core computes', (_label, activation) => {
    const spec = createModelSpec({ inputSize: 6, layers: [{ units: 5, activation }, { units: 3, activation }], seed: 9 });
    const model = specToTfjsModel(spec);
    expect(maxDiff(tfjsPredict(model, x, 6), corePredict(spec, x))).toBeLessThan(1e-6);
    model.dispose();
  });

  test('leakyRelu and elu α≠1 become extra layers after a linear Dense; dropout becomes a Dropout layer', () => {
    const spec = createModelSpec({
      inputSize: 6,
      layers: [
        { units: 5, activation: { name: 'leakyRelu', alpha: 0.1 }, dropoutRate: 0.25 },
        { units: 3, activation: { name: 'elu', alpha: 0.5 }, useBias: false },
      ],
    });
    const { model, groups } = buildTfjsModel(spec);
    expect(model.layers.map((l) => l.getClassName())).toEqual(['Dense', 'LeakyReLU', 'Dropout', 'Dense', 'BackpropScaledElu']);
    expect(groups[2].dense!.getWeights()).toHaveLength(1);
    model.dispose();
  });

  test('the unit step has no tfjs twin: a typed error before any tensor is made', () => {
    const spec = createModelSpec({ inputSize: 6, layers: [{ units: 1, activation: 'step' }] });
    const before = tf.memory().numTensors;
    expect(() => specToTfjsModel(spec)).toThrow(TfjsUnsupportedError);
    expect(() => specToTfjsModel(spec)).toThrow(/activation "step" cannot be expressed in TensorFlow.js.*expected one of: linear/);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('weights of the wrong size are refused, naming expected and given, and nothing leaks', () => {
    const spec = createModelSpec({ inputSize: 6, layers: [{ units: 5 }, { units: 3 }] });
    const [k0, b0, k1, b1] = spec.initialWeights;
    const bad = [k0, b0, { ...k1, values: new Float32Array(4) }, b1];
    const before = tf.memory().numTensors;
    expect(() => specToTfjsModel(spec, bad)).toThrow('setWeights weight "dense_1/kernel" [5, 3] expects 15 values, got 4');
    expect(() => specToTfjsModel(spec, [k0, b0, k1])).toThrow('setWeights expects 4 weights (dense/kernel, dense/bias, dense_1/kernel, dense_1/bias), got 3');
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('tfjsModelToSpec', () => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  test('round trip spec → tfjs → spec keeps the layers (α activations as their own layers), weights and predictions', () => {
    const spec = createModelSpec({
      inputSize: 6,
      layers: [
        { units: 8, activation: { name: 'leakyRelu', alpha: 0.2 } },
        { units: 6, activation: { name: 'elu', alpha: 0.5 }, dropoutRate: 0.1 },
        { units: 5, activation: 'tanh', useBias: false },
        { units: 3, activation: 'softmax' },
      ],
      loss: 'categoricalCrossentropy',
      optimizer: { name: 'adam', learningRate: 0.01 },
      seed: 4,
    });
    const model = specToTfjsModel(spec);
    const back = tfjsModelToSpec(model, { loss: spec.loss, optimizer: spec.optimizer, seed: 4 });
    expect(back.layers.map((l) => [l.className, l.config.name])).toEqual([
      ['Dense', 'dense'],
      ['Activation', 'dense_leaky_relu'],
      ['Dense', 'dense_1'],
      ['Activation', 'dense_1_elu'],
      ['Dropout', 'dropout'],
      ['Dense', 'dense_2'],
      ['Dense', 'dense_3'],
    ]);
    expect(back.layers[3].config).toEqual({ name: 'dense_1_elu', activation: { name: 'elu', alpha: 0.5 } });
    expect(back.initialWeights).toEqual(spec.initialWeights);
    expect(maxDiff(corePredict(back, x), corePredict(spec, x))).toBe(0);
    const again = specToTfjsModel(back);
    expect(maxDiff(tfjsPredict(again, x, 6), tfjsPredict(model, x, 6))).toBe(0);
    model.dispose();
    again.dispose();
  });

  test('reads a hand-made tfjs model, its compiled loss and optimizer included', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 4, inputShape: [6], activation: 'relu' }),
        tf.layers.dense({ units: 3 }),
        tf.layers.activation({ activation: 'sigmoid' }),
      ],
    });
    model.compile({ loss: 'meanSquaredError', optimizer: tf.train.momentum(0.05, 0.9, true) });
    const spec = tfjsModelToSpec(model);
    expect(spec.layers.map((l) => [l.className, l.className === 'Dense' ? l.config.units : l.className === 'Activation' ? l.config.activation : null])).toEqual([
      ['Dense', 4],
      ['Dense', 3],
      ['Activation', { name: 'sigmoid', alpha: 0 }],
    ]);
    expect(spec.loss).toEqual({ name: 'mse' });
    expect(spec.optimizer).toMatchObject({ name: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true });
    expect(maxDiff(corePredict(spec, x), tfjsPredict(model, x, 6))).toBeLessThan(1e-6);
    model.dispose();
  });

  test('a layer core has no twin for is refused by name', () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ units: 4, inputShape: [6] }), tf.layers.layerNormalization({ name: 'ln' }), tf.layers.dense({ units: 2 })],
    });
    expect(() => tfjsModelToSpec(model)).toThrow(/layer "ln" "LayerNormalization" cannot be expressed/);
    const selu = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [6], activation: 'selu', name: 'd' })] });
    expect(() => tfjsModelToSpec(selu)).toThrow(TfjsUnsupportedError);
    model.dispose();
    selu.dispose();
  });

  test('the elu α layer saves and loads through tfjs serialisation', async () => {
    const spec = createModelSpec({ inputSize: 6, layers: [{ units: 3, activation: { name: 'elu', alpha: 0.5 } }] });
    const model = specToTfjsModel(spec);
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (saved) => {
        artifacts = saved;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
    expect(maxDiff(tfjsPredict(loaded, x, 6), tfjsPredict(model, x, 6))).toBe(0);
    expect(tfjsModelToSpec(loaded).layers[1].config).toEqual({ name: 'dense_elu', activation: { name: 'elu', alpha: 0.5 } });
    model.dispose();
    loaded.dispose();
  });
});

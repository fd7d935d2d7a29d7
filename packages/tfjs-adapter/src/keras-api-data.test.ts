import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constraints, Dense, type DenseOptions, regularizers, SGD, Sequential, type WeightArray } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import './register';
import { initTfjs } from './tfjs-runtime';

// Numbers from real Keras 3 (tools/keras-reference/api_data_reference.py writes fixtures/keras-api-data.json:
// the inputs and what Keras computed). Both engines get the same inputs and must give Keras's numbers.
const keras = JSON.parse(readFileSync(join(__dirname, 'fixtures/keras-api-data.json'), 'utf8'));
const x: number[][] = keras.x;
const oneHot: number[][] = keras.labels.map((l: number) => [0, 1, 2].map((c) => (c === l ? 1 : 0)));
const yRegression: number[][] = keras.yRegression;
const n = x.length;

type Weights = [number[][], number[]];

function model(backend: string, kind: 'softmax' | 'linear', options: DenseOptions = {}): Sequential {
  const softmax = kind === 'softmax';
  const m = new Sequential({ layers: [Dense(softmax ? 3 : 2, { inputShape: [4], activation: softmax ? 'softmax' : 'linear', ...options })] });
  m.compile({ loss: softmax ? 'categorical_crossentropy' : 'mse', optimizer: SGD(0.1), backend });
  m.setWeights(softmax ? keras.softmaxWeights : keras.linearWeights);
  return m;
}

/** max |ours − Keras's| over every weight value. */
function maxDiff(ours: readonly WeightArray[], theirs: Weights): number {
  const flat = (w: WeightArray) => Array.from('data' in w ? w.data : w);
  const a = ours.flatMap(flat);
  const b = theirs.flatMap((w) => (w as (number | number[])[]).flat());
  expect(a.length).toBe(b.length);
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
}

const oneStep = { epochs: 1, batchSize: n, shuffle: false, verbose: 0 } as const;

beforeAll(async () => {
  await initTfjs({ backend: 'cpu' });
});

describe.each(['scratch', 'tfjs'])('Keras 3 weighting and regularization on backend %s', (backend) => {
  it.each([
    ['softmax', oneHot],
    ['linear', yRegression],
  ] as const)('evaluate(x, y, { sampleWeight }) with %s output: Σ w·l / n as Keras (one batch and batches of 4)', async (kind, y) => {
    const m = model(backend, kind);
    const [weighted] = await m.evaluate(x, y, { sampleWeight: keras.sampleWeight, batchSize: n });
    const [batches4] = await m.evaluate(x, y, { sampleWeight: Float32Array.from(keras.sampleWeight), batchSize: 4 });
    const [plain] = await m.evaluate(x, y, { batchSize: n });
    expect(weighted).toBeCloseTo(keras[`${kind}EvaluateWeighted`], 5);
    expect(batches4).toBeCloseTo(keras[`${kind}EvaluateWeightedBatches4`], 5);
    expect(plain).toBeCloseTo(keras[`${kind}EvaluatePlain`], 5);
  });

  it.each(['softmax', 'linear'] as const)('fit with sampleWeight, %s output: one SGD step lands on Keras’s weights', async (kind) => {
    const m = model(backend, kind);
    await m.fit(x, kind === 'softmax' ? oneHot : yRegression, { ...oneStep, sampleWeight: keras.sampleWeight });
    expect(maxDiff(m.getWeights(), keras[`${kind}AfterSampleWeightStep`])).toBeLessThan(1e-5);
  });

  it('fit with classWeight (class from the argmax of one-hot targets, or from sparse labels): Keras’s weights', async () => {
    const classWeight = Object.fromEntries(Object.entries(keras.classWeight).map(([k, v]) => [Number(k), v as number]));
    const m = model(backend, 'softmax');
    await m.fit(x, oneHot, { ...oneStep, classWeight });
    expect(maxDiff(m.getWeights(), keras.softmaxAfterClassWeightStep)).toBeLessThan(1e-5);
    const sparse = new Sequential({ layers: [Dense(3, { inputShape: [4], activation: 'softmax' })] });
    sparse.compile({ loss: 'sparse_categorical_crossentropy', optimizer: SGD(0.1), backend });
    sparse.setWeights(keras.softmaxWeights);
    await sparse.fit(x, keras.labels, { ...oneStep, classWeight });
    expect(maxDiff(sparse.getWeights(), keras.softmaxAfterClassWeightStep)).toBeLessThan(1e-5);
  });

  it('kernel L1L2 + bias L2 + activity L1L2: the loss includes the penalties and one step matches Keras', async () => {
    // tfjs's regularizers.l1l2 / l2 objects and Keras's serialized classes, the two spellings users bring.
    const options: DenseOptions = {
      kernelRegularizer: regularizers.l1l2({ l1: 0.01, l2: 0.02 }),
      biasRegularizer: { class_name: 'L2', config: { l2: 0.05 } },
      activityRegularizer: tf.regularizers.l1l2({ l1: 0.003, l2: 0.004 }),
    };
    const [loss] = await model(backend, 'softmax', options).evaluate(x, oneHot, { batchSize: n });
    expect(loss).toBeCloseTo(keras.regularizedEvaluate, 5);
    const m = model(backend, 'softmax', options);
    const history = await m.fit(x, oneHot, oneStep);
    expect(history.history.loss[0]).toBeCloseTo(keras.regularizedEvaluate, 5);
    expect(maxDiff(m.getWeights(), keras.regularizedAfterStep)).toBeLessThan(1e-5);
  });

  it('kernel MaxNorm(0.6) + bias NonNeg, and UnitNorm: applied after the update, as Keras', async () => {
    const m = model(backend, 'softmax', { kernelConstraint: constraints.maxNorm({ maxValue: 0.6 }), biasConstraint: 'nonNeg' });
    await m.fit(x, oneHot, oneStep);
    expect(maxDiff(m.getWeights(), keras.constrainedAfterStep)).toBeLessThan(1e-5);
    const u = model(backend, 'linear', { kernelConstraint: 'unit_norm' });
    await u.fit(x, yRegression, oneStep);
    expect(maxDiff(u.getWeights(), keras.unitNormAfterStep)).toBeLessThan(1e-5);
  });

  it('metrics in Keras spellings, evaluated in batches of 4: Precision / Recall / AUC accumulate, the rest average — Keras’s values', async () => {
    const names = ['precision', 'recall', 'auc', 'top_k_categorical_accuracy', 'categorical_accuracy', 'mae', 'mse'] as const;
    const m = new Sequential({ layers: [Dense(10, { inputShape: [4], activation: 'softmax' })] });
    m.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.1), metrics: [...names], backend });
    m.setWeights(keras.metricsWeights);
    const y = keras.metricsLabels.map((l: number) => Array.from({ length: 10 }, (_, c) => (c === l ? 1 : 0)));
    const got = await m.evaluate(keras.metricsX, y, { returnDict: true, batchSize: 4 });
    for (const name of ['loss', ...names]) expect([name, got[name]]).toEqual([name, expect.closeTo(keras.metricsEvaluate[name], 5)]);
    // tfjs's camelCase names and Keras's class names / short names give the same numbers.
    const tfjsNames = ['Precision', 'Recall', 'AUC', 'topKCategoricalAccuracy', 'categoricalAccuracy', 'meanAbsoluteError', 'meanSquaredError'] as const;
    m.compile({ loss: 'categoricalCrossentropy', optimizer: SGD(0.1), metrics: [...tfjsNames], backend });
    const values = await m.evaluate(keras.metricsX, y, { batchSize: 4 });
    expect(values.slice(1)).toEqual(names.map((n) => expect.closeTo(keras.metricsEvaluate[n], 5)));
    m.compile({ loss: 'sparse_categorical_crossentropy', optimizer: SGD(0.1), metrics: ['sparse_categorical_accuracy', 'sparseCategoricalAccuracy'], backend });
    const sparse = await m.evaluate(keras.metricsX, keras.metricsLabels, { batchSize: 4 });
    expect(sparse).toEqual([expect.closeTo(keras.sparseMetricsEvaluate.loss, 5), ...[0, 0].map(() => expect.closeTo(keras.sparseMetricsEvaluate.sparse_categorical_accuracy, 6))]);
  });

  it('evaluate({ returnDict: true }) names loss and metrics as the history does (Keras 3 return_dict)', async () => {
    const m = new Sequential({ layers: [Dense(3, { inputShape: [4], activation: 'softmax' })] });
    m.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.1), metrics: ['accuracy'], backend });
    m.setWeights(keras.softmaxWeights);
    const dict = await m.evaluate(x, oneHot, { returnDict: true, batchSize: n });
    const [loss, accuracy] = await m.evaluate(x, oneHot, { batchSize: n });
    expect(dict).toEqual({ loss, accuracy });
    expect(loss).toBeCloseTo(keras.softmaxEvaluatePlain, 5);
  });
});

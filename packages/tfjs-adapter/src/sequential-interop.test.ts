import { Matrix, Rng } from '@backprop/core';
import { Dense, Dropout, getBackendNames, Sequential } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import { compareEngines, fromTfjsModel, initTfjs, toTfjsModel } from './index';

const rng = new Rng(17);
const rows = 64;
const x = new Matrix(rows, 6, Float32Array.from({ length: rows * 6 }, () => rng.uniform(-1, 1)));
const labels = Array.from({ length: rows }, (_, r) => (x.data[r * 6] + x.data[r * 6 + 1] > 0 ? 1 : 0));
const y = new Matrix(rows, 2, Float32Array.from(labels.flatMap((l) => (l ? [0, 1] : [1, 0]))));

function build(seed: number): Sequential {
  return new Sequential({
    seed,
    layers: [
      Dense(8, { activation: { name: 'leakyRelu', alpha: 0.1 }, inputShape: [6] }),
      Dense(5, { activation: 'tanh' }),
      Dense(2, { activation: 'softmax' }),
    ],
  });
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

describe('the tfjs backend inside @backprop/layers', () => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  test('importing the package registers "tfjs" below the default "scratch"', () => {
    expect(getBackendNames()).toEqual(expect.arrayContaining(['scratch', 'tfjs']));
    expect(getBackendNames().indexOf('tfjs')).toBeGreaterThan(getBackendNames().indexOf('scratch'));
  });

  test('fit on tfjs follows fit on scratch: same seed, same batches, same weights', async () => {
    const trained = await Promise.all(
      ['scratch', 'tfjs'].map(async (backend) => {
        const model = build(3);
        model.compile({ loss: 'categoricalCrossentropy', optimizer: { name: 'sgd', learningRate: 0.1, momentum: 0.9 }, backend });
        const history = await model.fit(x, y, { epochs: 5, batchSize: 16, verbose: 0, seed: 1 });
        expect(model.backendName).toBe(backend);
        const weights = (await model.getWeightsAsync()).flatMap((w) => Array.from(w instanceof Matrix ? w.data : w));
        model.dispose();
        return { loss: history.history.loss as number[], weights };
      }),
    );
    expect(maxDiff(trained[0].weights, trained[1].weights)).toBeLessThan(1e-5);
    trained[0].loss.forEach((loss, epoch) => expect(trained[1].loss[epoch]).toBeCloseTo(loss, 5));
  });

  test('validation loss of fit on tfjs is tfjs’s own model.evaluate loss on the same data', async () => {
    const model = build(4);
    model.compile({ loss: 'categoricalCrossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, backend: 'tfjs', metrics: ['accuracy'] });
    const history = await model.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0, validationData: [x, y] });
    // The weights after the last epoch are the ones its validation pass ran on.
    const tfModel = await toTfjsModel(model);
    tfModel.compile({ loss: 'categoricalCrossentropy', optimizer: 'sgd', metrics: ['accuracy'] });
    const [loss, accuracy] = tf.tidy(() => (tfModel.evaluate(tf.tensor2d(x.data, [rows, 6]), tf.tensor2d(y.data, [rows, 2]), { batchSize: 16 }) as tf.Scalar[]).map((t) => t.dataSync()[0]));
    expect(history.history.val_loss[1]).toBeCloseTo(loss, 5);
    expect(history.history.val_accuracy[1]).toBeCloseTo(accuracy, 6);
    tfModel.dispose();
    model.dispose();
  });

  test('toTfjsModel: a tfjs LayersModel predicting what the Sequential predicts', async () => {
    const model = build(5);
    const tfModel = await toTfjsModel(model);
    const expected = (await model.predictAsync(x)).data;
    const actual = tf.tidy(() => (tfModel.predict(tf.tensor2d(x.data, [rows, 6])) as tf.Tensor).dataSync().slice());
    expect(maxDiff(actual, expected)).toBeLessThan(1e-6);
    tfModel.dispose();
    model.dispose();
  });

  test('fromTfjsModel: a Sequential with the tfjs model weights, dropout included; the round trip predicts identically', async () => {
    const tfModel = tf.sequential({
      layers: [
        tf.layers.dense({ units: 7, inputShape: [6], activation: 'relu' }),
        tf.layers.dropout({ rate: 0.3 }),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    const model = fromTfjsModel(tfModel);
    expect(model.layers.map((l) => l.className)).toEqual(['Dense', 'Dropout', 'Dense']);
    const expected = tf.tidy(() => (tfModel.predict(tf.tensor2d(x.data, [rows, 6])) as tf.Tensor).dataSync().slice());
    expect(maxDiff((await model.predictAsync(x)).data, expected)).toBeLessThan(1e-6);
    const back = await toTfjsModel(model);
    const again = tf.tidy(() => (back.predict(tf.tensor2d(x.data, [rows, 6])) as tf.Tensor).dataSync().slice());
    expect(maxDiff(again, expected)).toBe(0);
    tfModel.dispose();
    back.dispose();
    model.dispose();
  });

  test('compareEngines takes a Sequential too', async () => {
    const model = build(9);
    model.add(Dropout(0));
    const report = await compareEngines({ model, loss: 'categoricalCrossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, x: x.data, y: y.data, steps: 30, batchSize: 16 });
    expect(report.failures).toEqual([]);
    model.dispose();
  });
});

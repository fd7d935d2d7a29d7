import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '@backprop/core';
import { Activation } from '../../layers/activation';
import { BatchNormalization } from '../../layers/batch-normalization';
import { Conv2D } from '../../layers/conv2d';
import { Dense } from '../../layers/dense';
import { Dropout } from '../../layers/dropout';
import { Flatten } from '../../layers/flatten';
import { InputLayer } from '../../layers/input-layer';
import { MaxPooling2D } from '../../layers/pooling-2d';
import { Reshape } from '../../layers/reshape';
import { GlobalAveragePooling2D, ZeroPadding2D } from '../../layers/spatial-layers';
import { Sequential } from '../../model/sequential';
import { loadModel } from '../load-from';
import { strFromU8, unzipSync } from 'fflate';
import { maxAbsDifference } from './keras-fixtures';
import { kerasFileBytes } from './keras-model-writer';
import { findKerasPython, runKerasScript } from './keras-python';

/** A model of every layer the library has, trained a little so its weights are not initializer values. */
async function trainedModel(): Promise<{ model: Sequential; inputs: number[][] }> {
  const rng = new Rng(7);
  const model = new Sequential({
    name: 'round_trip',
    layers: [
      Reshape({ targetShape: [3, 4], inputShape: [12] }),
      Flatten(),
      Dense(10, { activation: 'relu', kernelInitializer: 'heNormal' }),
      Dropout(0.2),
      Dense(8, { activation: { name: 'leakyRelu', alpha: 0.1 } }),
      Dense(6, { activation: 'tanh', useBias: false }),
      Dense(3),
      Activation('softmax'),
    ],
    seed: 3,
  });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  const x = Array.from({ length: 32 }, () => Array.from({ length: 12 }, () => rng.normal()));
  const y = x.map((row) => [row[0] > 0 ? 1 : 0, row[1] > 0 ? 1 : 0, 0].map((v, i, a) => (i === 2 ? (a[0] + a[1] === 0 ? 1 : 0) : v / Math.max(1, a[0] + a[1]))));
  await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0 });
  const inputs = Array.from({ length: 4 }, () => Array.from({ length: 12 }, () => rng.normal()));
  return { model, inputs };
}

/** A small CNN with BatchNormalization, trained a little so gamma, beta and the moving statistics have moved. */
async function trainedCnn(): Promise<{ model: Sequential; inputs: number[][] }> {
  const rng = new Rng(11);
  const model = new Sequential({
    name: 'cnn_round_trip',
    layers: [
      Reshape({ targetShape: [6, 6, 2], inputShape: [72] }),
      ZeroPadding2D({ padding: 1 }),
      Conv2D(4, 3, { activation: 'relu' }),
      BatchNormalization(),
      MaxPooling2D({ poolSize: 2 }),
      Conv2D(3, 2, { padding: 'same', useBias: false }),
      GlobalAveragePooling2D(),
      Dense(2, { activation: 'softmax' }),
    ],
    seed: 5,
  });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  const x = Array.from({ length: 24 }, () => Array.from({ length: 72 }, () => rng.normal() + 0.5));
  const y = x.map((row) => (row[0] > 0.5 ? [1, 0] : [0, 1]));
  await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0 });
  const inputs = Array.from({ length: 3 }, () => Array.from({ length: 72 }, () => rng.normal()));
  return { model, inputs };
}

describe('model.save("m.keras") → loadModel', () => {
  it('reloads here with the same layers and predictions', async () => {
    const { model, inputs } = await trainedModel();
    const file = join(mkdtempSync(join(tmpdir(), 'backprop-keras-')), 'm.keras');
    await model.save(file);
    const loaded = await loadModel(file);
    // The leakyRelu Dense comes back as Keras holds it: a linear Dense and an Activation (from LeakyReLU).
    expect(loaded.layers.map((l) => l.className)).toEqual(['Reshape', 'Flatten', 'Dense', 'Dropout', 'Dense', 'Activation', 'Dense', 'Dense', 'Activation']);
    expect(maxAbsDifference(loaded.predict(inputs).toArray(), model.predict(inputs).toArray())).toBe(0);
    // The same file as bytes (as a browser passes it) loads the same.
    const fromBytes = await loadModel(new Uint8Array(readFileSync(file)));
    expect(maxAbsDifference(fromBytes.predict(inputs).toArray(), model.predict(inputs).toArray())).toBe(0);
  });
});

describe('config.json as Keras 3 writes it', () => {
  it('one InputLayer with batch_shape first, whether the model has an InputLayer or an inputShape', async () => {
    for (const first of [InputLayer({ inputShape: [5] }), Dense(4, { inputShape: [5] })]) {
      const layers = first.className === 'InputLayer' ? [first, Dense(4)] : [first];
      const files = unzipSync(await kerasFileBytes(new Sequential({ layers, seed: 1 })));
      const config = JSON.parse(strFromU8(files['config.json']));
      expect(config).toMatchObject({ module: 'keras', class_name: 'Sequential', build_config: { input_shape: [null, 5] } });
      expect(config.config.layers.map((l: { class_name: string }) => l.class_name)).toEqual(['InputLayer', 'Dense']);
      expect(config.config.layers[0].config.batch_shape).toEqual([null, 5]);
      expect(config.config.layers[1].config).not.toHaveProperty('batch_input_shape');
      expect(config.config.layers[1].config.kernel_initializer).toEqual({ module: 'keras.initializers', class_name: 'GlorotUniform', config: { seed: null }, registered_name: null });
      expect(Object.keys(files).sort()).toEqual(['config.json', 'metadata.json', 'model.weights.h5']);
    }
  });
});

const found = findKerasPython();
const withKeras = 'python' in found ? describe : describe.skip;

withKeras(`model.save("m.keras") → keras.saving.load_model${'reason' in found ? ` (skipped: ${found.reason})` : ''}`, () => {
  it('opens in Keras 3 and predicts the same numbers (to 1e-5)', async () => {
    const { model, inputs } = await trainedModel();
    const file = join(mkdtempSync(join(tmpdir(), 'backprop-keras-')), 'm.keras');
    await model.save(file);
    const keras = runKerasScript<{ class_name: string; layers: string[]; predictions: number[][] }>((found as { python: string }).python, 'keras_predict.py', [file], { inputs });
    expect(keras.class_name).toBe('Sequential');
    // Dense(leakyRelu) is written as Keras writes it: a linear Dense and a LeakyReLU layer.
    expect(keras.layers).toEqual(['Reshape', 'Flatten', 'Dense', 'Dropout', 'Dense', 'LeakyReLU', 'Dense', 'Dense', 'Activation']);
    expect(maxAbsDifference(keras.predictions, model.predict(inputs).toArray())).toBeLessThan(1e-5);
  }, 900_000); // Python starts JAX: ~30 s alone, minutes on a busy 2-core machine
});

withKeras(`a CNN with BatchNormalization: model.save("m.keras") → keras.saving.load_model${'reason' in found ? ` (skipped: ${found.reason})` : ''}`, () => {
  it('opens in Keras 3, predicts the same numbers (to 1e-5), and reloads here to the same numbers', async () => {
    const { model, inputs } = await trainedCnn();
    const file = join(mkdtempSync(join(tmpdir(), 'backprop-keras-')), 'cnn.keras');
    await model.save(file);
    const keras = runKerasScript<{ class_name: string; layers: string[]; predictions: number[][] }>((found as { python: string }).python, 'keras_predict.py', [file], { inputs });
    expect(keras.layers).toEqual(['Reshape', 'ZeroPadding2D', 'Conv2D', 'BatchNormalization', 'MaxPooling2D', 'Conv2D', 'GlobalAveragePooling2D', 'Dense']);
    const ours = model.predict(inputs).toArray();
    expect(maxAbsDifference(keras.predictions, ours)).toBeLessThan(1e-5);
    const reloaded = await loadModel(file);
    expect(maxAbsDifference(reloaded.predict(inputs).toArray(), ours)).toBeLessThan(1e-6);
  }, 900_000); // Python starts JAX: ~30 s alone, minutes on a busy 2-core machine
});

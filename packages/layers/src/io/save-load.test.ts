import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentError, Matrix, ModelFormatError } from '@backprop/core';
import { Activation, clearSession, Dense, Dropout, loadModel, SGD, Sequential } from '../index';
import type { ModelJson, WeightsManifestEntry } from './model-json';

function trainedModel(): Sequential {
  const model = new Sequential({ seed: 2 });
  model.add(Dense(6, { inputShape: [4], activation: 'relu' }));
  model.add(Dropout(0.3));
  model.add(Dense(3));
  model.add(Activation('softmax'));
  return model;
}

const x = new Matrix(7, 4, Float32Array.from({ length: 28 }, (_, i) => Math.sin(i * 1.7)));
const y = new Matrix(7, 3, Float32Array.from({ length: 21 }, (_, i) => (i % 3 === Math.floor(i / 3) % 3 ? 1 : 0)));

describe('save / loadModel (TensorFlow.js layers format)', () => {
  let dir: string;
  beforeEach(() => {
    clearSession();
    dir = mkdtempSync(join(tmpdir(), 'backprop-save-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes model.json in tfjs’s layout and weights.<hash>.bin as little-endian float32 in manifest order', async () => {
    const model = trainedModel();
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.1) });
    await model.fit(x, y, { epochs: 2, verbose: 0 });
    await model.save(`file://${dir}`);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    const weightsFile = json.weightsManifest[0].paths[0];
    expect(weightsFile).toMatch(/^weights\.[0-9a-f]{16}\.bin$/);
    expect(readdirSync(dir).sort()).toEqual(['model.json', weightsFile]);
    expect(json.format).toBe('layers-model');
    expect(json.convertedBy).toBeNull();
    expect(json.generatedBy).toMatch(/^@backprop\/layers v/);
    expect(json.modelTopology.class_name).toBe('Sequential');
    expect(json.modelTopology.config.name).toBe('sequential');
    const [dense, dropout, dense1, activation] = json.modelTopology.config.layers;
    expect(dense).toEqual({
      class_name: 'Dense',
      config: expect.objectContaining({
        units: 6,
        activation: 'relu',
        use_bias: true,
        kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
        bias_initializer: { class_name: 'Zeros', config: {} },
        name: 'dense',
        dtype: 'float32',
        batch_input_shape: [null, 4],
      }),
    });
    expect(dropout).toEqual({ class_name: 'Dropout', config: expect.objectContaining({ rate: 0.3, name: 'dropout' }) });
    expect(dense1.config).toEqual(expect.objectContaining({ units: 3, activation: 'linear', name: 'dense_1' }));
    expect(dense1.config.batch_input_shape).toBeUndefined();
    expect(activation).toEqual({ class_name: 'Activation', config: expect.objectContaining({ activation: 'softmax', name: 'activation' }) });
    expect(json.weightsManifest).toEqual([
      {
        paths: [weightsFile],
        weights: [
          { name: 'dense/kernel', shape: [4, 6], dtype: 'float32' },
          { name: 'dense/bias', shape: [6], dtype: 'float32' },
          { name: 'dense_1/kernel', shape: [6, 3], dtype: 'float32' },
          { name: 'dense_1/bias', shape: [3], dtype: 'float32' },
        ],
      },
    ]);
    const bin = readFileSync(join(dir, weightsFile));
    const values = Array.from({ length: bin.length / 4 }, (_, i) => bin.readFloatLE(i * 4));
    expect(values).toEqual(model.getWeights().flatMap((w) => Array.from(w instanceof Matrix ? w.data : w)));
  });

  it('save → load gives identical predictions, names and weights; file:// URL, dir or model.json path', async () => {
    const model = trainedModel();
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.1) });
    await model.fit(x, y, { epochs: 2, verbose: 0 });
    await model.save(join(dir, 'm'));
    for (const url of [`file://${dir}/m`, `file://${dir}/m/model.json`, join(dir, 'm')]) {
      const loaded = await loadModel(url);
      expect(loaded.layers.map((l) => l.toString())).toEqual(model.layers.map((l) => l.toString()));
      expect(Array.from(loaded.predict(x).data)).toEqual(Array.from(model.predict(x).data));
      expect(loaded.countParams()).toBe(model.countParams());
    }
    // A loaded model trains once compiled, from the loaded weights.
    const loaded = await loadModel(`file://${dir}/m`);
    loaded.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.1) });
    expect((await loaded.evaluate(x, y))[0]).toBeCloseTo((await model.evaluate(x, y))[0], 6);
  });

  it('saves atomically: overwriting leaves no temporary files, a failing save leaves the old files', async () => {
    const model = trainedModel();
    await model.save(dir);
    const before = readFileSync(join(dir, 'model.json'), 'utf8');
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    await model.save(dir);
    const weightsFile = JSON.parse(before).weightsManifest[0].paths[0];
    expect(readdirSync(dir).sort()).toEqual(['model.json', 'notes.txt', weightsFile]);
    const unsavable = new Sequential({ layers: [Dense(2, { inputShape: [2], activation: 'step' })] });
    await expect(unsavable.save(dir)).rejects.toThrow(ArgumentError);
    await expect(unsavable.save(dir)).rejects.toThrow(/activation step.*cannot store/);
    expect(readFileSync(join(dir, 'model.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['model.json', 'notes.txt', weightsFile]);
    // Browser schemes are routed to their handlers; Node has no IndexedDB, and unknown schemes are refused.
    await expect(model.save('indexeddb://m')).rejects.toThrow('indexeddb://m: IndexedDB is not available in this runtime');
    await expect(model.save('s3://bucket/m')).rejects.toThrow(/no handler for "s3:\/\/" in "s3:\/\/bucket\/m"; supported: file:\/\/ \(Node\), indexeddb:\/\//);
  });

  describe('validation on load', () => {
    let json: ModelJson;
    let bin: Buffer;
    let weightsFile: string;
    beforeEach(async () => {
      await trainedModel().save(dir);
      json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
      weightsFile = json.weightsManifest[0].paths[0];
      bin = readFileSync(join(dir, weightsFile));
    });
    const write = (j: unknown, b: Uint8Array = bin) => {
      const target = join(dir, 'bad');
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, 'model.json'), typeof j === 'string' ? j : JSON.stringify(j));
      writeFileSync(join(target, weightsFile), b);
      return loadModel(`file://${target}`);
    };

    it('missing files and broken JSON', async () => {
      await expect(loadModel(join(dir, 'nowhere'))).rejects.toThrow(/Cannot read model.json ".*nowhere\/model.json": ENOENT \(it does not exist\)/);
      await expect(write('{ "format": ')).rejects.toThrow(/not valid JSON/);
      await expect(write({ ...json, format: 'graph-model' })).rejects.toThrow('format must be "layers-model", got "graph-model"');
    });

    it('unsupported layers and activations', async () => {
      const layers = json.modelTopology.config.layers;
      await expect(write({ ...json, modelTopology: { ...json.modelTopology, class_name: 'Functional' } })).rejects.toThrow(/expected a Sequential model/);
      const conv = { class_name: 'Conv3D', config: { name: 'conv3d' } };
      await expect(write({ ...json, modelTopology: { ...json.modelTopology, config: { layers: [conv, ...layers] } } })).rejects.toThrow(
        /layer 0 \(Conv3D "conv3d"\) is not supported; supported layers: Dense, Dropout, Activation, Flatten, Reshape, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, ZeroPadding2D, LeakyReLU, ELU, InputLayer/,
      );
      // A Conv2D without its filters is named with what is missing.
      const noFilters = { class_name: 'Conv2D', config: { name: 'conv2d', kernel_size: [3, 3] } };
      await expect(write({ ...json, modelTopology: { ...json.modelTopology, config: { layers: [noFilters, ...layers] } } })).rejects.toThrow(
        /layer 0 \(Conv2D "conv2d"\): Conv2D "conv2d" filters must be a positive integer, got undefined/,
      );
      const swish = [{ ...layers[0], config: { ...layers[0].config, activation: 'swish' } }, ...layers.slice(1)];
      await expect(write({ ...json, modelTopology: { ...json.modelTopology, config: { layers: swish } } })).rejects.toThrow(/activation "swish" is not supported/);
      const noShape = [{ ...layers[0], config: { ...layers[0].config, batch_input_shape: undefined } }, ...layers.slice(1)];
      await expect(write({ ...json, modelTopology: { ...json.modelTopology, config: { layers: noShape } } })).rejects.toThrow(ModelFormatError);
      await expect(write({ ...json, modelTopology: { ...json.modelTopology, config: { layers: noShape } } })).rejects.toThrow(/needs an inputShape/);
    });

    it('manifest shapes, names, dtypes and file length', async () => {
      const manifest = json.weightsManifest[0];
      const withWeights = (weights: unknown[]) => ({ ...json, weightsManifest: [{ ...manifest, weights }] });
      const shapes = manifest.weights.map((w: WeightsManifestEntry, i: number) => (i === 0 ? { ...w, shape: [6, 4] } : w));
      await expect(write(withWeights(shapes))).rejects.toThrow(/weight "dense\/kernel" has shape \[6, 4\] in the manifest, but Dense "dense" needs \[4, 6\]/);
      const renamed = manifest.weights.map((w: WeightsManifestEntry, i: number) => (i === 1 ? { ...w, name: 'other/bias' } : w));
      await expect(write(withWeights(renamed))).rejects.toThrow(/weight "dense\/bias" of Dense "dense" is missing from the manifest/);
      const halves = manifest.weights.map((w: WeightsManifestEntry) => ({ ...w, dtype: 'float16' }));
      await expect(write(withWeights(halves))).rejects.toThrow(/must be unquantized float32/);
      await expect(write(json, bin.subarray(0, bin.length - 4))).rejects.toThrow(/too few for weight "dense_1\/bias"/);
      await expect(write(json, Buffer.concat([bin, Buffer.alloc(4)]))).rejects.toThrow(`hold ${bin.length + 4} bytes but the manifest describes ${bin.length}`);
      await expect(write({ ...json, weightsManifest: [{ ...manifest, paths: ['../weights.bin'] }] })).rejects.toThrow(/must be a relative path to a file inside/);
    });

    it('non-finite weights', async () => {
      const broken = Buffer.from(bin);
      broken.writeFloatLE(Number.NaN, 8);
      await expect(write(json, broken)).rejects.toThrow('weight "dense/kernel" value 2 must be finite, got NaN');
      expect(existsSync(join(dir, 'model.json'))).toBe(true);
    });
  });
});

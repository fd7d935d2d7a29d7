import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix, Rng } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { Activation, Dense, Dropout, loadModel, Sequential } from '../index';

// Interop with TensorFlow.js 4.22 itself. tfjs's `file://` handler lives in tfjs-node (not installable
// here), so the files are handed to tfjs through `tf.io.fromMemory` (reading) and a custom IOHandler
// (writing) — the same model.json + weights.bin a `file://` save or load would use.

function randomInputs(rows: number, cols: number, seed: number): Matrix {
  const rng = new Rng(seed);
  return new Matrix(rows, cols, Float32Array.from({ length: rows * cols }, () => rng.uniform(-1, 1)));
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('TensorFlow.js interop', () => {
  let dir: string;
  let warn: jest.SpyInstance;
  beforeAll(async () => {
    // tfjs greets Node users with a console.warn suggesting tfjs-node; keep test output clean.
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    await tf.setBackend('cpu');
  });
  afterAll(() => warn.mockRestore());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'backprop-tfjs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tf.loadLayersModel reads our model.json + weights.bin and predicts the same', async () => {
    const model = new Sequential({ seed: 3 });
    model.add(Dense(16, { inputShape: [12], activation: 'relu' }));
    model.add(Dropout(0.25));
    model.add(Dense(8, { activation: 'tanh', kernelInitializer: 'heNormal' }));
    model.add(Dense(5, { useBias: false }));
    model.add(Activation('softmax'));
    model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam' });
    const x = randomInputs(20, 12, 4);
    const y = new Matrix(20, 5);
    for (let r = 0; r < 20; r++) y.set(r, r % 5, 1);
    await model.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0 });
    await model.save(`file://${dir}`);

    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    const bin = readFileSync(join(dir, 'weights.bin'));
    const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
    const handler = tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData });
    const theirs = await tf.loadLayersModel(handler);
    expect(theirs.layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
    const expected = model.predict(x).data;
    const actual = (theirs.predict(tf.tensor2d(x.data, [20, 12])) as tf.Tensor).dataSync() as Float32Array;
    expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-6);
  });

  it('a model built and saved by tfjs loads here with the same predictions', async () => {
    const theirs = tf.sequential();
    theirs.add(tf.layers.dense({ units: 10, inputShape: [6], activation: 'sigmoid' }));
    theirs.add(tf.layers.dropout({ rate: 0.5 }));
    theirs.add(tf.layers.dense({ units: 7, activation: 'elu' }));
    theirs.add(tf.layers.dense({ units: 3, activation: 'linear', useBias: false }));
    theirs.add(tf.layers.activation({ activation: 'softmax' }));
    // A file-writing IOHandler: what tfjs-node's `file://` handler writes.
    await theirs.save({
      save: async (artifacts) => {
        const { weightData, weightSpecs, ...rest } = artifacts;
        const modelJson = { ...rest, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] };
        writeFileSync(join(dir, 'model.json'), JSON.stringify(modelJson));
        writeFileSync(join(dir, 'weights.bin'), Buffer.from(weightData as ArrayBuffer));
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      },
    });
    const ours = await loadModel(`file://${join(dir, 'model.json')}`);
    expect(ours.layers.map((l) => `${l.className}:${l.name}`)).toEqual(theirs.layers.map((l) => `${l.getClassName()}:${l.name}`));
    const x = randomInputs(9, 6, 5);
    const expected = (theirs.predict(tf.tensor2d(x.data, [9, 6])) as tf.Tensor).dataSync() as Float32Array;
    expect(maxAbsDiff(ours.predict(x).data, expected)).toBeLessThan(1e-6);
    const kernels = theirs.getWeights().map((w) => w.dataSync() as Float32Array);
    const mine = ours.getWeights().map((w) => (w instanceof Matrix ? w.data : w));
    expect(mine.map((w) => Array.from(w))).toEqual(kernels.map((w) => Array.from(w)));
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentError, Matrix, ShapeError, UnknownNameError } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { clearSession, Dense, Dropout, loadModel, ModelStateError, SGD, Sequential } from '../index';

const data = (v: Matrix | Float32Array) => Array.from(v instanceof Matrix ? v.data : v);

const model = () => new Sequential({ name: 'net', seed: 5, layers: [Dense(4, { inputShape: [3], activation: 'relu', name: 'hidden' }), Dropout(0.1), Dense(2, { name: 'out' })] });

describe('the layer API of Keras / tfjs', () => {
  let warn: jest.SpyInstance;
  beforeAll(async () => {
    // tfjs greets Node users with a console.warn suggesting tfjs-node.
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    await tf.setBackend('cpu');
  });
  afterAll(() => warn.mockRestore());
  beforeEach(() => clearSession());

  it('layer.getWeights() is the layer’s slice of model.getWeights(), in layer.weights order (Keras layer.get_weights)', () => {
    const m = model();
    const all = m.getWeights();
    expect(m.layers[0].getWeights().map(data)).toEqual(all.slice(0, 2).map(data));
    expect(m.layers[1].getWeights()).toEqual([]);
    expect(m.layers[2].getWeights().map(data)).toEqual(all.slice(2).map(data));
    // tfjs's getWeights(trainableOnly): a frozen layer has no trainable weights.
    m.layers[0].trainable = false;
    expect(m.layers[0].getWeights(true)).toEqual([]);
    expect(m.layers[0].getWeights(false)).toHaveLength(2);
    // A layer outside any model, or in one without an input shape yet, has no weights (an unbuilt Keras layer).
    expect(Dense(3).getWeights()).toEqual([]);
    expect(new Sequential({ layers: [Dense(3)] }).layers[0].getWeights()).toEqual([]);
  });

  it('layer.setWeights() replaces only that layer’s weights and checks count and shapes first', () => {
    const m = model();
    const before = m.getWeights().map(data);
    const kernel = new Matrix(4, 2, Float32Array.from({ length: 8 }, (_, i) => i / 10));
    m.getLayer('out').setWeights([kernel, Float32Array.of(0.5, -0.5)]);
    const after = m.getWeights().map(data);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after[2]).toEqual(data(kernel));
    expect(after[3]).toEqual([0.5, -0.5]);
    // tfjs's message for the count; the model's for the shape, naming the layer and weight.
    expect(() => m.getLayer('out').setWeights([kernel])).toThrow(
      new ShapeError('You called setWeights(weights) on layer "out" with a weight list of length 1, but the layer was expecting 2 weights'),
    );
    expect(() => m.getLayer('out').setWeights([new Matrix(2, 4), Float32Array.of(0, 0)])).toThrow('Dense "out" kernel expects shape [4, 2], got [2, 4]');
    expect(() => Dense(3).setWeights([new Float32Array(3)])).toThrow(/expecting 0 weights \(it is not yet in a model that can be built\)/);
    expect(m.getWeights().map(data)).toEqual(after);
  });

  it('getLayer(name | index) as tfjs and Keras, with typed errors for unknown names and indices out of range', () => {
    const m = model();
    expect(m.getLayer('out')).toBe(m.layers[2]);
    expect(m.getLayer(1)).toBe(m.layers[1]);
    expect(m.getLayer(undefined, 0)).toBe(m.layers[0]);
    expect(() => m.getLayer('nope')).toThrow(new UnknownNameError('layer', 'nope', ['hidden', 'dropout', 'out']));
    expect(() => m.getLayer(3)).toThrow(new ArgumentError('Was asked to retrieve layer at index 3, but model only has 3 layer(s); expected an integer in 0..2'));
    expect(() => m.getLayer(-1)).toThrow(ArgumentError);
    expect(() => m.getLayer('out', 1)).toThrow('getLayer takes a layer name or an index, got both ("out" and 1)');
    expect(() => m.getLayer()).toThrow('getLayer expects a layer name or an index, got neither');
  });

  it('toJSON() returns the modelTopology of model.json as a string, which tfjs builds the same model from', async () => {
    const m = model();
    m.layers[0].trainable = false;
    const json = m.toJSON();
    expect(typeof json).toBe('string');
    expect(JSON.parse(json as string)).toEqual(m.toJSON(null, false));
    const dir = mkdtempSync(join(tmpdir(), 'backprop-tojson-'));
    try {
      await m.save(`file://${dir}`);
      expect(JSON.parse(json as string)).toEqual(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')).modelTopology);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // tfjs reads it as the topology of a model.json (tf.models.modelFromJSON): the same layers, frozen where ours is.
    const theirs = await tf.models.modelFromJSON({ modelTopology: JSON.parse(json as string) });
    expect(theirs.layers.map((l) => [l.name, l.getClassName(), l.trainable])).toEqual([
      ['hidden', 'Dense', false],
      ['dropout', 'Dropout', true],
      ['out', 'Dense', true],
    ]);
    theirs.dispose();
  });

  it('summary() shows Total / Trainable / Non-trainable params as Keras does with a frozen layer', () => {
    const m = model();
    m.getLayer('hidden').trainable = false;
    const lines: string[] = [];
    m.summary((line) => lines.push(line));
    // hidden: 3·4 + 4 = 16 frozen; out: 4·2 + 2 = 10.
    expect(lines.slice(-4)).toEqual(['Total params: 26', 'Trainable params: 10', 'Non-trainable params: 16', '_'.repeat(65)]);
  });

  it('trainable: false is saved in the layer config and comes back frozen; a non-boolean is refused', async () => {
    const m = new Sequential({ seed: 2, layers: [Dense(4, { inputShape: [3], trainable: false }), Dense(2)] });
    const dir = mkdtempSync(join(tmpdir(), 'backprop-trainable-'));
    try {
      await m.save(`file://${dir}`);
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
      expect(json.modelTopology.config.layers.map((l: { config: { trainable: boolean } }) => l.config.trainable)).toEqual([false, true]);
      const loaded = await loadModel(`file://${dir}`);
      expect(loaded.layers.map((l) => l.trainable)).toEqual([false, true]);
      expect(loaded.getWeights().map(data)).toEqual(m.getWeights().map(data));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(() => Dense(2, { trainable: 'no' as never })).toThrow('layer "dense" arguments: trainable must be true or false, got "no"');
  });

  it('a trainable change takes effect at the next compile, as in Keras; a fit before that recompile is refused', async () => {
    const m = model();
    m.compile({ loss: 'mse', optimizer: SGD(0.1) });
    m.getLayer('hidden').trainable = false;
    const x = new Matrix(4, 3, Float32Array.from({ length: 12 }, (_, i) => Math.sin(i)));
    const y = new Matrix(4, 2, Float32Array.from({ length: 8 }, (_, i) => Math.cos(i)));
    await expect(m.fit(x, y, { epochs: 1, verbose: 0 })).rejects.toThrow(
      new ModelStateError('Dense "hidden" was set to trainable = false after compile(); call compile() again for it to take effect (as Keras requires), got a fit with the compiled trainable = true'),
    );
    m.compile({ loss: 'mse', optimizer: SGD(0.1) });
    const frozen = m.getLayer('hidden').getWeights().map(data);
    await m.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0 });
    expect(m.getLayer('hidden').getWeights().map(data)).toEqual(frozen);
  });
});

import { ArgumentError, Matrix } from '@backprop/core';
import { clearSession, Dense, loadModel, Sequential } from '../index';
import { registerIORouter, resolveIOHandler, schemeOf } from './io-router';
import type { LoadedArtifacts, ModelArtifacts } from './model-io-handler';

describe('IO router', () => {
  beforeEach(() => clearSession());

  it('routes a registered scheme to its handler, which round-trips the model', async () => {
    const store = new Map<string, ModelArtifacts>();
    registerIORouter('memory', (url) => ({
      async save(artifacts) {
        store.set(url, artifacts);
      },
      async load(): Promise<LoadedArtifacts> {
        const saved = store.get(url)!;
        return { modelJson: saved.modelJson, weightFiles: new Map([[saved.modelJson.weightsManifest[0].paths[0], saved.weightData]]), source: url };
      },
    }));
    const model = new Sequential({ seed: 9, layers: [Dense(3, { inputShape: [2], activation: 'relu' }), Dense(1)] });
    await model.save('memory://a');
    expect([...store.keys()]).toEqual(['memory://a']);
    const x = new Matrix(2, 2, Float32Array.from([0.5, -1, 2, 0.25]));
    expect(Array.from((await loadModel('memory://a')).predict(x).data)).toEqual(Array.from(model.predict(x).data));
  });

  it('leaves file:// URLs and plain paths to the file system, schemes case-insensitive', () => {
    expect(resolveIOHandler('file:///tmp/m', 'save')).toBeNull();
    expect(resolveIOHandler('./models/m', 'load')).toBeNull();
    expect(schemeOf('IndexedDB://x')).toBe('indexeddb');
    expect(schemeOf('C:\\models\\m')).toBe('file');
  });

  it('refuses what it cannot route, saying what it got and what it takes', () => {
    expect(() => resolveIOHandler('', 'save')).toThrow(new ArgumentError('model.save expects a URL, a path or a handler, got ""'));
    expect(() => resolveIOHandler({ load: async () => null }, 'save')).toThrow('model.save expects a URL, a path or a handler with save(), got an object without a save() method');
    expect(() => resolveIOHandler(42, 'load')).toThrow('loadModel expects a URL, a path, File objects or a handler with load(), got number');
    expect(() => resolveIOHandler([], 'load')).toThrow('got an array that is not a list of files');
    expect(() => registerIORouter('file', () => ({}))).toThrow(/not "file", got "file"/);
    expect(() => registerIORouter('S3', () => ({}))).toThrow(/got "S3"/);
  });
});

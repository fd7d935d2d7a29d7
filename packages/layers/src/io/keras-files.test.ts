import { loadModel } from '../index';
import { fixtureBytes } from './keras/keras-fixtures';
import { kerasFileCodecs as h5wasmCodecs } from './keras/keras-file-codecs';

describe('the Keras file registry (io/keras-files.ts)', () => {
  // A fresh copy of the registry is what a browser bundle without '@backprop/layers/keras' holds: nothing registered.
  function freshRegistry(): typeof import('./keras-files') {
    let registry: typeof import('./keras-files') | undefined;
    jest.isolateModules(() => {
      registry = require('./keras-files');
    });
    return registry!;
  }

  it('refuses with a NotSupportedError that names the call and the import enabling Keras files, until they are registered', () => {
    const registry = freshRegistry();
    let error: unknown;
    try {
      registry.kerasFileCodecs('loadModel("m.keras")');
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).constructor.name).toBe('KerasFilesNotEnabledError');
    // (isolateModules loads its own @backprop/core too, so the class is checked by name.)
    expect(Object.getPrototypeOf((error as Error).constructor).name).toBe('NotSupportedError');
    expect((error as Error).message).toBe(
      `loadModel("m.keras"): Keras files (.keras, .h5) are not enabled in this build; add import '@backprop/layers/keras' (it registers the Keras reader and writer, which bring h5wasm and fflate)`,
    );
    registry.registerKerasFiles(h5wasmCodecs);
    expect(registry.kerasFileCodecs('loadModel("m.keras")')).toBe(h5wasmCodecs);
  });

  it('is filled in Node by the main entry, so loadModel reads .keras bytes with no extra import', async () => {
    const model = await loadModel(fixtureBytes('mlp.keras'));
    expect(model.name).toBe('mlp');
  });
});

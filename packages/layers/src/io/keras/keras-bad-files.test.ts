import { ModelFormatError, NotSupportedError } from '@backprop/core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeHdf5 } from './hdf5-file';
import { KERAS_FILE_LIMIT_BYTES } from './keras-archive';
import { KerasNotSupportedError } from './keras-errors';
import { fixtureBytes } from './keras-fixtures';
import { modelFromKerasBytes } from './model-from-keras';

const mlp = () => fixtureBytes('mlp.keras');

/** The MLP fixture with its config.json changed by `edit`. */
function withConfig(edit: (config: { class_name: string; config: { layers: { class_name: string; config: Record<string, unknown> }[] } }) => void): Uint8Array {
  const files = unzipSync(mlp());
  const config = JSON.parse(strFromU8(files['config.json']));
  edit(config);
  return zipSync({ ...files, 'config.json': strToU8(JSON.stringify(config)) });
}

describe('Keras files that cannot be loaded are typed errors naming the problem', () => {
  it('a truncated .keras zip', async () => {
    const bytes = mlp();
    const error = modelFromKerasBytes(bytes.subarray(0, bytes.length - 100), 'cut.keras');
    await expect(error).rejects.toThrow(ModelFormatError);
    await expect(modelFromKerasBytes(bytes.subarray(0, bytes.length - 100), 'cut.keras')).rejects.toThrow(/^cut\.keras: the \.keras zip archive is truncated or corrupted/);
  });

  it('a truncated legacy .h5', async () => {
    const bytes = fixtureBytes('mlp.h5');
    await expect(modelFromKerasBytes(bytes.subarray(0, 20_000), 'cut.h5')).rejects.toThrow(/^cut\.h5: the HDF5 file cannot be opened \(truncated or corrupted\)/);
  });

  it('an HDF5 file that is not a Keras model (no model_config)', async () => {
    const weightsOnly = await writeHdf5((file) => {
      file.create_group('layers');
    });
    await expect(modelFromKerasBytes(weightsOnly, 'weights.h5')).rejects.toThrow('weights.h5: the HDF5 file has no "model_config" attribute');
  });

  it('a .keras whose model.weights.h5 is not HDF5', async () => {
    const files = unzipSync(mlp());
    const bytes = zipSync({ ...files, 'model.weights.h5': strToU8('not hdf5') });
    await expect(modelFromKerasBytes(bytes, 'm.keras')).rejects.toThrow('m.keras: model.weights.h5: not an HDF5 file');
  });

  it('a .keras without config.json, or with a member it does not read', async () => {
    const { 'config.json': _config, ...rest } = unzipSync(mlp());
    await expect(modelFromKerasBytes(zipSync(rest), 'm.keras')).rejects.toThrow('m.keras: the .keras archive has no "config.json"');
    await expect(modelFromKerasBytes(zipSync({ ...unzipSync(mlp()), 'assets/vocab.txt': strToU8('a') }), 'm.keras')).rejects.toThrow(
      'm.keras: the .keras archive holds "assets/vocab.txt", which this loader does not read',
    );
  });

  it('an unsupported layer, naming its class and the supported ones', async () => {
    const bytes = withConfig((c) => {
      c.config.layers[2] = { class_name: 'LSTM', config: { name: 'lstm', units: 4 } };
    });
    const load = modelFromKerasBytes(bytes, 'm.keras');
    await expect(load).rejects.toThrow(KerasNotSupportedError);
    await expect(modelFromKerasBytes(bytes, 'm.keras')).rejects.toThrow(/^layer class "LSTM" in m\.keras layer 2 \(LSTM "lstm"\) is not supported; supported: InputLayer, Dense, Dropout/);
  });

  it('an option that would change the computation (a regularizer, an unknown key, a frozen layer)', async () => {
    const regularized = withConfig((c) => {
      c.config.layers[1].config.kernel_regularizer = { class_name: 'L2', config: { l2: 0.01 } };
    });
    await expect(modelFromKerasBytes(regularized, 'm.keras')).rejects.toThrow(NotSupportedError);
    await expect(modelFromKerasBytes(regularized, 'm.keras')).rejects.toThrow('option kernel_regularizer = {"class_name":"L2","config":{"l2":0.01}} in m.keras layer 1 (Dense "hidden") is not supported; supported: null');
    const unknown = withConfig((c) => {
      c.config.layers[2].config.fancy = 1;
    });
    await expect(modelFromKerasBytes(unknown, 'm.keras')).rejects.toThrow('option fancy = 1 in m.keras layer 2 (Dropout "dropout") is not supported; supported: no such option');
    const frozen = withConfig((c) => {
      c.config.layers[3].config.trainable = false;
    });
    await expect(modelFromKerasBytes(frozen, 'm.keras')).rejects.toThrow('option trainable = false in m.keras layer 3 (Dense "dense") is not supported; supported: true');
  });

  it('a functional model', async () => {
    const functional = withConfig((c) => {
      c.class_name = 'Functional';
    });
    await expect(modelFromKerasBytes(functional, 'f.keras')).rejects.toThrow('a functional model (class_name "Functional") in f.keras is not supported; supported: Sequential models');
  });

  it('weights of the wrong shape or number, checked before they are read', async () => {
    const wider = withConfig((c) => {
      c.config.layers[1].config.units = 17;
    });
    await expect(modelFromKerasBytes(wider, 'm.keras')).rejects.toThrow('m.keras: model.weights.h5: weights of Dense "hidden" (layers/dense/vars)/0: expected shape [8, 17], got [8, 16]');
    const noBias = withConfig((c) => {
      c.config.layers[1].config.use_bias = false;
    });
    await expect(modelFromKerasBytes(noBias, 'm.keras')).rejects.toThrow('m.keras: model.weights.h5: weights of Dense "hidden" (layers/dense/vars): expected 1 weight, found 2 (0, 1)');
  });

  it('weights no layer of the config uses', async () => {
    const shorter = withConfig((c) => {
      c.config.layers.pop();
    });
    await expect(modelFromKerasBytes(shorter, 'm.keras')).rejects.toThrow('m.keras: model.weights.h5: the weights file has groups no layer of the config uses: layers/dense_2');
  });

  it('a member whose declared size is above the limit is refused before it is inflated', async () => {
    const bytes = mlp().slice();
    // Patch the uncompressed size of config.json in the central directory (PKWARE APPNOTE 4.3.12: offset 24).
    const view = new DataView(bytes.buffer);
    let patched = 0;
    for (let i = bytes.length - 22; i >= 0 && patched === 0; i--) {
      if (view.getUint32(i, true) !== 0x06054b50) continue; // end of central directory
      let entry = view.getUint32(i + 16, true);
      for (let n = view.getUint16(i + 10, true); n > 0; n--) {
        const nameLength = view.getUint16(entry + 28, true);
        const name = strFromU8(bytes.subarray(entry + 46, entry + 46 + nameLength));
        if (name === 'model.weights.h5') {
          view.setUint32(entry + 24, 0xfffffff0, true);
          patched++;
        }
        entry += 46 + nameLength + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
      }
    }
    expect(patched).toBe(1);
    expect(0xfffffff0).toBeGreaterThan(KERAS_FILE_LIMIT_BYTES);
    await expect(modelFromKerasBytes(bytes, 'big.keras')).rejects.toThrow(`big.keras: "model.weights.h5" declares ${0xfffffff0} bytes, more than the limit of ${KERAS_FILE_LIMIT_BYTES}`);
  });
});

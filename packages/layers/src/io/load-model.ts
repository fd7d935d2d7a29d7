import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileAccessError, ModelFormatError } from '@backprop/core';
import type { Sequential } from '../model/sequential';
import { loadKerasFile } from './keras/keras-file-io';
import { isKerasName } from './keras/keras-load-target';
import { modelFromArtifacts } from './model-from-artifacts';
import { modelJsonPath, toPath } from './model-url';

export { modelFromArtifacts } from './model-from-artifacts';

/**
 * Load a model saved in the TensorFlow.js layers format — by `model.save` here, by tfjs's
 * `model.save(...)`, or converted from Keras — as `tf.loadLayersModel('file://…/model.json')` does.
 * Everything is validated before the model is returned, and every size the manifest declares is checked
 * against the bytes actually present before weights are allocated. Malformed content is a ModelFormatError
 * naming the file; a file that cannot be read is a FileAccessError naming its path and the system code.
 * The model comes back uncompiled (compile it to train or evaluate; predict works at once), seeded with
 * `seed` (default 0) for any later training. A path ending in `.keras` (Keras 3) or `.h5` / `.hdf5` (legacy
 * Keras) loads that Keras file instead (io/keras/model-from-keras.ts).
 */
export async function loadModel(url: string, options: { seed?: number } = {}): Promise<Sequential> {
  // A path ending in .keras / .h5 / .hdf5 is a Keras model file (io/keras/).
  if (isKerasName(url)) return loadKerasFile(toPath(url), options.seed);
  const path = modelJsonPath(url);
  const text = readModelFile(path, 'Cannot read model.json', 'the model.json of a model saved in the TensorFlow.js layers format');
  let json: unknown;
  try {
    json = JSON.parse(text.toString());
  } catch (error) {
    throw new ModelFormatError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const dir = dirname(path);
  return modelFromArtifacts(
    json,
    (relative) => readModelFile(join(dir, relative), 'Cannot read weights file', `a file of float32 weights, as the weightsManifest of ${JSON.stringify(path)} names it`),
    path,
    options.seed,
  );
}

/** A file's bytes; any file-system failure (ENOENT, EISDIR, ENOTDIR, EACCES, …) is a FileAccessError naming the path. */
function readModelFile(path: string, action: string, expected: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw fileAccessError(error, path, action, expected);
  }
}

import { readFileSync, statSync } from 'node:fs';
import { fileAccessError, ModelFormatError, NotSupportedError, writeFileAtomic } from '@backprop/core';
import type { Sequential } from '../../model/sequential';
import { KERAS_FILE_LIMIT_BYTES } from './keras-format';
import { kerasFileBytes } from './keras-model-writer';
import { modelFromKerasBytes } from './model-from-keras';

/**
 * Node: load a `.keras` / `.h5` file from a path. Its size is checked before it is read; a file that cannot
 * be read is a FileAccessError naming the path.
 */
export async function loadKerasFile(path: string, seed?: number): Promise<Sequential> {
  let bytes: Uint8Array;
  try {
    const { size } = statSync(path);
    if (size > KERAS_FILE_LIMIT_BYTES) throw new ModelFormatError(`${path}: ${size} bytes, more than the limit of ${KERAS_FILE_LIMIT_BYTES} bytes for a model file (KERAS_FILE_LIMIT_BYTES)`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ModelFormatError) throw error;
    throw fileAccessError(error, path, 'Cannot read Keras model file', 'a .keras file (Keras 3) or a .h5 file (legacy Keras) saved with model.save');
  }
  return modelFromKerasBytes(bytes, path, seed);
}

/**
 * Node: `model.save('m.keras')` — a Keras 3 file, written atomically (a temporary sibling renamed over the
 * target), so a crash or a full disk leaves the previous file whole. The whole file is built in memory
 * first: a model the format cannot hold fails before the file system is touched. Legacy `.h5` is read,
 * not written (Keras itself calls it legacy).
 */
export async function saveKerasFile(model: Sequential, path: string): Promise<void> {
  if (!/\.keras$/i.test(path)) {
    throw new NotSupportedError(`model.save(${JSON.stringify(path)})`, 'writing the legacy .h5 format (save as "<name>.keras", which Keras 3 and loadModel read)');
  }
  const bytes = await kerasFileBytes(model);
  writeFileAtomic(path, bytes, { what: 'Keras model file' });
}

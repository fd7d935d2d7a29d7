import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ModelFormatError } from '@backprop/core';
import type { Sequential } from '../model/sequential';
import { modelFromArtifacts } from './model-from-artifacts';
import { modelJsonPath } from './model-url';

export { modelFromArtifacts } from './model-from-artifacts';

/**
 * Load a model saved in the TensorFlow.js layers format — by `model.save` here, by tfjs's
 * `model.save(...)`, or converted from Keras — as `tf.loadLayersModel('file://…/model.json')` does.
 * Everything is validated before the model is returned; problems are ModelFormatErrors naming the file.
 * The model comes back uncompiled (compile it to train or evaluate; predict works at once), seeded with
 * `seed` (default 0) for any later training.
 */
export async function loadModel(url: string, options: { seed?: number } = {}): Promise<Sequential> {
  const path = modelJsonPath(url);
  const text = readModelFile(path, path);
  let json: unknown;
  try {
    json = JSON.parse(text.toString());
  } catch (error) {
    throw new ModelFormatError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const dir = dirname(path);
  return modelFromArtifacts(json, (relative) => readModelFile(join(dir, relative), path), path, options.seed);
}

function readModelFile(path: string, modelJson: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ModelFormatError(`${modelJson}: file ${path} does not exist`);
    throw error;
  }
}

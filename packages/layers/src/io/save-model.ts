import type { Sequential } from '../model/sequential';
import { modelArtifacts } from './model-json';
import { modelDirectory } from './model-url';
import { weightsFileName, writeModelFolder } from './model-folder';
import { saveKerasFile } from './keras/keras-file-io';
import { isKerasName } from './keras/keras-load-target';
import { toPath } from './model-url';

/**
 * Write a model in the TensorFlow.js layers format: `<dir>/model.json` and the weights file its manifest
 * names (`weights.<hash>.bin`), which `tf.loadLayersModel` (and `loadModel` here) read back. The save is
 * all-or-nothing for the pair (see `writeModelFolder`): after a crash or a full disk, the folder loads as
 * the previous model or the new one. Everything the format cannot hold — an unsupported activation,
 * non-finite weights — throws before any file is touched. Other files in the directory are left alone.
 */
export async function saveModel(model: Sequential, url: string): Promise<void> {
  // `m.keras`: one Keras 3 file instead of a folder (io/keras/keras-file-io.ts).
  if (isKerasName(url)) return saveKerasFile(model, toPath(url));
  const dir = modelDirectory(url);
  const plan = model.plan();
  const weights = await model.getWeightsAsync();
  const { json, bin } = modelArtifacts(model.name, model.layers, plan, weights, weightsFileName);
  writeModelFolder(dir, json, bin, json.weightsManifest[0].paths[0]);
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '@backprop/core';
import type { Sequential } from '../model/sequential';
import { modelArtifacts, WEIGHTS_FILE } from './model-json';
import { modelDirectory } from './model-url';

/**
 * Write a model in the TensorFlow.js layers format: `<dir>/model.json` and `<dir>/weights.bin`, which
 * `tf.loadLayersModel` (and `loadModel` here) read back. Each file is written to a temporary sibling,
 * flushed and renamed over the target, so no reader ever sees a half-written file; weights.bin goes
 * first, so a model.json on disk always finds weights of its own shape. Other files in the directory
 * are left alone, as tfjs-node's `file://` handler does.
 */
export async function saveModel(model: Sequential, url: string): Promise<void> {
  const dir = modelDirectory(url);
  const plan = model.plan();
  const weights = await model.getWeightsAsync();
  // Building the JSON first throws for anything the format cannot hold, before any file is touched.
  const { json, bin } = modelArtifacts(model.name, model.layers, plan, weights);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(join(dir, WEIGHTS_FILE), bin);
  writeFileAtomic(join(dir, 'model.json'), `${JSON.stringify(json, null, 2)}\n`);
}

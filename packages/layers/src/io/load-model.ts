import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileAccessError, ModelFormatError } from '@backprop/core';
import type { WeightArray } from '../model/keras-weights';
import { Sequential } from '../model/sequential';
import { parseTopology } from './model-topology';
import { modelJsonPath } from './model-url';
import { readManifestWeights } from './weights-manifest';

/**
 * Load a model saved in the TensorFlow.js layers format — by `model.save` here, by tfjs's
 * `model.save(...)`, or converted from Keras — as `tf.loadLayersModel('file://…/model.json')` does.
 * Everything is validated before the model is returned, and every size the manifest declares is checked
 * against the bytes actually present before weights are allocated. Malformed content is a ModelFormatError
 * naming the file; a file that cannot be read is a FileAccessError naming its path and the system code.
 * The model comes back uncompiled (compile it to train or evaluate; predict works at once), seeded with
 * `seed` (default 0) for any later training.
 */
export async function loadModel(url: string, options: { seed?: number } = {}): Promise<Sequential> {
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

/**
 * Build a model from a parsed model.json and a reader for its weight files (paths relative to the
 * model.json). `loadModel` uses it with the file system; tests and other stores can pass their own.
 */
export function modelFromArtifacts(json: unknown, readFile: (relativePath: string) => Uint8Array, file = 'model.json', seed?: number): Sequential {
  if (json === null || typeof json !== 'object') throw new ModelFormatError(`${file}: expected a JSON object, got ${JSON.stringify(json)}`);
  const { format, modelTopology, weightsManifest } = json as Record<string, unknown>;
  if (format !== undefined && format !== 'layers-model') {
    throw new ModelFormatError(`${file}: format must be "layers-model", got ${JSON.stringify(format)} (graph models are not supported)`);
  }
  const topology = parseTopology(modelTopology, file);
  let model: Sequential;
  try {
    model = new Sequential({ name: topology.name, layers: topology.layers, seed });
    model.plan();
  } catch (error) {
    // A topology that parses but cannot be built (no input shape, Dropout first, …) is a format problem here.
    if (error instanceof ModelFormatError) throw error;
    throw new ModelFormatError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const weights = readManifestWeights(weightsManifest, readFile, file);
  const ordered: WeightArray[] = [];
  const used = new Set<string>();
  for (const { layer, inputs } of model.plan().dense) {
    const tensors: [string, number[]][] = [[`${layer.name}/kernel`, [inputs, layer.units]]];
    if (layer.useBias) tensors.push([`${layer.name}/bias`, [layer.units]]);
    for (const [name, shape] of tensors) {
      const weight = weights.get(name);
      if (!weight) throw new ModelFormatError(`${file}: weight "${name}" of Dense "${layer.name}" is missing from the manifest (it lists: ${[...weights.keys()].join(', ')})`);
      if (weight.shape.length !== shape.length || weight.shape.some((d, i) => d !== shape[i])) {
        throw new ModelFormatError(`${file}: weight "${name}" has shape [${weight.shape.join(', ')}] in the manifest, but Dense "${layer.name}" needs [${shape.join(', ')}]`);
      }
      ordered.push(weight.values);
      used.add(name);
    }
  }
  const unused = [...weights.keys()].filter((name) => !used.has(name));
  if (unused.length > 0) throw new ModelFormatError(`${file}: the manifest has weights no layer uses: ${unused.join(', ')}`);
  model.setWeights(ordered);
  return model;
}

/** A file's bytes; any file-system failure (ENOENT, EISDIR, ENOTDIR, EACCES, …) is a FileAccessError naming the path. */
function readModelFile(path: string, action: string, expected: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw fileAccessError(error, path, action, expected);
  }
}

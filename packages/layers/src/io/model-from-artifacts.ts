import { ModelFormatError } from '@backprop/core';
import type { WeightArray } from '../model/keras-weights';
import { Sequential } from '../model/sequential';
import { parseTopology } from './model-topology';
import { readManifestWeights } from './weights-manifest';

/**
 * Build a model from a parsed model.json and a reader for its weight files (paths relative to the
 * model.json). `loadModel` uses it with the file system and with every IO handler; tests and other stores can pass their own.
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
  for (const { layer, name, shape } of model.plan().weights) {
    const weight = weights.get(name);
    const owner = `${layer.className} "${layer.name}"`;
    if (!weight) throw new ModelFormatError(`${file}: weight "${name}" of ${owner} is missing from the manifest (it lists: ${[...weights.keys()].join(', ')})`);
    if (weight.shape.length !== shape.length || weight.shape.some((d, i) => d !== shape[i])) {
      throw new ModelFormatError(`${file}: weight "${name}" has shape [${weight.shape.join(', ')}] in the manifest, but ${owner} needs [${shape.join(', ')}]`);
    }
    ordered.push(weight.values);
    used.add(name);
  }
  const unused = [...weights.keys()].filter((name) => !used.has(name));
  if (unused.length > 0) throw new ModelFormatError(`${file}: the manifest has weights no layer uses: ${unused.join(', ')}`);
  model.setWeights(ordered);
  return model;
}

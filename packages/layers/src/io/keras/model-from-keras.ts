import { ModelFormatError } from '@backprop/core';
import { Sequential } from '../../model/sequential';
import { kerasFileCodecs } from '../keras-files';
import { isHdf5 } from './hdf5-nodes';
import { isZip, WEIGHTS_FILE } from './keras-format';
import { kerasModelTopology } from './keras-model-config';
import { type KerasLayerRef, readKeras3Weights, readLegacyH5Weights } from './read-keras-weights';
import { weightSlotsByLayer } from './keras-weight-slots';

/** True for bytes that look like a Keras model file: a `.keras` zip or an HDF5 `.h5`. */
export function isKerasFile(bytes: Uint8Array): boolean {
  return isZip(bytes) || isHdf5(bytes);
}

/**
 * A Keras model file's bytes → a Sequential that predicts as Keras did: a Keras 3 `.keras` (zip of
 * config.json, metadata.json, model.weights.h5) or a legacy `.h5` (Keras 2 / tf.keras, or Keras 3's
 * `model.save('m.h5')`), told apart by their first bytes. `source` names the file in errors. Unsupported
 * layers, options and functional models are a KerasNotSupportedError; a damaged file a ModelFormatError.
 * The model is uncompiled and seeded with `seed` for later training.
 */
export async function modelFromKerasBytes(bytes: Uint8Array, source: string, seed?: number): Promise<Sequential> {
  const { readHdf5, readKerasArchive } = kerasFileCodecs(`loadModel(${JSON.stringify(source)})`);
  if (isZip(bytes)) {
    const archive = readKerasArchive(bytes, source);
    const { model, refs, shapes } = buildModel(archive.config, source, seed);
    const weights = await readHdf5(archive.weights, `${source}: ${WEIGHTS_FILE}`, (file) => readKeras3Weights(file, refs, shapes, `${source}: ${WEIGHTS_FILE}`));
    model.setWeights(weights);
    return model;
  }
  if (isHdf5(bytes)) {
    const { model, weights } = await readHdf5(bytes, source, (file) => {
      const attr = file.attrs.model_config;
      if (!attr) throw new ModelFormatError(`${source}: the HDF5 file has no "model_config" attribute, so it is not a Keras model file (a file of weights only cannot be loaded as a model)`);
      const text = attr.value;
      if (typeof text !== 'string') throw new ModelFormatError(`${source}: the "model_config" attribute must be a JSON string`);
      let config: unknown;
      try {
        config = JSON.parse(text);
      } catch (error) {
        throw new ModelFormatError(`${source}: the "model_config" attribute is not valid JSON (${(error as Error).message})`);
      }
      const built = buildModel(config, source, seed);
      return { model: built.model, weights: readLegacyH5Weights(file, built.refs, built.shapes, source) };
    });
    model.setWeights(weights);
    return model;
  }
  throw new ModelFormatError(`${source}: not a Keras model file (a .keras file is a zip archive starting with "PK", a legacy .h5 an HDF5 file starting with "\\x89HDF")`);
}

function buildModel(config: unknown, source: string, seed: number | undefined) {
  const topology = kerasModelTopology(config, source);
  // Keras's class of each built layer (LeakyReLU loads as an Activation, but its weights group is named after LeakyReLU).
  const classes = ((config as { config: { layers: { class_name: string }[] } }).config.layers ?? [])
    .map((layer) => layer.class_name)
    .filter((className) => className !== 'InputLayer');
  let model: Sequential;
  try {
    model = new Sequential({ name: topology.name, layers: topology.layers, seed });
    model.plan();
  } catch (error) {
    if (error instanceof ModelFormatError) throw error;
    throw new ModelFormatError(`${source}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const refs: KerasLayerRef[] = model.layers.map((layer, i) => ({ className: classes[i], name: layer.name }));
  const shapes = new Map([...weightSlotsByLayer(model.plan())].map(([name, slots]) => [name, slots.map((slot) => slot.shape)]));
  return { model, refs, shapes };
}

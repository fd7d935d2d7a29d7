import { findNonFinite, NonFiniteWeightError } from '@backprop/core';
import type { Sequential } from '../../model/sequential';
import { LAYERS_VERSION, type LayerJson, layersJson } from '../model-json';
import { kerasFileCodecs } from '../keras-files';
import { kerasSnakeCase } from './keras-layer-table';
import { weightSlotsByLayer } from './keras-weight-slots';

/** The Keras format version written into metadata.json: the oldest Keras that reads these files. */
export const KERAS_FORMAT_VERSION = '3.0.0';

/**
 * A Keras 3 `.keras` file of a model — what `keras.saving.load_model` opens and predicts with (tested
 * through Python in keras-round-trip.test.ts): config.json in Keras 3's serialization (`module`,
 * `class_name`, `config`, `registered_name`), metadata.json, and model.weights.h5 laid out as saving_lib
 * writes it. The layer configs are the tfjs format's (`layersJson`, one writer for both formats) with
 * Keras 3's wrapping; the input shape becomes an explicit InputLayer, as Keras 3 writes a Sequential.
 * Non-finite weights are a NonFiniteWeightError before anything is produced.
 */
export async function kerasFileBytes(model: Sequential): Promise<Uint8Array> {
  const { writeHdf5, writeKerasArchive } = kerasFileCodecs(`saving model ${JSON.stringify(model.name)} as a .keras file`);
  const plan = model.plan();
  const keras2 = layersJson(model.layers);
  const layers: Record<string, unknown>[] = [];
  if (keras2[0]?.class_name !== 'InputLayer') {
    layers.push(kerasLayer({ class_name: 'InputLayer', config: { batch_shape: [null, ...plan.inputShape], dtype: 'float32', sparse: false, name: 'input_layer' } }));
  }
  for (const layer of keras2) layers.push(kerasLayer(layer));
  const config = {
    module: 'keras',
    class_name: 'Sequential',
    config: { name: model.name, trainable: true, dtype: 'float32', layers },
    registered_name: null,
    build_config: { input_shape: [null, ...plan.inputShape] },
  };
  const weights = weightsByLayer(model);
  const h5 = await writeHdf5((file) => {
    const root = file.create_group('layers');
    const used = new Map<string, number>();
    for (const layer of keras2) {
      if (layer.class_name === 'InputLayer') continue; // Keras 3's Sequential.layers leaves it out
      const base = kerasSnakeCase(layer.class_name);
      const count = used.get(base);
      used.set(base, count === undefined ? 0 : count + 1);
      const group = root.create_group(count === undefined ? base : `${base}_${count + 1}`);
      const vars = group.create_group('vars');
      const name = String(layer.config.name);
      vars.create_attribute('name', name);
      (weights.get(name) ?? []).forEach(({ shape, values }, i) => {
        vars.create_dataset({ name: String(i), data: values, shape, dtype: '<f' });
      });
    }
    file.create_group('vars').create_attribute('name', model.name);
  });
  return writeKerasArchive({
    config,
    metadata: { keras_version: KERAS_FORMAT_VERSION, generated_by: `@backprop/layers v${LAYERS_VERSION}`, date_saved: kerasDate(new Date()) },
    weights: h5,
  });
}

/** A Keras 2 / tfjs layer JSON in Keras 3's serialization: initializers get their module, the input shape is `batch_shape`. */
function kerasLayer(layer: LayerJson): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(layer.config)) {
    if (key === 'batch_input_shape') {
      if (layer.class_name === 'InputLayer') config.batch_shape = value;
      continue; // on another layer, the InputLayer written before it carries the shape
    }
    if (key === 'alpha' && layer.class_name === 'LeakyReLU') {
      config.negative_slope = value; // Keras 3's name; `alpha` is deprecated there
      continue;
    }
    config[key] = key.endsWith('_initializer') && value !== null && typeof value === 'object' ? { module: 'keras.initializers', ...value, registered_name: null } : value;
  }
  return { module: 'keras.layers', class_name: layer.class_name, config, registered_name: null };
}

/** Each layer's weights with their shapes, by layer name, in `layer.weights` order; non-finite values refused. */
function weightsByLayer(model: Sequential): Map<string, { shape: number[]; values: Float32Array }[]> {
  const slots = weightSlotsByLayer(model.plan());
  const arrays = model.getWeights().map((w) => (w instanceof Float32Array ? w : w.data));
  const out = new Map<string, { shape: number[]; values: Float32Array }[]>();
  let next = 0;
  for (const layer of model.layers) {
    const list = (slots.get(layer.name) ?? []).map(({ name, shape }) => {
      const values = arrays[next++];
      const bad = findNonFinite(values);
      if (bad) throw new NonFiniteWeightError(`${layer.className} ${JSON.stringify(layer.name)}`, name, bad.index, bad.value, bad.count);
      return { shape, values };
    });
    if (list.length > 0) out.set(layer.name, list);
  }
  return out;
}

/** Keras's `date_saved` format, `%Y-%m-%d@%H:%M:%S` (UTC here). */
function kerasDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', '@');
}

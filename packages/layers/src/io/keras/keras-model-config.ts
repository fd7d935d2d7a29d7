import { ModelFormatError } from '@backprop/core';
import { parseTopology, type Topology } from '../model-topology';
import { KerasNotSupportedError } from './keras-errors';
import { KERAS_LAYERS, kerasLayerClassNames, unsupportedOption } from './keras-layer-table';

/**
 * The layers of a Keras model config — `config.json` of a `.keras` file (Keras 3: `module`,
 * `registered_name`, `build_config` around each `{ class_name, config }`) or the `model_config` attribute of
 * a legacy `.h5` (Keras 2 / tf.keras). Only Sequential models; every layer class and option is checked
 * against the table in keras-layer-table.ts before the layers are built by the tfjs format's
 * `parseTopology` (one reader for both formats). Porting note: `compile_config` / `training_config` is
 * not read — the model comes back uncompiled, as `tf.loadLayersModel` returns it too.
 */
export function kerasModelTopology(config: unknown, source: string): Topology {
  const model = asObject(config, `${source}: the model config`);
  if (model.class_name !== 'Sequential') {
    const kind = model.class_name === 'Functional' || model.class_name === 'Model' ? `a functional model (class_name ${JSON.stringify(model.class_name)})` : `a model of class_name ${JSON.stringify(model.class_name)}`;
    throw new KerasNotSupportedError(source, kind, 'Sequential models');
  }
  if (model.module !== undefined && model.module !== 'keras' && model.module !== 'keras.models') {
    throw new KerasNotSupportedError(source, `a Sequential subclass from module ${JSON.stringify(model.module)}`, 'keras.Sequential');
  }
  const body = asObject(model.config, `${source}: the Sequential config`);
  if (!Array.isArray(body.layers)) throw new ModelFormatError(`${source}: the Sequential config has no list of layers`);
  body.layers.forEach((entry, index) => {
    const layer = asObject(entry, `${source}: layer ${index}`);
    const className = String(layer.class_name);
    const cfg = asObject(layer.config, `${source}: layer ${index} (${className}) config`);
    const where = `${source} layer ${index} (${className} ${JSON.stringify(cfg.name)})`;
    if (!Object.hasOwn(KERAS_LAYERS, className)) throw new KerasNotSupportedError(where, `layer class ${JSON.stringify(className)}`, kerasLayerClassNames.join(', '));
    if (layer.module !== undefined && layer.module !== 'keras.layers' && layer.module !== null) {
      throw new KerasNotSupportedError(where, `a layer from module ${JSON.stringify(layer.module)}`, 'the built-in keras.layers');
    }
    const bad = unsupportedOption(className, cfg);
    if (bad) throw new KerasNotSupportedError(where, `option ${bad.key} = ${JSON.stringify(bad.value)}`, bad.expected);
  });
  return parseTopology({ class_name: 'Sequential', config: { name: body.name, layers: body.layers } }, source);
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ModelFormatError(`${what} must be a JSON object, got ${JSON.stringify(value)?.slice(0, 80)}`);
  return value as Record<string, unknown>;
}

import { findNonFinite, NonFiniteWeightError } from '@backprop/core';
import type { ActivationLayer } from '../layers/activation';
import type { DenseLayer } from '../layers/dense';
import { denseRegularizationJson } from './regularizer-json';
import type { DropoutLayer } from '../layers/dropout';
import type { Layer } from '../layers/layer';
import type { ReshapeLayer } from '../layers/reshape';
import type { WeightArray } from '../model/keras-weights';
import type { ModelPlan } from '../model/model-plan';
import { type KerasActivationLayer, kerasActivation, kerasActivationLayer, kerasInitializer } from './keras-names';
import { spatialLayerJson } from './spatial-layers-json';

/**
 * The TensorFlow.js layers format (tfjs-layers `LayersModel.save`, tfjs-core `io.ModelJSON`): a
 * `model.json` with the Keras topology and a weights manifest, next to binary weight files holding
 * little-endian float32 values in manifest order.
 */
export interface ModelJson {
  modelTopology: {
    class_name: 'Sequential';
    config: { name: string; layers: LayerJson[] };
    keras_version: string;
    backend: string;
  };
  format: 'layers-model';
  generatedBy: string;
  convertedBy: null;
  weightsManifest: WeightsManifestGroup[];
}

export interface LayerJson {
  class_name: string;
  config: Record<string, unknown>;
}

export interface WeightsManifestEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
}

export interface WeightsManifestGroup {
  paths: string[];
  weights: WeightsManifestEntry[];
}

/** Version written into `generatedBy` / `keras_version`. */
export const LAYERS_VERSION = '0.1.0';
/** The weights file name tfjs-node writes, and the one this package wrote before it named files by content. */
export const WEIGHTS_FILE = 'weights.bin';

/**
 * Keras's configs of a layer list, with Keras's snake_case keys; the first carries `batch_input_shape`.
 * A leakyRelu or elu(α ≠ 1) activation becomes its own `LeakyReLU` / `ELU` layer, as Keras writes it:
 * after its Dense (then linear), with a Keras-style name unused in the model (`leaky_re_lu`, `elu_1`, …),
 * or in place of an `Activation` layer, under that layer's name.
 */
export function layersJson(layers: readonly Layer[]): LayerJson[] {
  const used = new Set(layers.map((layer) => layer.name));
  const out: LayerJson[] = [];
  layers.forEach((layer, i) => {
    // The first layer carries the input shape, as Keras writes a Sequential built with input_shape.
    const input = i === 0 && layer.inputShape && layer.className !== 'InputLayer' ? { batch_input_shape: [null, ...layer.inputShape] } : {};
    const common = { name: layer.name, trainable: true, dtype: 'float32', ...input };
    const spatial = spatialLayerJson(layer, common);
    if (spatial) {
      out.push(spatial.config);
      if (spatial.activationLayer) out.push(activationLayerJson(spatial.activationLayer, unusedName(spatial.activationLayer.prefix, used)));
      return;
    }
    switch (layer.className) {
      case 'Dense': {
        const dense = layer as DenseLayer;
        const separate = kerasActivationLayer(dense.activation);
        out.push({
          class_name: 'Dense',
          config: {
            units: dense.units,
            activation: separate ? 'linear' : kerasActivation(dense.activation, dense.name),
            use_bias: dense.useBias,
            kernel_initializer: kerasInitializer(dense.kernelInitializer),
            bias_initializer: kerasInitializer(dense.biasInitializer),
            ...denseRegularizationJson(dense.regularization),
            ...common,
          },
        });
        if (separate) out.push(activationLayerJson(separate, unusedName(separate.prefix, used)));
        break;
      }
      case 'Dropout':
        out.push({ class_name: 'Dropout', config: { rate: (layer as DropoutLayer).rate, noise_shape: null, seed: null, ...common } });
        break;
      case 'Flatten':
        out.push({ class_name: 'Flatten', config: { data_format: 'channels_last', ...common } });
        break;
      case 'Reshape':
        out.push({ class_name: 'Reshape', config: { target_shape: [...(layer as ReshapeLayer).targetShape], ...common } });
        break;
      case 'InputLayer':
        out.push({ class_name: 'InputLayer', config: { batch_input_shape: [null, ...layer.inputShape!], dtype: 'float32', sparse: false, name: layer.name } });
        break;
      case 'Activation': {
        const { activation } = layer as ActivationLayer;
        const separate = kerasActivationLayer(activation);
        out.push(separate ? activationLayerJson(separate, layer.name) : { class_name: 'Activation', config: { activation: kerasActivation(activation, layer.name), ...common } });
        break;
      }
    }
  });
  return out;
}

/** `LeakyReLU` / `ELU` config: `alpha` is the name Keras 2, tfjs and (with a deprecation warning) Keras 3 read. */
function activationLayerJson(layer: KerasActivationLayer, name: string): LayerJson {
  return { class_name: layer.className, config: { alpha: layer.alpha, name, trainable: true, dtype: 'float32' } };
}

/** `prefix`, else `prefix_1`, `prefix_2`, … — the first not in `used`, which it is then added to. */
function unusedName(prefix: string, used: Set<string>): string {
  let name = prefix;
  for (let n = 1; used.has(name); n++) name = `${prefix}_${n}`;
  used.add(name);
  return name;
}

/**
 * model.json for a model, and the bytes of its weights file in manifest order. `weightsPath` names that
 * file from its bytes (the folder writer names it after their hash); default `weights.bin`. Non-finite
 * weights are a NonFiniteWeightError naming the layer and weight: the loaders refuse them, so they are
 * refused here, before anything is written.
 */
export function modelArtifacts(
  name: string,
  layers: readonly Layer[],
  plan: ModelPlan,
  weights: readonly WeightArray[],
  weightsPath: (bin: Uint8Array) => string = () => WEIGHTS_FILE,
): { json: ModelJson; bin: Uint8Array } {
  const entries: WeightsManifestEntry[] = [];
  const owners: string[] = [];
  for (const { layer, inputs } of plan.dense) {
    entries.push({ name: `${layer.name}/kernel`, shape: [inputs, layer.units], dtype: 'float32' });
    owners.push(layer.name);
    if (layer.useBias) {
      entries.push({ name: `${layer.name}/bias`, shape: [layer.units], dtype: 'float32' });
      owners.push(layer.name);
    }
  }
  const arrays = weights.map((w) => (w instanceof Float32Array ? w : w.data));
  arrays.forEach((values, i) => {
    const bad = findNonFinite(values);
    if (bad) throw new NonFiniteWeightError(`Dense ${JSON.stringify(owners[i])}`, entries[i]?.name ?? `weight ${i}`, bad.index, bad.value, bad.count);
  });
  const total = arrays.reduce((n, w) => n + w.length, 0);
  const bin = new Uint8Array(total * 4);
  const view = new DataView(bin.buffer);
  let offset = 0;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i++, offset += 4) view.setFloat32(offset, values[i], true);
  }
  const json: ModelJson = {
    modelTopology: {
      class_name: 'Sequential',
      config: { name, layers: layersJson(layers) },
      keras_version: `backprop-layers ${LAYERS_VERSION}`,
      backend: 'backprop',
    },
    format: 'layers-model',
    generatedBy: `@backprop/layers v${LAYERS_VERSION}`,
    convertedBy: null,
    weightsManifest: [{ paths: [weightsPath(bin)], weights: entries }],
  };
  return { json, bin };
}

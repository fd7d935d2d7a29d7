import { ArgumentError, activationSpec, type LayerConfig, type LayerWeights, ShapeError } from '@backprop/core';
import type { ModelSpec } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import { tfjsActivation, tfjsActivationLayer } from './activation-mapping';
import { tfjsSpatialLayers } from './spatial-layer-mapping';
import { denseRegularization } from './tfjs-regularizers';
import { writeDenseWeights } from './tfjs-weights';

/** One layer config of the description in tfjs: the tfjs layers it became, and the one holding its weights. */
export interface TfjsLayerGroup {
  readonly config: LayerConfig;
  /** Empty for an InputLayer (its shape goes to the first tfjs layer). */
  readonly layers: readonly tf.layers.Layer[];
  /** The Dense holding the group's weights, or null. */
  readonly dense: tf.layers.Layer | null;
}

/** A built model and where each layer config ended up in it. */
export interface TfjsModelParts {
  readonly model: tf.Sequential;
  readonly groups: readonly TfjsLayerGroup[];
}

/**
 * Build the `tf.sequential` equivalent of a model description, config by config with `tf.layers.*`: Dense (plus
 * a LeakyReLU / ELU layer where a tfjs Dense cannot take the activation's α), Activation, Dropout, Flatten,
 * Reshape; an InputLayer's shape goes to the first layer. The model holds `weights` (default the spec's initial
 * ones). Call `initTfjs()` first to choose the backend the tensors live on.
 */
export function buildTfjsModel(spec: ModelSpec, weights: readonly LayerWeights[] = spec.initialWeights): TfjsModelParts {
  checkSpec(spec, weights);
  // Everything that can throw on bad input (activation mapping) runs before any tensor exists.
  for (const layer of spec.layers) {
    if (layer.className === 'Dense') tfjsActivation(activationSpec(layer.config.activation ?? 'linear'));
    if (layer.className === 'Activation') tfjsActivation(activationSpec(layer.config.activation));
    if (layer.className === 'Conv2D') tfjsActivation(activationSpec(layer.config.activation ?? 'linear'));
  }
  const model = tf.sequential();
  const groups: TfjsLayerGroup[] = [];
  let inputShape: number[] | null = [...spec.inputShape];
  const add = (layer: tf.layers.Layer) => model.add(layer);
  try {
    spec.layers.forEach((layer, i) => {
      const name = layer.config.name ?? `${layer.className.toLowerCase()}_${i}`;
      // The first tfjs layer gets the input shape (Keras's `input_shape` on the first layer of a Sequential).
      const first = (): { inputShape?: number[] } => {
        const shape = inputShape;
        inputShape = null;
        return shape ? { inputShape: shape } : {};
      };
      const made: tf.layers.Layer[] = [];
      let dense: tf.layers.Layer | null = null;
      switch (layer.className) {
        case 'InputLayer':
          break;
        case 'Dense': {
          const { config } = layer;
          const plan = tfjsActivation(activationSpec(config.activation ?? 'linear'));
          dense = tf.layers.dense({
            units: config.units,
            activation: plan.denseActivation,
            useBias: config.useBias ?? true,
            name,
            // The weights are overwritten below; zeros spend no random numbers.
            kernelInitializer: 'zeros',
            ...denseRegularization(config),
            ...first(),
          });
          made.push(dense, ...plan.extraLayers(name));
          break;
        }
        case 'Activation':
          made.push(tfjsActivationLayer(activationSpec(layer.config.activation), { name, ...first() }));
          break;
        case 'Dropout':
          // In training the backend multiplies by the facade's mask instead of calling this layer (see TfjsBackend).
          made.push(tf.layers.dropout({ rate: layer.config.rate, name, ...first() }));
          break;
        case 'Flatten':
          made.push(tf.layers.flatten({ name, ...first() }));
          break;
        case 'Reshape':
          made.push(tf.layers.reshape({ targetShape: [...layer.config.targetShape], name, ...first() }));
          break;
        default:
          made.push(...(tfjsSpatialLayers(layer, { name, ...first() }) ?? []));
      }
      for (const l of made) add(l);
      groups.push({ config: layer, layers: made, dense });
    });
    groups
      .filter((g) => g.dense)
      .forEach((group, i) => writeDenseWeights(group.dense!, weights[i], `layer ${i} ("${group.dense!.name}")`));
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { model, groups };
}

/** The tfjs `LayersModel` of a spec, holding the given weights. */
export function specToTfjsModel(spec: ModelSpec, weights: readonly LayerWeights[] = spec.initialWeights): tf.Sequential {
  return buildTfjsModel(spec, weights).model;
}

function checkSpec(spec: ModelSpec, weights: readonly LayerWeights[]): void {
  if (!Array.isArray(spec.inputShape) || spec.inputShape.length === 0 || !spec.inputShape.every((d) => Number.isInteger(d) && d > 0)) {
    throw new ArgumentError(`model spec inputShape must be a list of positive integers, got ${JSON.stringify(spec.inputShape)}`);
  }
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) {
    throw new ArgumentError(`model spec needs at least one layer, got ${spec.layers?.length ?? 0}`);
  }
  const dense = spec.layers.filter((l) => l.className === 'Dense').length;
  if (weights.length !== dense) {
    throw new ShapeError(`model spec has ${dense} Dense layers, expected weights for each, got ${weights.length}`);
  }
}

import { ArgumentError, type LayerWeights, ShapeError } from '@backprop/core';
import type { DenseLayerSpec, ModelSpec } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import { tfjsActivation } from './activation-mapping';
import { writeDenseWeights } from './tfjs-weights';

/** One spec layer in tfjs: the Dense, the layers that finish its activation, and its dropout. */
export interface TfjsLayerGroup {
  readonly spec: DenseLayerSpec;
  readonly dense: tf.layers.Layer;
  readonly activationLayers: readonly tf.layers.Layer[];
  readonly dropout: tf.layers.Layer | null;
}

/** A built model and where each spec layer ended up in it. */
export interface TfjsModelParts {
  readonly model: tf.Sequential;
  readonly groups: readonly TfjsLayerGroup[];
}

/**
 * Build the `tf.sequential` equivalent of a model spec — Dense layers (with extra LeakyReLU / ELU layers where a
 * tfjs Dense cannot take the activation's α, and Dropout layers) — holding `weights` (default the spec's initial ones).
 * Call `initTfjs()` first to choose the backend the tensors live on.
 */
export function buildTfjsModel(spec: ModelSpec, weights: readonly LayerWeights[] = spec.initialWeights): TfjsModelParts {
  checkSpec(spec, weights);
  // Everything that can throw on bad input (activation mapping) runs before any tensor exists.
  const plans = spec.layers.map((layer) => tfjsActivation(layer.activation));
  const model = tf.sequential();
  const groups: TfjsLayerGroup[] = [];
  try {
    spec.layers.forEach((layer, i) => {
      const dense = tf.layers.dense({
        units: layer.units,
        activation: plans[i].denseActivation,
        useBias: layer.useBias,
        name: layer.name,
        // The weights are overwritten below; zeros spend no random numbers.
        kernelInitializer: 'zeros',
        ...(i === 0 ? { inputShape: [spec.inputSize] } : {}),
      });
      model.add(dense);
      const activationLayers = plans[i].extraLayers(layer.name);
      for (const extra of activationLayers) model.add(extra);
      let dropout: tf.layers.Layer | null = null;
      if (layer.dropoutRate > 0) {
        dropout = tf.layers.dropout({ rate: layer.dropoutRate, seed: spec.seed, name: `${layer.name}_dropout` });
        model.add(dropout);
      }
      groups.push({ spec: layer, dense, activationLayers, dropout });
    });
    groups.forEach((group, i) => writeDenseWeights(group.dense, weights[i], `layer ${i} ("${group.spec.name}")`));
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
  if (!Number.isInteger(spec.inputSize) || spec.inputSize <= 0) {
    throw new ArgumentError(`model spec inputSize must be a positive integer, got ${spec.inputSize}`);
  }
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) {
    throw new ArgumentError(`model spec needs at least one dense layer, got ${spec.layers?.length ?? 0}`);
  }
  spec.layers.forEach((layer, i) => {
    if (!Number.isInteger(layer.units) || layer.units <= 0) {
      throw new ArgumentError(`layer ${i} ("${layer.name}") units must be a positive integer, got ${layer.units}`);
    }
    if (!(layer.dropoutRate >= 0 && layer.dropoutRate < 1)) {
      throw new ArgumentError(`layer ${i} ("${layer.name}") dropoutRate must be in [0, 1), got ${layer.dropoutRate}`);
    }
  });
  if (weights.length !== spec.layers.length) {
    throw new ShapeError(`model spec has ${spec.layers.length} layers, expected weights for each, got ${weights.length}`);
  }
}

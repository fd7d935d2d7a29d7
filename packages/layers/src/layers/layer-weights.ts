import { ShapeError } from '@backprop/core';
import type { WeightArray, WeightInput } from '../model/keras-weights';
import { ModelStateError } from '../model/model-state-error';
import type { Layer } from './layer';
import type { LayerOwner } from './layer-owner';

export type { WeightArray, WeightInput };

/** The owner of a layer and the positions of the layer's weights in its `getWeights` list, or null when it has none yet. */
function placeOf(layer: Layer): { owner: LayerOwner; indices: number[] } | null {
  const owner = layer.owner;
  if (!owner?.layers.includes(layer)) return null;
  let weights: ReturnType<LayerOwner['plan']>['weights'];
  try {
    weights = owner.plan().weights;
  } catch (error) {
    // A model without its input shape yet cannot be built: its layers have no weights (an unbuilt Keras layer).
    if (error instanceof ModelStateError) return null;
    throw error;
  }
  const indices = weights.flatMap((w, i) => (w.layer === layer ? [i] : []));
  return { owner, indices };
}

/** `layer.getWeights(trainableOnly)`: the layer's slice of its model's `getWeights()`. */
export function layerWeightsOf(layer: Layer, trainableOnly: boolean): WeightArray[] {
  const place = placeOf(layer);
  if (!place || (trainableOnly && !layer.trainable)) return [];
  const all = place.owner.getWeights();
  const specs = place.owner.plan().weights;
  return place.indices.filter((i) => !trainableOnly || specs[i].trainable).map((i) => all[i]);
}

/**
 * `layer.setWeights(weights)`: the model's weights with this layer's replaced, set through the model (which
 * checks every shape and value before anything changes). The count is checked here, with tfjs's message.
 */
export function setLayerWeightsOf(layer: Layer, weights: readonly WeightInput[]): void {
  const place = placeOf(layer);
  const expected = place?.indices.length ?? 0;
  if (!Array.isArray(weights) || weights.length !== expected) {
    throw new ShapeError(
      `You called setWeights(weights) on layer "${layer.name}" with a weight list of length ${Array.isArray(weights) ? weights.length : typeof weights}, but the layer was expecting ${expected} weights` +
        (place ? '' : ' (it is not yet in a model that can be built)'),
    );
  }
  if (!place || expected === 0) return;
  const all: WeightInput[] = place.owner.getWeights();
  place.indices.forEach((i, k) => {
    all[i] = weights[k];
  });
  place.owner.setWeights(all);
}

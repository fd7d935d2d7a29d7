import { ArgumentError, describeValue, UnknownNameError } from '@backprop/core';
import type { Layer } from '../layers/layer';
import type { ModelPlan } from './model-plan';
import { ModelStateError } from './model-state-error';

/**
 * tfjs's `model.getLayer(name?, index?)` (also `getLayer(index)`) and Keras's `get_layer(name=None,
 * index=None)`: the layer of that name, else the one at that position in `model.layers`. Unknown names are
 * an UnknownNameError listing the layers; an index out of range an ArgumentError with tfjs's wording.
 */
export function findLayer(layers: readonly Layer[], nameOrIndex?: string | number, index?: number): Layer {
  if (typeof nameOrIndex === 'number') return layerAt(layers, nameOrIndex);
  if (nameOrIndex !== undefined && nameOrIndex !== null) {
    if (typeof nameOrIndex !== 'string') throw new ArgumentError(`getLayer expects a layer name or index, got ${describeValue(nameOrIndex)}`);
    // Keras 3: "Provide only a layer name or a layer index", rather than one of them silently winning.
    if (index !== undefined) throw new ArgumentError(`getLayer takes a layer name or an index, got both ("${nameOrIndex}" and ${describeValue(index)})`);
    const layer = layers.find((l) => l.name === nameOrIndex);
    if (!layer) throw new UnknownNameError('layer', nameOrIndex, layers.map((l) => l.name));
    return layer;
  }
  if (index === undefined) throw new ArgumentError('getLayer expects a layer name or an index, got neither');
  return layerAt(layers, index);
}

function layerAt(layers: readonly Layer[], index: number): Layer {
  if (!Number.isInteger(index) || index < 0 || index >= layers.length) {
    throw new ArgumentError(`Was asked to retrieve layer at index ${describeValue(index)}, but model only has ${layers.length} layer(s); expected an integer in 0..${layers.length - 1}`);
  }
  return layers[index];
}

/**
 * A layer's `trainable` changed since compile: as in Keras, the change applies at the next `compile()`.
 * Porting note: Keras 3 keeps training with the compiled state silently; here that fit is refused.
 */
export function assertTrainableCompiled(plan: ModelPlan, layers: readonly Layer[]): void {
  layers.forEach((layer, i) => {
    const compiled = (plan.configs[i]?.config as { trainable?: boolean } | undefined)?.trainable ?? true;
    if (compiled !== layer.trainable && plan.weights.some((w) => w.layer === layer)) {
      throw new ModelStateError(
        `${layer.className} "${layer.name}" was set to trainable = ${layer.trainable} after compile(); call compile() again for it to take effect (as Keras requires), got a fit with the compiled trainable = ${compiled}`,
      );
    }
  });
}

import { Dense, Dropout, Sequential } from '@backprop/layers';
import type * as tf from '@tensorflow/tfjs';
import { sequentialToSpec } from './sequential-to-spec';
import { specToTfjsModel } from './spec-to-tfjs-model';
import { tfjsModelToSpec } from './tfjs-model-to-spec';

/**
 * A TensorFlow.js `LayersModel` equal to a `Sequential` and holding its current weights (uncompiled: compile it
 * in tfjs to train it there). Async because a model's weights may live in an asynchronous backend.
 */
export async function toTfjsModel(model: Sequential): Promise<tf.Sequential> {
  return specToTfjsModel(await sequentialToSpec(model));
}

/**
 * A `Sequential` from a tfjs model of Dense layers (activation and dropout layers after them are folded in),
 * holding the tfjs model's weights. Layers that core cannot express throw `TfjsUnsupportedError`.
 */
export function fromTfjsModel(tfModel: tf.LayersModel, options: { seed?: number } = {}): Sequential {
  const spec = tfjsModelToSpec(tfModel);
  const model = new Sequential({ seed: options.seed });
  spec.layers.forEach((layer, i) => {
    model.add(
      Dense(layer.units, {
        name: layer.name,
        activation: layer.activation,
        useBias: layer.useBias,
        ...(i === 0 ? { inputShape: [spec.inputSize] } : {}),
      }),
    );
    if (layer.dropoutRate > 0) model.add(Dropout(layer.dropoutRate, { name: `${layer.name}_dropout` }));
  });
  const flat: Float32Array[] = [];
  for (const w of spec.initialWeights) {
    flat.push(Float32Array.from(w.kernel));
    if (w.bias) flat.push(Float32Array.from(w.bias));
  }
  model.setWeights(flat);
  return model;
}

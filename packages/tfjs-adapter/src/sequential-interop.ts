import type { LayerConfig } from '@backprop/core';
import {
  Activation,
  type ActivationArgs,
  AveragePooling2D,
  Conv2D,
  type Conv2DArgs,
  Dense,
  type DenseArgs,
  Dropout,
  Flatten,
  GlobalAveragePooling2D,
  type GlobalAveragePooling2DArgs,
  InputLayer,
  type Layer,
  MaxPooling2D,
  type Pooling2DArgs,
  Reshape,
  Sequential,
  ZeroPadding2D,
  type ZeroPadding2DArgs,
} from '@backprop/layers';
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
 * A `Sequential` from a tfjs Sequential model, layer for layer (activation layers such as LeakyReLU become
 * Activation layers), holding the tfjs model's weights. Layers that core cannot express throw `TfjsUnsupportedError`.
 */
export function fromTfjsModel(tfModel: tf.LayersModel, options: { seed?: number } = {}): Sequential {
  const spec = tfjsModelToSpec(tfModel);
  const model = new Sequential({ seed: options.seed });
  spec.layers.forEach((layer, i) => model.add(facadeLayer(layer, i === 0 ? [...spec.inputShape] : undefined)));
  const flat: Float32Array[] = [];
  for (const w of spec.initialWeights) {
    flat.push(Float32Array.from(w.kernel));
    if (w.bias) flat.push(Float32Array.from(w.bias));
  }
  model.setWeights(flat);
  return model;
}

/** The facade layer of a layer config. */
function facadeLayer(layer: LayerConfig, inputShape: number[] | undefined): Layer {
  const shape = inputShape ? { inputShape } : {};
  switch (layer.className) {
    case 'Dense':
      return Dense({ ...layer.config, ...shape } as DenseArgs);
    case 'Activation':
      return Activation({ ...layer.config, ...shape } as ActivationArgs);
    case 'Dropout':
      return Dropout({ ...layer.config, ...shape });
    case 'Flatten':
      return Flatten({ ...layer.config, ...shape });
    case 'Reshape':
      return Reshape({ ...layer.config, ...shape });
    case 'InputLayer':
      return InputLayer({ ...layer.config });
    case 'Conv2D':
      return Conv2D({ ...layer.config, ...shape } as Conv2DArgs);
    case 'MaxPooling2D':
      return MaxPooling2D({ ...layer.config, ...shape } as Pooling2DArgs);
    case 'AveragePooling2D':
      return AveragePooling2D({ ...layer.config, ...shape } as Pooling2DArgs);
    case 'GlobalAveragePooling2D':
      return GlobalAveragePooling2D({ ...layer.config, ...shape } as GlobalAveragePooling2DArgs);
    case 'ZeroPadding2D':
      return ZeroPadding2D({ ...layer.config, ...shape } as ZeroPadding2DArgs);
  }
}

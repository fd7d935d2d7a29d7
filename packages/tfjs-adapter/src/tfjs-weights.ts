import { checkNamedWeights, type NamedWeight, type WeightSpec } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';

/** The tfjs layers that hold one layer config's weights, and that config's layer name. */
export interface TfjsWeightOwner {
  /** The model description's layer name: weights are named `<name>/<weight>` after it, whatever tfjs calls its variables. */
  readonly name: string;
  readonly layers: readonly tf.layers.Layer[];
}

/**
 * The weight names and shapes of the owners, in tfjs's `layer.weights` order — trainable weights, then
 * non-trainable ones, the order of Keras's `layer.weights` and of core's layers. A variable's own name may
 * carry a suffix tfjs added to keep it unique (`dense/kernel_1`); the part after the last `/` of its
 * original name is the weight's (`kernel`, `moving_mean`).
 */
export function tfjsWeightSpecs(owners: readonly TfjsWeightOwner[]): (WeightSpec & { readonly trainable: boolean })[] {
  return owners.flatMap((owner) =>
    owner.layers.flatMap((layer) =>
      layer.weights.map((v) => ({
        name: `${owner.name}/${v.originalName.split('/').pop()}`,
        shape: v.shape as number[],
        trainable: layer.trainable && v.trainable,
      })),
    ),
  );
}

/**
 * Copies of every weight of the owners as `NamedWeight`s. `dataSync` can hand back the backend's own
 * storage (the cpu backend does), so the values are always copied.
 */
export function readTfjsWeights(owners: readonly TfjsWeightOwner[]): NamedWeight[] {
  const specs = tfjsWeightSpecs(owners);
  const values = owners.flatMap((o) => o.layers.flatMap((l) => l.getWeights()));
  return specs.map((spec, i) => ({ name: spec.name, shape: [...spec.shape], values: Float32Array.from(values[i].dataSync() as Float32Array), trainable: spec.trainable }));
}

/** Replace every weight of the owners; names, shapes and finiteness are checked before anything is written. */
export function writeTfjsWeights(owners: readonly TfjsWeightOwner[], weights: readonly NamedWeight[]): void {
  checkNamedWeights(tfjsWeightSpecs(owners), weights, 'setWeights');
  let next = 0;
  for (const layer of owners.flatMap((o) => o.layers)) {
    const count = layer.weights.length;
    if (count === 0) continue;
    const values = weights.slice(next, next + count).map((w) => tf.tensor(Float32Array.from(w.values), w.shape));
    next += count;
    // assign() shares the data of the new tensors with the variables, so disposing ours afterwards is safe.
    layer.setWeights(values);
    tf.dispose(values);
  }
}

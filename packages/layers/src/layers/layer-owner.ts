import type { WeightArray, WeightInput } from '../model/keras-weights';
import type { Layer } from './layer';

/**
 * What a layer needs of the model it is in to reach its weights (Keras layers own their variables; here
 * the model's backend holds them): a Sequential is one. Kept to types so layers do not import the model.
 */
export interface LayerOwner {
  readonly layers: readonly Layer[];
  /** Every weight of the model in `getWeights` order, with the layer it belongs to. */
  plan(): { readonly weights: readonly { readonly layer: Layer; readonly name: string; readonly trainable: boolean }[] };
  getWeights(): WeightArray[];
  setWeights(weights: readonly WeightInput[]): void;
}

import { type LayerConfig, shapeSize } from '@backprop/core';
import { LAYER_OPTION_KEYS, Layer, type LayerOptions, objectLayerArgs } from './layer';

/** Keras's Flatten `data_format` (channels-last is the only layout here). */
const FLATTEN_UNSUPPORTED = ['dataFormat'];

/** Flattens each sample to one axis (Keras's `Flatten`): `Flatten({ inputShape: [28, 28] })` feeds 784 values to a Dense. */
export class FlattenLayer extends Layer {
  readonly className = 'Flatten';

  constructor(options: LayerOptions = {}) {
    super('flatten', objectLayerArgs<LayerOptions>('Flatten', options, { args: LAYER_OPTION_KEYS, unsupported: FLATTEN_UNSUPPORTED }));
  }

  override toConfig(): LayerConfig {
    return { className: 'Flatten', config: { name: this.name } };
  }

  override outputShape(inputShape: readonly number[]): readonly number[] {
    return [shapeSize(inputShape)];
  }
}

/** `Flatten` works as a factory and with `new`. */
export interface FlattenConstructor {
  new (options?: LayerOptions): FlattenLayer;
  (options?: LayerOptions): FlattenLayer;
  readonly prototype: FlattenLayer;
}

function flattenFactory(options?: LayerOptions): FlattenLayer {
  return new FlattenLayer(options);
}
flattenFactory.prototype = FlattenLayer.prototype;

/** `Flatten()`, `Flatten({ inputShape: [28, 28] })` or `new Flatten()`. */
export const Flatten = flattenFactory as unknown as FlattenConstructor;

import { ArgumentError, type LayerConfig } from '@backprop/core';
import { Layer, type LayerOptions } from './layer';

/** tfjs's `tf.layers.inputLayer` arguments. */
export interface InputLayerArgs extends LayerOptions {
  inputShape: readonly number[];
}

/**
 * Declares the shape of one input sample (Keras's `InputLayer`, what `keras.Input(shape)` adds to a
 * Sequential); data passes through unchanged.
 */
export class InputLayerLayer extends Layer {
  readonly className = 'InputLayer';

  constructor(args: InputLayerArgs) {
    if (args?.inputShape === undefined) throw new ArgumentError(`InputLayer needs an inputShape, e.g. InputLayer({ inputShape: [784] }), got ${JSON.stringify(args)}`);
    super('input_layer', args);
  }

  override toConfig(): LayerConfig {
    return { className: 'InputLayer', config: { name: this.name, inputShape: this.inputShape! } };
  }
}

/** `InputLayer` works as a factory and with `new`. */
export interface InputLayerConstructor {
  new (args: InputLayerArgs): InputLayerLayer;
  (args: InputLayerArgs): InputLayerLayer;
  readonly prototype: InputLayerLayer;
}

function inputLayerFactory(args: InputLayerArgs): InputLayerLayer {
  return new InputLayerLayer(args);
}
inputLayerFactory.prototype = InputLayerLayer.prototype;

/** `InputLayer({ inputShape: [784] })` or `new InputLayer(…)`. */
export const InputLayer = inputLayerFactory as unknown as InputLayerConstructor;

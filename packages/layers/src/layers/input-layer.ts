import { ArgumentError, describeValue, type LayerConfig, optionKeys } from '@backprop/core';
import { LAYER_OPTION_KEYS, Layer, type LayerOptions, objectLayerArgs } from './layer';

/** tfjs's `tf.layers.inputLayer` arguments. */
export interface InputLayerArgs extends LayerOptions {
  inputShape: readonly number[];
}

/** Every key of InputLayerArgs, checked against the interface by the type checker. */
const INPUT_LAYER_ARG_KEYS = optionKeys<InputLayerArgs>()([...LAYER_OPTION_KEYS]);
/** Keras's InputLayer `batch_shape`, `sparse` and `ragged`, not implemented yet. */
const INPUT_LAYER_UNSUPPORTED = ['batchShape', 'sparse', 'ragged'];

/**
 * Declares the shape of one input sample (Keras's `InputLayer`, what `keras.Input(shape)` adds to a
 * Sequential); data passes through unchanged.
 */
export class InputLayerLayer extends Layer {
  readonly className = 'InputLayer';

  constructor(args: InputLayerArgs) {
    const checked = objectLayerArgs<InputLayerArgs>('InputLayer', args, { args: INPUT_LAYER_ARG_KEYS, unsupported: INPUT_LAYER_UNSUPPORTED });
    if (checked.inputShape === undefined) {
      throw new ArgumentError(`InputLayer needs an inputShape, e.g. InputLayer({ inputShape: [784] }), got ${describeValue(args)}`);
    }
    super('input_layer', checked);
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

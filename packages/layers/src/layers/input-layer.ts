import { ArgumentError, checkOptionKeys, describeValue, type LayerConfig, optionKeys } from '@backprop/core';
import { LAYER_OPTION_KEYS, Layer, type LayerOptions, objectLayerArgs } from './layer';

/** tfjs's `tf.layers.inputLayer` arguments: `inputShape`, or `batchInputShape: [null, …]`. */
export interface InputLayerArgs extends LayerOptions {
  inputShape?: readonly number[];
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
    if (checked.inputShape === undefined && checked.batchInputShape === undefined) {
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

/** Keras's `keras.Input` arguments: the sample `shape`, or `batchShape` with the batch dimension first. */
export interface InputArgs {
  shape?: readonly number[];
  batchShape?: readonly (number | null)[];
  name?: string;
}

const INPUT_ARG_KEYS = optionKeys<InputArgs>()(['shape', 'batchShape', 'name']);

/**
 * Keras's `keras.Input(shape=(784,))` as the first item of a Sequential: Keras turns it into the model's
 * InputLayer, and so does this (`new Sequential([Input({ shape: [784] }), Dense(10)])`). Porting note: Keras's
 * Input is a symbolic tensor for the functional API; here it is the InputLayer itself (tfjs's Sequential takes
 * `tf.layers.inputLayer({ inputShape })` for the same purpose).
 */
export function Input(args: InputArgs): InputLayerLayer {
  checkOptionKeys(args, INPUT_ARG_KEYS, 'Input arguments', ['batchSize', 'dtype', 'sparse', 'tensor', 'optional']);
  if (args?.shape === undefined && args?.batchShape === undefined) throw new ArgumentError(`Input needs a shape, e.g. Input({ shape: [784] }), got ${describeValue(args)}`);
  return new InputLayerLayer({ name: args.name, inputShape: args.shape, batchInputShape: args.batchShape });
}

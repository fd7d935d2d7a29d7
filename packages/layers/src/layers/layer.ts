import { ArgumentError, checkOptionKeys, describeValue, type LayerClassName, type LayerConfig, optionKeys, shapeSize } from '@backprop/core';
import { type InputShapeArgs, resolveInputShape } from './input-shape';
import { uniqueName } from './layer-names';

/** Options every layer takes. */
export interface LayerOptions {
  /** Unique within a model; default `<type>`, `<type>_1`, … (Keras's automatic names). */
  name?: string;
  /** Shape of one input sample, without the batch dimension: `[784]`. Only the first layer needs it. */
  inputShape?: readonly number[];
  /** tfjs's / Keras 2's form of the same, batch dimension first: `[null, 784]`. */
  batchInputShape?: readonly (number | null)[];
}

/** Every key of LayerOptions, checked against the interface by the type checker (optionKeys). */
export const LAYER_OPTION_KEYS = optionKeys<LayerOptions>()(['name', 'inputShape', 'batchInputShape']);

/**
 * Keras 3 / tfjs base-layer arguments not implemented yet (`input_dim`, `batch_input_shape`, …):
 * NotSupportedError rather than a setting that does nothing.
 */
export const LAYER_UNSUPPORTED = ['inputDim', 'batchSize', 'dtype', 'trainable', 'weights', 'inputDType', 'activityRegularizer'];

/**
 * Read a layer's arguments, given either positionally (`Dense(10, { activation })`) or as tfjs's single
 * object (`Dense({ units: 10, activation })`), checking every key: `allowed` for the object form,
 * `optionKeys` for the options of the positional form (which must not repeat the positional value).
 * Layer-specific Keras arguments not implemented yet are in `unsupported`. Any object first argument
 * is the object form, unless the positional value may itself be an object (Activation's `{ name, alpha }`):
 * then only an object holding the positional key is.
 */
export function layerArgs<A extends LayerOptions>(
  className: string,
  first: unknown,
  options: unknown,
  keys: {
    readonly positional: keyof A & string;
    readonly args: readonly string[];
    readonly options: readonly string[];
    readonly unsupported?: readonly string[];
    readonly positionalMayBeObject?: boolean;
  },
): A {
  const unsupported = [...(keys.unsupported ?? []), ...LAYER_UNSUPPORTED];
  const isObject = typeof first === 'object' && first !== null && !Array.isArray(first);
  if (isObject && (!keys.positionalMayBeObject || keys.positional in first)) {
    if (options !== undefined) {
      throw new ArgumentError(`${className} takes (${keys.positional}, options) or ({ ${keys.positional}, … }), got a second argument ${describeValue(options)} after the object form`);
    }
    checkOptionKeys(first, keys.args, `${className} arguments`, unsupported);
    return first as A;
  }
  checkOptionKeys(options, keys.options, `${className} options`, unsupported);
  return { ...(options as object), [keys.positional]: first } as unknown as A;
}

/**
 * Read the arguments of a layer that takes only an options object (`Flatten()`, `Reshape({ targetShape })`,
 * `InputLayer({ inputShape })`): an object or nothing, every key known, Keras options not implemented
 * yet refused (see layerArgs).
 */
export function objectLayerArgs<A extends LayerOptions>(
  className: string,
  args: unknown,
  keys: { readonly args: readonly string[]; readonly unsupported?: readonly string[] },
): Partial<A> {
  checkOptionKeys(args, keys.args, `${className} arguments`, [...(keys.unsupported ?? []), ...LAYER_UNSUPPORTED]);
  return (args ?? {}) as Partial<A>;
}

/** The Keras layer classes this facade knows (also the `class_name` of each saved layer): core's. */
export type { LayerClassName };

/**
 * Base of every layer: a name, an optional input shape, how it changes the shape of the data, and its
 * config in Keras's `{ className, config }` shape — what every backend builds the layer from. Layers hold
 * configuration only: the math runs in a backend (core's layers for scratch, `tf.layers` for tfjs).
 */
export abstract class Layer {
  abstract readonly className: LayerClassName;
  readonly name: string;
  readonly inputShape: readonly number[] | null;

  protected constructor(prefix: string, options: LayerOptions & Pick<InputShapeArgs, 'inputDim'>) {
    const { name } = options;
    if (name !== undefined && (typeof name !== 'string' || name === '' || name.includes('/'))) {
      throw new ArgumentError(`layer name must be a non-empty string without "/", got ${describeValue(name)}`);
    }
    this.name = name ?? uniqueName(prefix);
    this.inputShape = resolveInputShape(options, `layer "${this.name}"`) ?? null;
  }

  /** The layer's description, as core and every backend build it. */
  abstract toConfig(): LayerConfig;

  /** Shape of one output sample for an input sample of shape `inputShape`; throws when the layer cannot take it. */
  outputShape(inputShape: readonly number[]): readonly number[] {
    return inputShape;
  }

  /** Number of weights for an input sample of shape `inputShape`. */
  countParams(_inputShape: readonly number[]): number {
    return 0;
  }

  /** Per-sample width of the output. */
  outputSize(inputShape: readonly number[]): number {
    return shapeSize(this.outputShape(inputShape));
  }

  /** `dense (Dense)`, as Keras's summary names a layer. */
  toString(): string {
    return `${this.name} (${this.className})`;
  }
}

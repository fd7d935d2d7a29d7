import { ArgumentError, type LayerClassName, type LayerConfig, shapeSize } from '@backprop/core';
import { uniqueName } from './layer-names';

/** Options every layer takes. */
export interface LayerOptions {
  /** Unique within a model; default `<type>`, `<type>_1`, … (Keras's automatic names). */
  name?: string;
  /** Shape of one input sample, without the batch dimension: `[784]`. Only the first layer needs it. */
  inputShape?: readonly number[];
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

  protected constructor(prefix: string, options: LayerOptions) {
    const { name, inputShape } = options;
    if (name !== undefined && (typeof name !== 'string' || name === '' || name.includes('/'))) {
      throw new ArgumentError(`layer name must be a non-empty string without "/", got ${JSON.stringify(name)}`);
    }
    this.name = name ?? uniqueName(prefix);
    this.inputShape = inputShape === undefined ? null : checkInputShape(inputShape, this.name);
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

function checkInputShape(shape: readonly number[], name: string): readonly number[] {
  if (!Array.isArray(shape) || shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    throw new ArgumentError(`layer "${name}" inputShape must be a list of positive integers, e.g. [784], got ${JSON.stringify(shape)}`);
  }
  return [...shape];
}

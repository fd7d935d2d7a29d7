import { ArgumentError } from '@backprop/core';
import { uniqueName } from './layer-names';

/** Options every layer takes. */
export interface LayerOptions {
  /** Unique within a model; default `<type>`, `<type>_1`, … (Keras's automatic names). */
  name?: string;
  /** Shape of one input sample, without the batch dimension: `[784]`. Only the first layer needs it. */
  inputShape?: readonly number[];
}

/** The Keras layer classes this facade knows (also the `class_name` of each saved layer). */
export type LayerClassName = 'Dense' | 'Dropout' | 'Activation';

/**
 * Base of every layer: a name, an optional input shape, and how it changes the width of the data.
 * Layers hold configuration only — the math runs in a backend — so they can be shared by every backend.
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

  /** Width of this layer's output for an input of width `inputUnits`. */
  outputUnits(inputUnits: number): number {
    return inputUnits;
  }

  /** Number of weights for an input of width `inputUnits`. */
  countParams(_inputUnits: number): number {
    return 0;
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
  if (shape.length !== 1) {
    // Porting note: Keras's Dense also accepts higher-rank inputs (it acts on the last axis); this engine
    // is dense-only, so samples are flat vectors.
    throw new ArgumentError(`layer "${name}" inputShape must have one dimension (flatten images: [28, 28] → [784]), got [${shape.join(', ')}]`);
  }
  return [...shape];
}

import { ArgumentError, checkOptionKeys, describeValue, optionKeys } from '@backprop/core';
import type { Layer } from '../layers/layer';

export interface SequentialOptions {
  /** Default `sequential`, `sequential_1`, … */
  name?: string;
  layers?: readonly Layer[];
  /**
   * Seed of the initial weights (each layer's initializer), of shuffling and of dropout masks.
   * Default 0: fixed, so that runs repeat unless asked otherwise. Porting note: Keras draws a random
   * seed when none is given; pass `Date.now()` for that.
   */
  seed?: number;
}

/**
 * `[loss, ...metrics]`, in the order of `compile({ metrics })`.
 * Porting note: Keras returns the bare loss when there are no metrics; here it is always a list, so
 * that `const [loss, acc] = await model.evaluate(x, y)` type-checks as written.
 */
export type EvaluateResult = number[];

/** Every key of SequentialOptions, checked against the interface by the type checker (optionKeys). */
const SEQUENTIAL_OPTION_KEYS = optionKeys<SequentialOptions>()(['name', 'layers', 'seed']);

/** Keras's `Sequential(layers, trainable, name)`: `trainable` is not implemented yet. */
const SEQUENTIAL_UNSUPPORTED = ['trainable'];

/** The options of `new Sequential({ … })`, checked: known keys, a finite seed, a list of layers. */
export function checkSequentialOptions(options: SequentialOptions): SequentialOptions {
  checkOptionKeys(options, SEQUENTIAL_OPTION_KEYS, 'Sequential options', SEQUENTIAL_UNSUPPORTED);
  if (options.seed !== undefined && !(typeof options.seed === 'number' && Number.isFinite(options.seed))) {
    throw new ArgumentError(`Sequential seed must be a finite number, got ${describeValue(options.seed)}`);
  }
  if (options.layers !== undefined && !Array.isArray(options.layers)) {
    throw new ArgumentError(`Sequential layers must be a list of layers such as [Dense(10)], got ${describeValue(options.layers)}`);
  }
  return options;
}

import { ArgumentError, checkOptionKeys, describeValue, optionKeys } from '@backprop/core';
import type { SequentialOptions } from './sequential';

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

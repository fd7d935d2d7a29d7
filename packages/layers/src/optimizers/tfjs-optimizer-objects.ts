import { ArgumentError, type OptimizerIdentifier, type OptimizerSpec, optimizerSpec } from '@backprop/core';

/** What `compile` recognises as a TensorFlow.js optimizer object (`tf.train.adam(0.01)`): duck-typed, so layers needs no tfjs. */
export interface TfjsOptimizerLike {
  getClassName(): string;
  getConfig(): object;
}

/** Turns a tf.train optimizer into core's spec; registered by @backprop/tfjs-adapter on import. */
export type TfjsOptimizerTranslator = (optimizer: TfjsOptimizerLike) => Required<OptimizerSpec>;

let translator: TfjsOptimizerTranslator | null = null;

/** Called by @backprop/tfjs-adapter when it loads, so `compile({ optimizer: tf.train.adam(0.01) })` works on every backend. */
export function registerTfjsOptimizerTranslator(translate: TfjsOptimizerTranslator): void {
  translator = translate;
}

export function isTfjsOptimizerLike(value: unknown): value is TfjsOptimizerLike {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as TfjsOptimizerLike).getClassName === 'function' &&
    typeof (value as TfjsOptimizerLike).getConfig === 'function'
  );
}

/** A compile `optimizer`: a name, a spec (`Adam(0.01)`), or, with the tfjs adapter loaded, a tf.train optimizer. */
export function resolveOptimizerOption(option: OptimizerSpec | OptimizerIdentifier | TfjsOptimizerLike): Required<OptimizerSpec> {
  if (!isTfjsOptimizerLike(option)) return optimizerSpec(option);
  if (!translator) {
    throw new ArgumentError(
      `compile got a TensorFlow.js optimizer ("${option.getClassName()}"); import '@backprop/tfjs-adapter' first so it can be translated, or pass e.g. Adam(0.01)`,
    );
  }
  return translator(option);
}

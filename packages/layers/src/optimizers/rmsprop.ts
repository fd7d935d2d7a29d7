import { type OptimizerSpec, optionKeys } from '@backprop/core';
import { optimizerFromOptions } from './optimizer-options';

export interface RMSpropOptions {
  /** Default 0.001. */
  learningRate?: number;
  /** Discount of the squared-gradient average; default 0.9. */
  rho?: number;
  /** Default 0. */
  momentum?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/** Every key of RMSpropOptions, checked against the interface by the type checker. */
const RMSPROP_OPTION_KEYS = optionKeys<RMSpropOptions>()(['learningRate', 'rho', 'momentum', 'epsilon']);

/**
 * RMSprop (Hinton, Coursera lecture 6e; Keras's `RMSprop`, in the form of tf.train.rmsprop). With gradient g
 * and learning rate η: s ← ρ·s + (1 − ρ)·g²; mom ← μ·mom + η·g / √(s + ε); w ← w − mom.
 * Porting note: Keras 3 puts ε outside the root (g / (√s + ε)); tfjs, and this engine, inside.
 * `RMSprop(0.001)` or `RMSprop({ learningRate, rho, momentum, epsilon })`.
 */
export function RMSprop(options: number | RMSpropOptions = {}): Required<OptimizerSpec> {
  return optimizerFromOptions('RMSprop', 'rmsprop', options, RMSPROP_OPTION_KEYS);
}

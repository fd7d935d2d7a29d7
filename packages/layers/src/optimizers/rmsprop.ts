import { type OptimizerSpec, optionKeys } from '@backprop/core';
import { BASE_OPTIMIZER_KEYS, type BaseOptimizerOptions } from './base-optimizer-options';
import type { LearningRateSchedule } from './learning-rate-schedules';
import { optimizerFromOptions } from './optimizer-options';

export interface RMSpropOptions extends BaseOptimizerOptions {
  /** Default 0.001; a number or a schedule. */
  learningRate?: BaseOptimizerOptions['learningRate'];
  /** Discount of the squared-gradient average; default 0.9. */
  rho?: number;
  /** Default 0. */
  momentum?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/** Every key of RMSpropOptions, checked against the interface by the type checker. */
const RMSPROP_OPTION_KEYS = optionKeys<RMSpropOptions>()([...BASE_OPTIMIZER_KEYS, 'rho', 'momentum', 'epsilon']);

/**
 * RMSprop (Hinton, Coursera lecture 6e; Keras's `RMSprop`, in the form of tf.train.rmsprop). With gradient g
 * and learning rate η: s ← ρ·s + (1 − ρ)·g²; mom ← μ·mom + η·g / √(s + ε); w ← w − mom.
 * Porting note: Keras 3 puts ε outside the root (g / (√s + ε)); tfjs, and this engine, inside.
 * `RMSprop(0.001)` or `RMSprop({ learningRate, rho, momentum, epsilon })`.
 */
export function RMSprop(options: number | LearningRateSchedule | RMSpropOptions = {}): Required<OptimizerSpec> {
  return optimizerFromOptions('RMSprop', 'rmsprop', options, RMSPROP_OPTION_KEYS);
}

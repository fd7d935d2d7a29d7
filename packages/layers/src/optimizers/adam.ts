import { type OptimizerSpec, optionKeys } from '@backprop/core';
import { BASE_OPTIMIZER_KEYS, type BaseOptimizerOptions } from './base-optimizer-options';
import type { LearningRateSchedule } from './learning-rate-schedules';
import { optimizerFromOptions } from './optimizer-options';

export interface AdamOptions extends BaseOptimizerOptions {
  /** Default 0.001; a number or a schedule. */
  learningRate?: BaseOptimizerOptions['learningRate'];
  /** Default 0.9. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Default 1e-7 (Keras's; tfjs's `tf.train.adam` also uses backend epsilon 1e-7). */
  epsilon?: number;
}

/** Every key of AdamOptions, checked against the interface by the type checker. */
const ADAM_OPTION_KEYS = optionKeys<AdamOptions>()([...BASE_OPTIMIZER_KEYS, 'beta1', 'beta2', 'epsilon']);

/**
 * Adam (Kingma & Ba, 2015; Keras's `Adam`). With gradient g at step t (1-based), learning rate η:
 * m ← β₁·m + (1 − β₁)·g; v ← β₂·v + (1 − β₂)·g²;
 * w ← w − η · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * `Adam(0.001)` or `Adam({ learningRate, beta1, beta2, epsilon })`.
 */
export function Adam(options: number | LearningRateSchedule | AdamOptions = {}): Required<OptimizerSpec> {
  return optimizerFromOptions('Adam', 'adam', options, ADAM_OPTION_KEYS);
}

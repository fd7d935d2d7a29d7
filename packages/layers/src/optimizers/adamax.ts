import { type OptimizerSpec, optionKeys } from '@backprop/core';
import { BASE_OPTIMIZER_KEYS, type BaseOptimizerOptions } from './base-optimizer-options';
import type { LearningRateSchedule } from './learning-rate-schedules';
import { optimizerFromOptions } from './optimizer-options';

export interface AdamaxOptions extends BaseOptimizerOptions {
  /** Default 0.001 (Keras's; tf.train.adamax defaults to 0.002). */
  learningRate?: BaseOptimizerOptions['learningRate'];
  /** Default 0.9. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/** Every key of AdamaxOptions, checked against the interface by the type checker. */
const KEYS = optionKeys<AdamaxOptions>()([...BASE_OPTIMIZER_KEYS, 'beta1', 'beta2', 'epsilon']);

/**
 * Adamax, Adam with the infinity norm (Kingma & Ba, 2015, §7.1; Keras's `Adamax`; tf.train.adamax on tfjs).
 * At step t: m ← m + (g − m)(1−β₁); u ← max(β₂u, |g|); w ← w − η·m / ((1−β₁ᵗ)(u + ε)).
 * `Adamax(0.002)` or `Adamax({ learningRate, beta1, beta2, epsilon })`.
 */
export function Adamax(options: number | LearningRateSchedule | AdamaxOptions = {}): Required<OptimizerSpec> {
  return optimizerFromOptions('Adamax', 'adamax', options, KEYS);
}

import { type OptimizerSpec, optionKeys } from '@backprop/core';
import { BASE_OPTIMIZER_KEYS, type BaseOptimizerOptions } from './base-optimizer-options';
import type { LearningRateSchedule } from './learning-rate-schedules';
import { optimizerFromOptions } from './optimizer-options';

export interface AdadeltaOptions extends BaseOptimizerOptions {
  /** Default 0.001 (Keras's; the original paper's update has no learning rate, i.e. 1.0). */
  learningRate?: BaseOptimizerOptions['learningRate'];
  /** Decay of both running averages; default 0.95. */
  rho?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/** Every key of AdadeltaOptions, checked against the interface by the type checker. */
const KEYS = optionKeys<AdadeltaOptions>()([...BASE_OPTIMIZER_KEYS, 'rho', 'epsilon']);

/**
 * Adadelta (Zeiler, 2012; Keras's `Adadelta`, keras/src/optimizers/adadelta.py; tf.train.adadelta on tfjs).
 * a ← ρa + (1−ρ)g²; Δ ← −√(d + ε)·g / √(a + ε); d ← ρd + (1−ρ)Δ²; w ← w + η·Δ.
 * `Adadelta(1.0)` or `Adadelta({ learningRate, rho, epsilon })`.
 */
export function Adadelta(options: number | LearningRateSchedule | AdadeltaOptions = {}): Required<OptimizerSpec> {
  return optimizerFromOptions('Adadelta', 'adadelta', options, KEYS);
}

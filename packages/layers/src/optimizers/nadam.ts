import { type OptimizerSpec, optionKeys } from '@backprop/core';
import { BASE_OPTIMIZER_KEYS, type BaseOptimizerOptions } from './base-optimizer-options';
import type { LearningRateSchedule } from './learning-rate-schedules';
import { optimizerFromOptions } from './optimizer-options';

export interface NadamOptions extends BaseOptimizerOptions {
  /** Default 0.001. */
  learningRate?: BaseOptimizerOptions['learningRate'];
  /** Default 0.9. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/** Every key of NadamOptions, checked against the interface by the type checker. */
const KEYS = optionKeys<NadamOptions>()([...BASE_OPTIMIZER_KEYS, 'beta1', 'beta2', 'epsilon']);

/**
 * Nadam, Adam with Nesterov momentum (Dozat, 2015; Keras's `Nadam`, keras/src/optimizers/nadam.py), with
 * Keras's momentum schedule μₜ = β₁(1 − ½·0.96ᵗ) and its running product Πμ:
 * m ← m + (g − m)(1−β₁); v ← v + (g² − v)(1−β₂); m̂ = μₜ₊₁·m/(1 − Πμ·μₜ₊₁) + (1−μₜ)·g/(1 − Πμ);
 * w ← w − η·m̂ / (√(v/(1−β₂ᵗ)) + ε). tfjs has no Nadam: the tfjs adapter runs the same rule in tf ops.
 * `Nadam(0.002)` or `Nadam({ learningRate, beta1, beta2, epsilon })`.
 */
export function Nadam(options: number | LearningRateSchedule | NadamOptions = {}): Required<OptimizerSpec> {
  return optimizerFromOptions('Nadam', 'nadam', options, KEYS);
}

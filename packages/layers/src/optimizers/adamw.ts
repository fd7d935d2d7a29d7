import { type OptimizerSpec, optionKeys } from '@backprop/core';
import { BASE_OPTIMIZER_KEYS, type BaseOptimizerOptions } from './base-optimizer-options';
import type { LearningRateSchedule } from './learning-rate-schedules';
import { optimizerFromOptions } from './optimizer-options';

export interface AdamWOptions extends BaseOptimizerOptions {
  /** Default 0.001. */
  learningRate?: BaseOptimizerOptions['learningRate'];
  /** Default 0.004 (Keras 3's AdamW). */
  weightDecay?: number;
  /** Default 0.9. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/** Every key of AdamWOptions, checked against the interface by the type checker. */
const KEYS = optionKeys<AdamWOptions>()([...BASE_OPTIMIZER_KEYS, 'beta1', 'beta2', 'epsilon']);

/**
 * AdamW, Adam with decoupled weight decay (Loshchilov & Hutter, 2019; Keras 3's `AdamW`,
 * keras/src/optimizers/adamw.py). Before each update w ← w − w·wd·η, then Keras's Adam:
 * m ← m + (g − m)(1−β₁); v ← v + (g² − v)(1−β₂); w ← w − η·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε).
 * tfjs has no AdamW: the tfjs adapter runs the same rule in tf ops.
 * `AdamW(0.001)` or `AdamW({ learningRate, weightDecay, beta1, beta2, epsilon })`.
 */
export function AdamW(options: number | LearningRateSchedule | AdamWOptions = {}): Required<OptimizerSpec> {
  return optimizerFromOptions('AdamW', 'adamw', options, KEYS);
}

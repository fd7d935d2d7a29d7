import { type OptimizerSpec, optionKeys } from '@backprop/core';
import { BASE_OPTIMIZER_KEYS, type BaseOptimizerOptions } from './base-optimizer-options';
import type { LearningRateSchedule } from './learning-rate-schedules';
import { optimizerFromOptions } from './optimizer-options';

export interface AdagradOptions extends BaseOptimizerOptions {
  /** Default 0.001. */
  learningRate?: BaseOptimizerOptions['learningRate'];
  /** The value the accumulators start at; default 0.1. */
  initialAccumulatorValue?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/** Every key of AdagradOptions, checked against the interface by the type checker. */
const KEYS = optionKeys<AdagradOptions>()([...BASE_OPTIMIZER_KEYS, 'initialAccumulatorValue', 'epsilon']);

/**
 * Adagrad (Duchi et al., 2011; Keras's `Adagrad`, keras/src/optimizers/adagrad.py; tf.train.adagrad on tfjs).
 * Per parameter, with gradient g and learning rate η: acc ← acc + g²; w ← w − η·g / √(acc + ε).
 * `Adagrad(0.01)` or `Adagrad({ learningRate, initialAccumulatorValue, epsilon })`.
 */
export function Adagrad(options: number | LearningRateSchedule | AdagradOptions = {}): Required<OptimizerSpec> {
  return optimizerFromOptions('Adagrad', 'adagrad', options, KEYS);
}

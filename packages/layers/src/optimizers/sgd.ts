import { type OptimizerSpec, optionKeys } from '@backprop/core';
import { BASE_OPTIMIZER_KEYS, type BaseOptimizerOptions } from './base-optimizer-options';
import type { LearningRateSchedule } from './learning-rate-schedules';
import { optimizerFromOptions } from './optimizer-options';

export interface SGDOptions extends BaseOptimizerOptions {
  /** Default 0.01; a number or a schedule. */
  learningRate?: BaseOptimizerOptions['learningRate'];
  /** Default 0 (plain gradient descent). */
  momentum?: number;
  /** Default false. */
  nesterov?: boolean;
}

/** Every key of SGDOptions, checked against the interface by the type checker. */
const SGD_OPTION_KEYS = optionKeys<SGDOptions>()([...BASE_OPTIMIZER_KEYS, 'momentum', 'nesterov']);

/**
 * Stochastic gradient descent (Keras's `SGD`, keras/src/optimizers/sgd.py). Update rule per parameter w
 * with gradient g and learning rate η:
 * - momentum 0: w ← w − η·g
 * - momentum μ: v ← μ·v + g; w ← w − η·v (Nesterov: w ← w − η·(g + μ·v))
 *
 * The momentum form is tf.train.momentum's, the same trajectory as Keras's `v ← μv − ηg; w ← w + v` for a
 * constant learning rate. `SGD(0.01)` and `SGD({ learningRate: 0.01, momentum: 0.9 })` both work.
 */
export function SGD(options: number | LearningRateSchedule | SGDOptions = {}): Required<OptimizerSpec> {
  return optimizerFromOptions('SGD', 'sgd', options, SGD_OPTION_KEYS);
}

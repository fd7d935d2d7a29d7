import type { LearningRateSchedule } from './learning-rate-schedules';

/**
 * The arguments every Keras 3 optimizer takes (keras/src/optimizers/base_optimizer.py), camelCased. Only one
 * of `clipnorm`, `clipvalue` and `globalClipnorm` may be set, as in Keras.
 */
export interface BaseOptimizerOptions {
  /** A number, or a schedule such as `new ExponentialDecay({ … })` evaluated at every step. */
  learningRate?: number | LearningRateSchedule;
  /** Decoupled weight decay: w ← w − w·weightDecay·lr before each update (Keras's `weight_decay`). Default none (AdamW: 0.004). */
  weightDecay?: number;
  /** Clip each gradient tensor to this L2 norm on its own. */
  clipnorm?: number;
  /** Clip every gradient element into [−clipvalue, clipvalue]. */
  clipvalue?: number;
  /** Clip all gradients together to this global L2 norm (Keras's `global_clipnorm`). */
  globalClipnorm?: number;
}

/** The keys of BaseOptimizerOptions, for each factory's key list. */
export const BASE_OPTIMIZER_KEYS = ['learningRate', 'weightDecay', 'clipnorm', 'clipvalue', 'globalClipnorm'] as const;

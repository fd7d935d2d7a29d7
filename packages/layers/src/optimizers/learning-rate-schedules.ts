import {
  type CosineDecayConfig,
  type ExponentialDecayConfig,
  type LearningRateScheduleSpec,
  learningRateScheduleSpec,
  type PiecewiseConstantDecayConfig,
  scheduledLearningRate,
} from '@backprop/core';

/**
 * Base of the learning-rate schedules (Keras's `keras.optimizers.schedules.LearningRateSchedule`): pass one as
 * an optimizer's `learningRate` and it is evaluated at every optimizer step (step = `optimizer.iterations`,
 * 0 for the first update), on every backend. It carries its Keras `{ className, config }`, so it is saved
 * with the optimizer. Porting note: only Keras's built-in schedules below, not user subclasses with
 * their own `__call__` (a backend must be able to evaluate them from the config alone).
 */
export abstract class LearningRateSchedule {
  abstract readonly className: LearningRateScheduleSpec['className'];
  abstract readonly config: LearningRateScheduleSpec['config'];

  /** The learning rate at optimizer step `step` (Keras's `schedule(step)`). */
  call(step: number): number {
    return scheduledLearningRate(this as unknown as LearningRateScheduleSpec, step);
  }

  getConfig(): LearningRateScheduleSpec['config'] {
    return { ...this.config };
  }
}

/** `keras.optimizers.schedules.ExponentialDecay`: initialLearningRate · decayRate^(step / decaySteps), the exponent floored with `staircase`. */
export class ExponentialDecay extends LearningRateSchedule {
  readonly className = 'ExponentialDecay' as const;
  readonly config: ExponentialDecayConfig;
  constructor(config: ExponentialDecayConfig) {
    super();
    this.config = learningRateScheduleSpec({ className: 'ExponentialDecay', config }).config as ExponentialDecayConfig;
  }
}

/** `keras.optimizers.schedules.PiecewiseConstantDecay`: values[i] while step ≤ boundaries[i], the last value after. */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  readonly className = 'PiecewiseConstantDecay' as const;
  readonly config: PiecewiseConstantDecayConfig;
  constructor(config: PiecewiseConstantDecayConfig) {
    super();
    this.config = learningRateScheduleSpec({ className: 'PiecewiseConstantDecay', config }).config as PiecewiseConstantDecayConfig;
  }
}

/**
 * `keras.optimizers.schedules.CosineDecay`: a cosine from the initial rate (or, with `warmupTarget`, after a
 * linear warm-up of `warmupSteps` to it) down to `alpha` times it over `decaySteps`, then constant.
 */
export class CosineDecay extends LearningRateSchedule {
  readonly className = 'CosineDecay' as const;
  readonly config: CosineDecayConfig;
  constructor(config: CosineDecayConfig) {
    super();
    this.config = learningRateScheduleSpec({ className: 'CosineDecay', config }).config as CosineDecayConfig;
  }
}

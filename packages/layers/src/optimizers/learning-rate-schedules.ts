import {
  type CosineDecayConfig,
  type ExponentialDecayConfig,
  type LearningRateScheduleName,
  type LearningRateScheduleSpec,
  learningRateScheduleSpec,
  type PiecewiseConstantDecayConfig,
  scheduledLearningRate,
} from '@backprop/core';

/** The `{ className, config }` of one schedule class. */
type ScheduleSpecOf<N extends LearningRateScheduleName> = Extract<LearningRateScheduleSpec, { readonly className: N }>;

/**
 * Base of the learning-rate schedules (Keras's `keras.optimizers.schedules.LearningRateSchedule`): pass one as
 * an optimizer's `learningRate` and it is evaluated at every optimizer step (step = `optimizer.iterations`,
 * 0 for the first update), on every backend. It carries its Keras `{ className, config }`, so it is saved
 * with the optimizer. Porting note: only Keras's built-in schedules below, not user subclasses with
 * their own `__call__` (a backend must be able to evaluate them from the config alone).
 */
export abstract class LearningRateSchedule<S extends LearningRateScheduleSpec = LearningRateScheduleSpec> {
  readonly className: S['className'];
  readonly config: S['config'];

  /** Core's learningRateScheduleSpec checks the config (errors name the schedule) and fills Keras's defaults. */
  protected constructor(spec: S) {
    this.className = spec.className;
    this.config = (learningRateScheduleSpec(spec) as S).config;
  }

  /** The learning rate at optimizer step `step` (Keras's `schedule(step)`). */
  call(step: number): number {
    return scheduledLearningRate(this as unknown as LearningRateScheduleSpec, step);
  }

  getConfig(): S['config'] {
    return { ...this.config };
  }
}

/** `keras.optimizers.schedules.ExponentialDecay`: initialLearningRate · decayRate^(step / decaySteps), the exponent floored with `staircase`. */
export class ExponentialDecay extends LearningRateSchedule<ScheduleSpecOf<'ExponentialDecay'>> {
  constructor(config: ExponentialDecayConfig) {
    super({ className: 'ExponentialDecay', config });
  }
}

/** `keras.optimizers.schedules.PiecewiseConstantDecay`: values[i] while step ≤ boundaries[i], the last value after. */
export class PiecewiseConstantDecay extends LearningRateSchedule<ScheduleSpecOf<'PiecewiseConstantDecay'>> {
  constructor(config: PiecewiseConstantDecayConfig) {
    super({ className: 'PiecewiseConstantDecay', config });
  }
}

/**
 * `keras.optimizers.schedules.CosineDecay`: a cosine from the initial rate (or, with `warmupTarget`, after a
 * linear warm-up of `warmupSteps` to it) down to `alpha` times it over `decaySteps`, then constant.
 */
export class CosineDecay extends LearningRateSchedule<ScheduleSpecOf<'CosineDecay'>> {
  constructor(config: CosineDecayConfig) {
    super({ className: 'CosineDecay', config });
  }
}

import { ArgumentError, describeValue, NotSupportedError, OPTIMIZER_DESCRIPTORS, type OptimizerSpec, optimizerSpec, scheduledLearningRate } from '@backprop/core';
import type { Backend } from '../backend/backend';

/**
 * A compiled model's optimizer (Keras's `model.optimizer`, tfjs's `model.optimizer`): its class and config,
 * its step count, and a `learningRate` that can be read and set between fits or from a callback
 * (`this.model.optimizer.learningRate = 1e-4` in `onEpochEnd`), taking effect on the next step on every backend.
 * With a schedule as learning rate, reading gives the schedule's value at `iterations` and setting throws,
 * as in Keras 3.
 */
export class ModelOptimizer {
  private current: Required<OptimizerSpec>;
  /** The model's backend now (null while none is built). */
  private backend: () => Backend | null = () => null;

  constructor(spec: Required<OptimizerSpec>) {
    this.current = spec;
  }

  /** Read the model's current backend through `backend` from now on; returns this. */
  bind(backend: () => Backend | null): this {
    this.backend = backend;
    return this;
  }

  /** The spec a newly built backend starts from: the compiled one with any learning rate set since. */
  get spec(): Required<OptimizerSpec> {
    return this.current;
  }

  /** Keras's class name (`Adam`), as tfjs's `getClassName()`. */
  getClassName(): string {
    return OPTIMIZER_DESCRIPTORS[this.current.name].keras;
  }

  /** The hyper-parameters, with the learning rate in use now. */
  getConfig(): Required<OptimizerSpec> {
    return { ...this.current, learningRate: this.learningRate };
  }

  /** Optimizer steps applied so far (Keras's `optimizer.iterations`); 0 before the backend's first step. */
  get iterations(): number {
    return this.backend()?.optimizerIterations?.() ?? 0;
  }

  get learningRate(): number {
    const backend = this.backend();
    if (backend?.getLearningRate) return backend.getLearningRate();
    const schedule = this.current.learningRateSchedule;
    return schedule ? scheduledLearningRate(schedule, this.iterations) : this.current.learningRate;
  }

  set learningRate(value: number) {
    const schedule = this.current.learningRateSchedule;
    if (schedule) {
      // Keras 3's BaseOptimizer.learning_rate setter raises the same TypeError.
      throw new ArgumentError(
        `This optimizer was created with a learning-rate schedule (${schedule.className}) as its learningRate, hence its learning rate is not settable; compile with a number to set it`,
      );
    }
    if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
      throw new ArgumentError(`optimizer.learningRate must be a positive finite number, got ${describeValue(value)}`);
    }
    const backend = this.backend();
    if (backend && !backend.setLearningRate) throw new NotSupportedError(`backend "${backend.name}"`, 'setting optimizer.learningRate');
    this.current = optimizerSpec({ ...this.current, learningRate: value });
    backend?.setLearningRate?.(value);
  }

  /** tfjs's `optimizer.setLearningRate(lr)` (SGD), kept for scripts ported from tfjs. */
  setLearningRate(value: number): void {
    this.learningRate = value;
  }
}

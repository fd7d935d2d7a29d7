import { ArgumentError, describeValue } from '@backprop/core';
import type { Logs } from '../metrics/running-means';
import { Callback } from './callback';
import { checkPrintOptions, type PrintOptions } from './callback-options';
import { modelOptimizerOf } from './model-optimizer-of';

/** The schedule of LearningRateScheduler: the learning rate for `epoch` (0-based), given the current one. */
export type EpochSchedule = (epoch: number, learningRate: number) => number;

/**
 * Sets the optimizer's learning rate at the start of every epoch to `schedule(epoch, lr)` — Keras 3's
 * `LearningRateScheduler` (keras/src/callbacks/learning_rate_scheduler.py): a non-number result throws
 * ("The output of the `schedule` function should be a float"), and every epoch's logs gain
 * `learning_rate`, so `history.history.learning_rate` records it. Works on every backend through
 * `model.optimizer.learningRate`.
 */
export class LearningRateScheduler extends Callback {
  private readonly schedule: EpochSchedule;
  private readonly print: Required<PrintOptions>;

  constructor(schedule: EpochSchedule, options: PrintOptions = {}) {
    super();
    if (typeof schedule !== 'function') {
      throw new ArgumentError(`LearningRateScheduler expects a schedule function (epoch, lr) => lr, got ${describeValue(schedule)}`);
    }
    this.schedule = schedule;
    this.print = checkPrintOptions(options, 'LearningRateScheduler');
  }

  override onEpochBegin(epoch: number): void {
    const optimizer = modelOptimizerOf('LearningRateScheduler', this.model);
    const learningRate = this.schedule(epoch, optimizer.learningRate);
    if (typeof learningRate !== 'number' || Number.isNaN(learningRate)) {
      throw new ArgumentError(`The output of the LearningRateScheduler schedule function should be a number, got ${describeValue(learningRate)}`);
    }
    optimizer.learningRate = learningRate;
    if (this.print.verbose > 0) this.print.printFn(`\nEpoch ${epoch + 1}: LearningRateScheduler setting learning rate to ${learningRate}.`);
  }

  override onEpochEnd(_epoch: number, logs: Logs): void {
    logs.learning_rate = modelOptimizerOf('LearningRateScheduler', this.model).learningRate;
  }
}

import { ArgumentError, checkBooleanOption, checkOptionKeys, describeValue, optionKeys } from '@backprop/core';
import type { Logs } from '../metrics/running-means';
import type { WeightArray } from '../model/keras-weights';
import { Callback } from './callback';
import { checkMonitorAvailable, monitoredValue } from './monitored-value';
import { isMaximised, type MonitorMode } from './monitor-mode';
import { checkCallbackNumber, checkPrintOptions } from './callback-options';

export interface EarlyStoppingOptions {
  /** Default `val_loss`. */
  monitor?: string;
  /** Smallest change that counts as an improvement (its sign is ignored); default 0. */
  minDelta?: number;
  /** Epochs without improvement before stopping; default 0. */
  patience?: number;
  /** Default 'auto' (maximise names containing `acc`, minimise the rest). */
  mode?: MonitorMode;
  /** Training continues while the monitored value fails to beat this; default none. */
  baseline?: number;
  /** At the end of training, go back to the weights of the best epoch; default false. */
  restoreBestWeights?: boolean;
  /** Epochs to wait before counting; default 0. */
  startFromEpoch?: number;
  /** 1 prints "Epoch 5: early stopping" and the restore; default 0. */
  verbose?: 0 | 1;
  /** Where verbose messages go; default console.log. */
  printFn?: (line: string) => void;
}

/** Every key of EarlyStoppingOptions, checked against the interface by the type checker. */
const EARLY_STOPPING_KEYS = optionKeys<EarlyStoppingOptions>()([
  'monitor',
  'minDelta',
  'patience',
  'mode',
  'baseline',
  'restoreBestWeights',
  'startFromEpoch',
  'verbose',
  'printFn',
]);

/**
 * Stop training when a monitored quantity has stopped improving — Keras 3's `EarlyStopping`
 * (keras/src/callbacks/early_stopping.py), step for step: each epoch counts `wait` up; an improvement
 * of more than `minDelta` over the best value (and over `baseline`, if set) resets it; once
 * `wait >= patience` (never in the first epoch) training stops. With `restoreBestWeights` the best
 * epoch's weights are restored when training ends, whether or not it stopped early (Keras 3 behaviour).
 */
export class EarlyStopping extends Callback {
  readonly monitor: string;
  readonly patience: number;
  private readonly minDelta: number;
  private readonly maximise: boolean;
  private readonly baseline: number | null;
  private readonly restoreBestWeights: boolean;
  private readonly startFromEpoch: number;
  private readonly verbose: 0 | 1;
  private readonly printFn: (line: string) => void;
  private wait = 0;
  /** 0-based epoch at which training was stopped; 0 if it was not. */
  stoppedEpoch = 0;
  best = Number.POSITIVE_INFINITY;
  bestEpoch = 0;
  private bestWeights: WeightArray[] | null = null;

  constructor(options: EarlyStoppingOptions = {}) {
    super();
    checkOptionKeys(options, EARLY_STOPPING_KEYS, 'EarlyStopping options');
    this.monitor = options.monitor ?? 'val_loss';
    if (typeof this.monitor !== 'string') throw new ArgumentError(`EarlyStopping monitor must be a log name such as "val_loss", got ${describeValue(this.monitor)}`);
    this.patience = options.patience ?? 0;
    if (!Number.isInteger(this.patience) || this.patience < 0) {
      throw new ArgumentError(`EarlyStopping patience must be a non-negative integer, got ${describeValue(options.patience)}`);
    }
    this.minDelta = Math.abs(checkCallbackNumber(options.minDelta, 'EarlyStopping minDelta') ?? 0);
    this.maximise = isMaximised(this.monitor, options.mode ?? 'auto');
    this.baseline = checkCallbackNumber(options.baseline, 'EarlyStopping baseline') ?? null;
    this.restoreBestWeights = checkBooleanOption(options.restoreBestWeights, 'restoreBestWeights', 'EarlyStopping options') ?? false;
    this.startFromEpoch = options.startFromEpoch ?? 0;
    if (!Number.isInteger(this.startFromEpoch) || this.startFromEpoch < 0) {
      throw new ArgumentError(`EarlyStopping startFromEpoch must be a non-negative integer, got ${describeValue(options.startFromEpoch)}`);
    }
    ({ verbose: this.verbose, printFn: this.printFn } = checkPrintOptions(options, 'EarlyStopping'));
  }

  override onTrainBegin(): void {
    checkMonitorAvailable('EarlyStopping', this.monitor, this.params);
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = this.maximise ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    this.bestEpoch = 0;
    this.bestWeights = null;
  }

  override async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    const current = monitoredValue('EarlyStopping', this.monitor, logs);
    if (epoch < this.startFromEpoch) return;
    const model = this.model!;
    if (this.restoreBestWeights && this.bestWeights === null) {
      // If best weights were never set, the current ones are the best so far.
      this.bestWeights = await model.getWeightsAsync();
      this.bestEpoch = epoch;
    }
    this.wait += 1;
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.bestWeights = await model.getWeightsAsync();
      // Only restart the count when we beat both the baseline and the previous best.
      if (this.baseline === null || this.isImprovement(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      model.stopTraining = true;
    }
  }

  override async onTrainEnd(): Promise<void> {
    if (this.stoppedEpoch > 0 && this.verbose > 0) this.printFn(`Epoch ${this.stoppedEpoch + 1}: early stopping`);
    if (this.restoreBestWeights && this.bestWeights !== null) {
      if (this.verbose > 0) this.printFn(`Restoring model weights from the end of the best epoch: ${this.bestEpoch + 1}.`);
      await this.model!.setWeightsAsync(this.bestWeights);
    }
  }

  private isImprovement(value: number, reference: number): boolean {
    return this.maximise ? value - this.minDelta > reference : value + this.minDelta < reference;
  }
}

import { ArgumentError, checkOptionKeys, describeValue, optionKeys } from '@backprop/core';
import type { Logs } from '../metrics/running-means';
import { Callback } from './callback';
import { checkCallbackNumber, checkPrintOptions } from './callback-options';
import { modelOptimizerOf } from './model-optimizer-of';
import { checkMonitorAvailable, monitoredValue } from './monitored-value';
import { isMaximised, type MonitorMode } from './monitor-mode';

export interface ReduceLROnPlateauOptions {
  /** Default `val_loss`. */
  monitor?: string;
  /** new lr = lr · factor; default 0.1, must be < 1. */
  factor?: number;
  /** Epochs without improvement before reducing; default 10. */
  patience?: number;
  /** Default 'auto' (maximise names containing `acc`, minimise the rest). */
  mode?: MonitorMode;
  /** Smallest change that counts as an improvement; default 1e-4. */
  minDelta?: number;
  /** Epochs to wait after a reduction before counting again; default 0. */
  cooldown?: number;
  /** The learning rate never goes below this; default 0. */
  minLr?: number;
  /** 1 prints "Epoch 7: ReduceLROnPlateau reducing learning rate to …"; default 0. */
  verbose?: 0 | 1;
  /** Where verbose messages go; default console.log. */
  printFn?: (line: string) => void;
}

const KEYS = optionKeys<ReduceLROnPlateauOptions>()(['monitor', 'factor', 'patience', 'mode', 'minDelta', 'cooldown', 'minLr', 'verbose', 'printFn']);

function nonNegativeInteger(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 0) throw new ArgumentError(`ReduceLROnPlateau ${name} must be a non-negative integer, got ${describeValue(value)}`);
  return v;
}

/**
 * Reduce the learning rate when a monitored value has stopped improving — Keras 3's `ReduceLROnPlateau`
 * (keras/src/callbacks/reduce_lr_on_plateau.py), step for step: an improvement of more than `minDelta` over
 * the best value resets `wait`; outside cooldown, `wait` counts up and at `patience` the rate becomes
 * max(lr·factor, minLr) (only if lr > minLr in float32), then `cooldown` epochs pass without counting.
 * Every epoch's logs gain `learning_rate`. Porting note: a monitor not among the fit's logs throws before
 * the first epoch (Keras 3 raises for it at the end of the first epoch in mode 'auto', warns otherwise).
 */
export class ReduceLROnPlateau extends Callback {
  readonly monitor: string;
  private readonly factor: number;
  private readonly patience: number;
  private readonly minDelta: number;
  private readonly cooldown: number;
  private readonly minLr: number;
  private readonly maximise: boolean;
  private readonly print: { verbose: 0 | 1; printFn: (line: string) => void };
  private wait = 0;
  private cooldownCounter = 0;
  private best: number | null = null;

  constructor(options: ReduceLROnPlateauOptions = {}) {
    super();
    checkOptionKeys(options, KEYS, 'ReduceLROnPlateau options');
    this.monitor = options.monitor ?? 'val_loss';
    if (typeof this.monitor !== 'string') throw new ArgumentError(`ReduceLROnPlateau monitor must be a log name such as "val_loss", got ${describeValue(this.monitor)}`);
    this.factor = checkCallbackNumber(options.factor, 'ReduceLROnPlateau factor') ?? 0.1;
    // Keras: "ReduceLROnPlateau does not support a factor >= 1.0".
    if (!(this.factor > 0 && this.factor < 1)) throw new ArgumentError(`ReduceLROnPlateau factor must be in (0, 1), got ${this.factor}`);
    this.patience = nonNegativeInteger(options.patience, 10, 'patience');
    this.cooldown = nonNegativeInteger(options.cooldown, 0, 'cooldown');
    this.minDelta = Math.abs(checkCallbackNumber(options.minDelta, 'ReduceLROnPlateau minDelta') ?? 1e-4);
    this.minLr = checkCallbackNumber(options.minLr, 'ReduceLROnPlateau minLr') ?? 0;
    this.maximise = isMaximised(this.monitor, options.mode ?? 'auto');
    this.print = checkPrintOptions(options, 'ReduceLROnPlateau');
  }

  override onTrainBegin(): void {
    checkMonitorAvailable('ReduceLROnPlateau', this.monitor, this.params);
    this.best = null;
    this.cooldownCounter = 0;
    this.wait = 0;
  }

  override onEpochEnd(epoch: number, logs: Logs): void {
    const optimizer = modelOptimizerOf('ReduceLROnPlateau', this.model);
    logs.learning_rate = optimizer.learningRate;
    const current = monitoredValue('ReduceLROnPlateau', this.monitor, logs);
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    if (this.isImprovement(current)) {
      this.best = current;
      this.wait = 0;
      return;
    }
    if (this.cooldownCounter > 0) return;
    this.wait += 1;
    if (this.wait < this.patience) return;
    const old = optimizer.learningRate;
    if (!(old > Math.fround(this.minLr))) return;
    const reduced = Math.max(old * this.factor, this.minLr);
    optimizer.learningRate = reduced;
    if (this.print.verbose > 0) this.print.printFn(`\nEpoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${reduced}.`);
    this.cooldownCounter = this.cooldown;
    this.wait = 0;
  }

  /** Keras's MonitorCallback._is_improvement: anything beats no best yet; then by more than minDelta. */
  private isImprovement(value: number): boolean {
    if (this.best === null) return true;
    return this.maximise ? value - this.minDelta > this.best : value + this.minDelta < this.best;
  }
}

import { checkBooleanOption, checkOptionKeys, DivergenceError, optionKeys } from '@backprop/core';
import type { Logs } from '../metrics/running-means';
import { Callback } from './callback';

export interface TerminateOnNaNOptions {
  /**
   * Throw a `DivergenceError` (default) so that `fit` rejects and nothing non-finite spreads further;
   * false only stops training, as Keras's `TerminateOnNaN` does.
   */
  throwError?: boolean;
}

/** Every key of TerminateOnNaNOptions, checked against the interface by the type checker. */
const TERMINATE_ON_NAN_KEYS = optionKeys<TerminateOnNaNOptions>()(['throwError']);

/**
 * Stops training when the loss becomes NaN or ±Infinity (Keras's `TerminateOnNaN`). `fit` attaches one
 * by default; pass your own to configure it. Porting note: by default it also throws a
 * `DivergenceError` naming the 1-based epoch and batch, where Keras only stops.
 */
export class TerminateOnNaN extends Callback {
  private readonly throwError: boolean;
  private epoch = 0;

  constructor(options: TerminateOnNaNOptions = {}) {
    super();
    checkOptionKeys(options, TERMINATE_ON_NAN_KEYS, 'TerminateOnNaN options');
    this.throwError = checkBooleanOption(options.throwError, 'throwError', 'TerminateOnNaN options') ?? true;
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  override onBatchEnd(batch: number, logs: Logs): void {
    const loss = logs.loss;
    if (loss === undefined || Number.isFinite(loss)) return;
    if (this.model) this.model.stopTraining = true;
    if (this.throwError) throw new DivergenceError(this.epoch + 1, batch + 1, loss);
  }
}

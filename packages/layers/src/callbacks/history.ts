import type { Logs } from '../metrics/running-means';
import { Callback } from './callback';

/**
 * Records every epoch's logs (Keras's `History`): `history.loss[i]`, `history.val_accuracy[i]`, and the
 * epoch numbers in `epoch`. `fit` always attaches one and returns it.
 */
export class History extends Callback {
  /** Metric name → one value per epoch. */
  readonly history: Record<string, number[]> = {};
  /** 0-based epoch numbers, in order (with `initialEpoch` 5 the first is 5). */
  readonly epoch: number[] = [];

  override onEpochEnd(epoch: number, logs: Logs): void {
    this.epoch.push(epoch);
    for (const [key, value] of Object.entries(logs)) {
      if (!this.history[key]) this.history[key] = [];
      this.history[key].push(value);
    }
  }
}

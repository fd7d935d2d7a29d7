import { Callback } from '../callbacks/callback';
import type { Logs } from '../metrics/running-means';
import type { FitProgressEvent } from './worker-protocol';

/**
 * The worker's end of `onProgress`: forwards every hook, with a copy of its logs, as a
 * `FitProgressEvent`. Batch hooks do not know their epoch (Keras's signature), so it is tracked here.
 */
export class ProgressCallback extends Callback {
  private epoch = 0;

  constructor(
    private readonly post: (event: FitProgressEvent) => void,
    private readonly batchEvents: boolean,
  ) {
    super();
  }

  override onTrainBegin(logs: Logs): void {
    this.post({ type: 'trainBegin', logs: { ...logs } });
  }

  override onEpochBegin(epoch: number, logs: Logs): void {
    this.epoch = epoch;
    this.post({ type: 'epochBegin', epoch, logs: { ...logs } });
  }

  override onBatchBegin(batch: number, logs: Logs): void {
    if (this.batchEvents) this.post({ type: 'batchBegin', epoch: this.epoch, batch, logs: { ...logs } });
  }

  override onBatchEnd(batch: number, logs: Logs): void {
    if (this.batchEvents) this.post({ type: 'batchEnd', epoch: this.epoch, batch, logs: { ...logs } });
  }

  override onEpochEnd(epoch: number, logs: Logs): void {
    this.post({ type: 'epochEnd', epoch, logs: { ...logs } });
  }

  override onTrainEnd(logs: Logs): void {
    this.post({ type: 'trainEnd', logs: { ...logs } });
  }
}

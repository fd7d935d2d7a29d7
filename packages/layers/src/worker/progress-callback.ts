import { Matrix } from '@backprop/core';
import { Callback } from '../callbacks/callback';
import type { Logs } from '../metrics/running-means';
import type { WeightArray } from '../model/keras-weights';
import type { FitProgressEvent, PortableWeight } from './worker-protocol';

/** `getWeights` arrays with their shapes, ready to post (the values are copies the model no longer uses). */
export function portableWeights(weights: readonly WeightArray[]): PortableWeight[] {
  return weights.map((w) => (w instanceof Matrix ? { shape: [w.rows, w.cols], values: w.data } : { shape: [w.length], values: w }));
}

/**
 * The worker's end of `onProgress`: forwards every hook, with a copy of its logs, as a
 * `FitProgressEvent`. Batch hooks do not know their epoch (Keras's signature), so it is tracked here.
 */
export class ProgressCallback extends Callback {
  private epoch = 0;

  constructor(
    private readonly post: (event: FitProgressEvent) => void,
    private readonly batchEvents: boolean,
    private readonly epochWeights = false,
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

  override async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    const weights = this.epochWeights && this.model ? portableWeights(await this.model.getWeightsAsync()) : undefined;
    this.post({ type: 'epochEnd', epoch, logs: { ...logs }, ...(weights ? { weights } : {}) });
  }

  override onTrainEnd(logs: Logs): void {
    this.post({ type: 'trainEnd', logs: { ...logs } });
  }
}

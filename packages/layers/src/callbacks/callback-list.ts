import type { Logs } from '../metrics/running-means';
import type { Callback, CallbackModel, TrainingParams } from './callback';

/** Calls every callback in order, awaiting each (Keras's `CallbackList`). */
export class CallbackList {
  constructor(readonly callbacks: readonly Callback[]) {}

  configure(model: CallbackModel, params: TrainingParams): void {
    for (const c of this.callbacks) {
      c.setModel(model);
      c.setParams(params);
    }
  }

  async onTrainBegin(logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onTrainBegin(logs);
  }

  async onTrainEnd(logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onTrainEnd(logs);
  }

  async onEpochBegin(epoch: number, logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onEpochBegin(epoch, logs);
  }

  async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onEpochEnd(epoch, logs);
  }

  async onBatchBegin(batch: number, logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onBatchBegin(batch, logs);
  }

  async onBatchEnd(batch: number, logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onBatchEnd(batch, logs);
  }
}

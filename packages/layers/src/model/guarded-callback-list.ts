import type { Callback } from '../callbacks/callback';
import { CallbackList } from '../callbacks/callback-list';
import type { Logs } from '../metrics/running-means';
import type { FitGuard } from './fit-guard';

/** The callbacks of one fit, each hook run through `FitGuard.inCallbacks` so that they may set weights. */
export class GuardedCallbackList extends CallbackList {
  constructor(
    callbacks: readonly Callback[],
    private readonly guard: FitGuard,
  ) {
    super(callbacks);
  }

  override onTrainBegin(logs: Logs): Promise<void> {
    return this.guard.inCallbacks(() => super.onTrainBegin(logs));
  }

  override onTrainEnd(logs: Logs): Promise<void> {
    return this.guard.inCallbacks(() => super.onTrainEnd(logs));
  }

  override onEpochBegin(epoch: number, logs: Logs): Promise<void> {
    return this.guard.inCallbacks(() => super.onEpochBegin(epoch, logs));
  }

  override onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    return this.guard.inCallbacks(() => super.onEpochEnd(epoch, logs));
  }

  override onBatchBegin(batch: number, logs: Logs): Promise<void> {
    return this.guard.inCallbacks(() => super.onBatchBegin(batch, logs));
  }

  override onBatchEnd(batch: number, logs: Logs): Promise<void> {
    return this.guard.inCallbacks(() => super.onBatchEnd(batch, logs));
  }
}

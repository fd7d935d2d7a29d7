import { ModelStateError } from './model-state-error';

/**
 * Whether a `fit` is running on a model, and the refusal of calls that would throw its training away:
 * `compile`, `add` and `dispose` throw `ModelStateError` while a fit is in progress, and so do
 * `setWeights` / `setWeightsAsync` unless a callback of that fit makes them (Keras's callbacks may set
 * weights: EarlyStopping's restoreBestWeights does at train end). `model.stopTraining = true` stays the way
 * to end a fit early. Reading calls (`getWeights`, `predict`, `evaluate`, `save` — ModelCheckpoint at an
 * epoch end) stay allowed, as in Keras. A second `fit` is refused with tfjs's message
 * (`tfjs-layers/src/engine/training.ts`); Keras has no such check.
 */
export class FitGuard {
  private running = false;
  /** Callbacks of the running fit being awaited (nested when a callback awaits another hook). */
  private callbackDepth = 0;

  /** Mark a fit as started; throws when one is already running. */
  begin(): void {
    if (this.running) throw new ModelStateError('Cannot start training because another fit() call is ongoing (as tfjs)');
    this.running = true;
  }

  end(): void {
    this.running = false;
    this.callbackDepth = 0;
  }

  /** Run one hook of the fit's callbacks; calls made meanwhile count as made by a callback. */
  async inCallbacks(hook: () => Promise<void>): Promise<void> {
    this.callbackDepth++;
    try {
      await hook();
    } finally {
      this.callbackDepth--;
    }
  }

  /** Throw if a fit is running; `call` names the refused method (`compile()`). */
  assertIdle(call: string): void {
    if (this.running) throw refusal(call, '');
  }

  /** As `assertIdle`, but let the running fit's own callbacks through (for setting weights). */
  assertIdleOrInCallback(call: string): void {
    if (this.running && this.callbackDepth === 0) throw refusal(call, ' (its callbacks may set weights, e.g. EarlyStopping)');
  }
}

function refusal(call: string, note: string): ModelStateError {
  return new ModelStateError(
    `Cannot call ${call} while fit() is in progress${note}: it would discard the training. ` +
      'Set model.stopTraining = true (e.g. from a callback) and await fit() first',
  );
}

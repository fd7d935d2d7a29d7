import { ModelStateError } from './model-state-error';

/**
 * Whether a `fit` is running on a model, and the refusal of calls that would throw its training away
 * (`compile`, `add`, `setWeights`, `dispose`): each throws `ModelStateError` while a fit is in progress.
 * `model.stopTraining = true` stays the way to end a fit early. Reading calls (`getWeights`, `predict`,
 * `evaluate`, `save` — e.g. ModelCheckpoint at an epoch end) stay allowed, as in Keras.
 * A second `fit` is refused with tfjs's message (`tfjs-layers/src/engine/training.ts`); Keras has no check.
 */
export class FitGuard {
  private running = false;

  get inProgress(): boolean {
    return this.running;
  }

  /** Mark a fit as started; throws when one is already running. */
  begin(): void {
    if (this.running) throw new ModelStateError('Cannot start training because another fit() call is ongoing (as tfjs)');
    this.running = true;
  }

  end(): void {
    this.running = false;
  }

  /** Throw if a fit is running; `call` names the refused method (`compile()`). */
  assertIdle(call: string): void {
    if (!this.running) return;
    throw new ModelStateError(
      `Cannot call ${call} while fit() is in progress: it would discard the training. ` +
        'Set model.stopTraining = true (e.g. from a callback) and await fit() first',
    );
  }
}

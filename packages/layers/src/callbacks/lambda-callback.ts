import { ArgumentError, checkOptionKeys, describeValue, optionKeys } from '@backprop/core';
import type { Logs } from '../metrics/running-means';
import { Callback } from './callback';

/**
 * Hooks of a callback given as functions: Keras's `LambdaCallback` arguments camelCased, and the
 * callback object tfjs's `model.fit` accepts (`CustomCallbackArgs`). Each may be async; it is awaited.
 */
export interface CallbackHooks {
  onTrainBegin?: (logs: Logs) => void | Promise<void>;
  onTrainEnd?: (logs: Logs) => void | Promise<void>;
  onEpochBegin?: (epoch: number, logs: Logs) => void | Promise<void>;
  onEpochEnd?: (epoch: number, logs: Logs) => void | Promise<void>;
  onBatchBegin?: (batch: number, logs: Logs) => void | Promise<void>;
  onBatchEnd?: (batch: number, logs: Logs) => void | Promise<void>;
}

export const CALLBACK_HOOK_KEYS = optionKeys<CallbackHooks>()(['onTrainBegin', 'onTrainEnd', 'onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd']);

/** tfjs's CustomCallbackArgs members this library does not implement: refused rather than ignored. */
const UNSUPPORTED_HOOKS = ['onYield', 'nowFunc', 'nextFrameFunc'];

/**
 * A callback from functions — Keras's `LambdaCallback` (keras/src/callbacks/lambda_callback.py, whose
 * `on_train_batch_begin/end` are `onBatchBegin/End` here) and tfjs's plain callback objects
 * (`model.fit(x, y, { callbacks: { onEpochEnd: (epoch, logs) => … } })`, tfjs-layers' CustomCallback).
 * An unknown key is an UnknownOptionError naming the closest hook; a key that is not a function throws.
 */
export class LambdaCallback extends Callback {
  private readonly hooks: CallbackHooks;

  constructor(hooks: CallbackHooks, where = 'LambdaCallback arguments') {
    super();
    checkOptionKeys(hooks, CALLBACK_HOOK_KEYS, where, UNSUPPORTED_HOOKS);
    for (const [key, hook] of Object.entries(hooks)) {
      if (hook !== undefined && typeof hook !== 'function') throw new ArgumentError(`${key} in ${where} must be a function, got ${describeValue(hook)}`);
    }
    this.hooks = { ...hooks };
  }

  override onTrainBegin(logs: Logs): void | Promise<void> {
    return this.hooks.onTrainBegin?.(logs);
  }

  override onTrainEnd(logs: Logs): void | Promise<void> {
    return this.hooks.onTrainEnd?.(logs);
  }

  override onEpochBegin(epoch: number, logs: Logs): void | Promise<void> {
    return this.hooks.onEpochBegin?.(epoch, logs);
  }

  override onEpochEnd(epoch: number, logs: Logs): void | Promise<void> {
    return this.hooks.onEpochEnd?.(epoch, logs);
  }

  override onBatchBegin(batch: number, logs: Logs): void | Promise<void> {
    return this.hooks.onBatchBegin?.(batch, logs);
  }

  override onBatchEnd(batch: number, logs: Logs): void | Promise<void> {
    return this.hooks.onBatchEnd?.(batch, logs);
  }
}

import { ArgumentError, describeValue } from '@backprop/core';
import { Callback } from './callback';
import { type CallbackHooks, LambdaCallback } from './lambda-callback';

/** One entry of fit's `callbacks`: a Callback, or a plain object of hooks (tfjs's CustomCallbackArgs). */
export type CallbackOption = Callback | CallbackHooks;

/**
 * fit's `callbacks` as Callback instances. Keras takes a list of Callback objects; tfjs's `model.fit` also
 * takes a single callback not in a list and plain objects of hooks (`{ onEpochEnd(epoch, logs) {} }`), so
 * both are accepted: a plain object becomes a LambdaCallback (an unknown key such as `onEpochEnds` is an
 * UnknownOptionError), anything else (`42`, a function) is an ArgumentError naming its index.
 */
export function toCallbacks(callbacks: CallbackOption | readonly CallbackOption[] | undefined): Callback[] {
  if (callbacks === undefined) return [];
  const list = Array.isArray(callbacks) ? (callbacks as readonly unknown[]) : [callbacks];
  return list.map((callback, i) => {
    const where = Array.isArray(callbacks) ? `callbacks[${i}]` : 'callbacks';
    if (callback instanceof Callback) return callback;
    if (callback !== null && typeof callback === 'object' && Object.getPrototypeOf(callback) === Object.prototype) {
      return new LambdaCallback(callback as CallbackHooks, `${where} (a callback object)`);
    }
    throw new ArgumentError(
      `${where} must be a Callback instance (e.g. new EarlyStopping(), or a subclass of Callback) or an object of hooks such as { onEpochEnd(epoch, logs) {} }, got ${describeValue(callback)}`,
    );
  });
}

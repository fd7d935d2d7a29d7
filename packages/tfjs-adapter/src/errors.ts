import { BackpropError } from '@backprop/core';

/**
 * A TensorFlow.js backend that was asked for (by `initTfjs({ backend })` or `BACKPROP_TFJS_BACKEND`)
 * cannot run here. The message names the package to install.
 */
export class TfjsBackendUnavailableError extends BackpropError {
  constructor(
    readonly backend: string,
    readonly reason: string,
    readonly install: string,
  ) {
    super(`TensorFlow.js backend "${backend}" was requested but cannot run: ${reason}. ${install}`);
  }
}

/**
 * A model piece (activation, layer, loss, optimizer) that has no TensorFlow.js twin with the same math.
 * Raised while building, before any tensor is created, so it never surfaces as a crash deep inside tfjs.
 */
export class TfjsUnsupportedError extends BackpropError {
  constructor(
    readonly kind: string,
    readonly given: string,
    readonly supported: readonly string[],
    detail = '',
  ) {
    super(`${kind} "${given}" cannot be expressed in TensorFlow.js${detail ? ` (${detail})` : ''}; expected one of: ${supported.join(', ')}`);
  }
}

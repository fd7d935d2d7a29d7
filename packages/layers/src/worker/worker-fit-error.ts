import { BackpropError } from '@backprop/core';

/**
 * `fit` failed inside the worker (or the worker itself failed). Errors do not keep their class across
 * threads, so the original class name is kept in `remoteName` and leads the message:
 * `ShapeError in the worker: Dense "dense_1" expects input of width 4, got 3`.
 */
export class WorkerFitError extends BackpropError {
  constructor(
    readonly remoteName: string,
    readonly remoteMessage: string,
  ) {
    super(`${remoteName} in the worker: ${remoteMessage}`);
  }
}

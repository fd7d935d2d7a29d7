import { ArgumentError, describeValue, NotSupportedError, type OptimizerState } from '@backprop/core';
import type { Backend } from '../backend/backend';
import { ModelStateError } from './model-state-error';

const NEEDS_COMPILE = 'needs a compiled model (an optimizer): call model.compile({ loss, optimizer }) first';

/** The state of the backend's optimizer; `backend` is null when the model is not compiled. */
export function readOptimizerState(backend: Backend | null, call: string): Promise<OptimizerState> {
  if (!backend) throw new ModelStateError(`${call} ${NEEDS_COMPILE}`);
  if (!backend.getOptimizerState) throw new NotSupportedError(`backend "${backend.name}"`, 'reading the optimizer state (includeOptimizer)');
  return backend.getOptimizerState();
}

/**
 * An optimizer state given to a model (`setOptimizerState`, or by `loadModel`), held until the model's
 * backend is ready — a loaded model's backend may still be loading (tfjs) — and restored into it before
 * anything else uses it. Compiling again drops it: a new compile is a new optimizer, as in Keras.
 */
export class PendingOptimizerState {
  private state: OptimizerState | null = null;

  /** Hold `state` (its shape checked now) for the backend. */
  hold(state: OptimizerState, compiled: boolean): void {
    if (!compiled) throw new ModelStateError(`setOptimizerState ${NEEDS_COMPILE}`);
    const ok =
      state !== null &&
      typeof state === 'object' &&
      Number.isSafeInteger(state.iterations) &&
      state.iterations >= 0 &&
      Array.isArray(state.variables) &&
      state.variables.every((v) => v !== null && typeof v === 'object' && typeof v.name === 'string' && v.values instanceof Float32Array);
    if (!ok) throw new ArgumentError(`optimizer state must be { iterations: a non-negative integer, variables: [{ name, values: Float32Array }] }, got ${describeValue(state)}`);
    this.state = state;
  }

  clear(): void {
    this.state = null;
  }

  /** Restore the held state, if any, into `backend`, and return the backend. */
  async applyTo(backend: Backend): Promise<Backend> {
    const state = this.state;
    if (!state) return backend;
    this.state = null;
    if (!backend.setOptimizerState) throw new NotSupportedError(`backend "${backend.name}"`, 'restoring the optimizer state (includeOptimizer)');
    await backend.setOptimizerState(state);
    return backend;
  }
}

import { type OptimizerName, optimizerNames } from '../descriptors/optimizer-descriptors';
import { ArgumentError, UnknownNameError } from '../errors';
import type { Kernels } from '../kernels/kernels';
import type { FloatArray } from '../matrix';

export type { OptimizerName };

/** Hyper-parameters of every optimizer; unset ones take Keras's defaults. */
export interface OptimizerSpec {
  readonly name: OptimizerName;
  readonly learningRate?: number;
  /** sgd, rmsprop */
  readonly momentum?: number;
  /** sgd */
  readonly nesterov?: boolean;
  /** adam */
  readonly beta1?: number;
  readonly beta2?: number;
  /** adam, rmsprop */
  readonly epsilon?: number;
  /** rmsprop */
  readonly rho?: number;
}

/** A parameter tensor and its gradient, both `size` floats. */
export interface ParameterSlot {
  readonly param: FloatArray;
  readonly grad: FloatArray;
  readonly size: number;
}

/** Applies one update to every parameter; keeps its own state buffers (allocated through the kernels). */
export interface Optimizer {
  readonly spec: Required<OptimizerSpec>;
  /** Number of updates applied so far. */
  readonly iterations: number;
  step(slots: readonly ParameterSlot[]): void;
  /** Release state buffers. */
  dispose(): void;
}

const defaults: Record<OptimizerName, Required<OptimizerSpec>> = {
  sgd: { name: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false, beta1: 0, beta2: 0, epsilon: 0, rho: 0 },
  adam: { name: 'adam', learningRate: 0.001, momentum: 0, nesterov: false, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, rho: 0 },
  rmsprop: { name: 'rmsprop', learningRate: 0.001, momentum: 0, nesterov: false, beta1: 0, beta2: 0, epsilon: 1e-7, rho: 0.9 },
};

/** How many state buffers each rule keeps per parameter, and its update (the math lives in the kernels). */
const rules: Record<OptimizerName, { slots: (s: Required<OptimizerSpec>) => number; update: UpdateRule }> = {
  sgd: {
    slots: (s) => (s.momentum > 0 ? 1 : 0),
    update: (k, s, slot, state) =>
      s.momentum > 0
        ? k.momentumUpdate(slot.param, slot.grad, state[0], slot.size, s.learningRate, s.momentum, s.nesterov)
        : k.sgdUpdate(slot.param, slot.grad, slot.size, s.learningRate),
  },
  adam: {
    slots: () => 2,
    update: (k, s, slot, state, t) =>
      k.adamUpdate(slot.param, slot.grad, state[0], state[1], slot.size, s.learningRate, s.beta1, s.beta2, s.epsilon, t),
  },
  rmsprop: {
    slots: () => 2,
    update: (k, s, slot, state) =>
      k.rmspropUpdate(slot.param, slot.grad, state[0], state[1], slot.size, s.learningRate, s.rho, s.momentum, s.epsilon),
  },
};

type UpdateRule = (
  kernels: Kernels,
  spec: Required<OptimizerSpec>,
  slot: ParameterSlot,
  state: Float32Array[],
  t: number,
) => void;

export { optimizerNames };

/** Fill in Keras's defaults and check every hyper-parameter. */
export function optimizerSpec(spec: OptimizerSpec | string): Required<OptimizerSpec> {
  const given = typeof spec === 'string' ? { name: spec } : spec;
  const name = String(given.name).toLowerCase();
  if (!Object.hasOwn(rules, name)) throw new UnknownNameError('optimizer', String(given.name), optimizerNames);
  const full: Required<OptimizerSpec> = { ...defaults[name as OptimizerName] };
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined && key !== 'name') (full as Record<string, unknown>)[key] = value;
  }
  const positive = (key: 'learningRate' | 'epsilon') => {
    if (!(typeof full[key] === 'number' && full[key] > 0 && Number.isFinite(full[key]))) {
      throw new ArgumentError(`${full.name} ${key} must be a positive finite number, got ${full[key]}`);
    }
  };
  positive('learningRate');
  if (full.name !== 'sgd') positive('epsilon');
  for (const key of ['momentum', 'beta1', 'beta2', 'rho'] as const) {
    if (!(full[key] >= 0 && full[key] < 1)) throw new ArgumentError(`${full.name} ${key} must be in [0, 1), got ${full[key]}`);
  }
  return full;
}

/** Create an optimizer whose state lives in buffers of the given kernel set. */
export function createOptimizer(spec: OptimizerSpec | string, kernels: Kernels): Optimizer {
  const full = optimizerSpec(spec);
  const rule = rules[full.name];
  const nSlots = rule.slots(full);
  const state = new Map<FloatArray, Float32Array[]>();
  let iterations = 0;
  return {
    spec: full,
    get iterations() {
      return iterations;
    },
    step(slots) {
      iterations += 1;
      for (const slot of slots) {
        let buffers = state.get(slot.param);
        if (!buffers) {
          buffers = Array.from({ length: nSlots }, () => kernels.alloc(slot.size));
          state.set(slot.param, buffers);
        }
        rule.update(kernels, full, slot, buffers, iterations);
      }
    },
    dispose() {
      for (const buffers of state.values()) for (const b of buffers) kernels.free(b);
      state.clear();
    },
  };
}

import { type OptimizerName, optimizerNames } from '../descriptors/optimizer-descriptors';
import { ArgumentError, describeValue, UnknownNameError } from '../errors';
import type { Kernels } from '../kernels/kernels';
import type { FloatArray } from '../matrix';
import { allocatingFor } from '../network/model-memory';
import { checkBooleanOption, checkOptionKeys } from '../options/check-option-keys';
import { optionKeys } from '../options/option-keys';
import { createOptimizerState, type OptimizerState } from './optimizer-state';

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
  /** What the parameter is (`Dense "dense_1" kernel`), for error messages. */
  readonly name?: string;
}

/** Applies one update to every parameter; keeps its own state buffers (allocated through the kernels). */
export interface Optimizer {
  readonly spec: Required<OptimizerSpec>;
  /** Number of updates applied so far. */
  readonly iterations: number;
  step(slots: readonly ParameterSlot[]): void;
  /**
   * The state as named variables (`<parameter>/<slot>`, each slot kind over every parameter, Keras's and
   * tfjs's order), copies, with the step count; no variables before the first step.
   */
  getState(): OptimizerState;
  /** Restore a state from `getState` (also before the first step: buffers are filled when their parameter first appears). */
  setState(state: OptimizerState): void;
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

/** Names of the state buffers each rule keeps per parameter, in Keras's order (its variable suffixes). */
const SLOT_NAMES: Record<OptimizerName, readonly string[]> = { sgd: ['momentum'], adam: ['momentum', 'velocity'], rmsprop: ['velocity', 'momentum'] };

/** State buffers an optimizer keeps per parameter (0 for plain SGD, 1 with momentum, 2 for Adam and RMSprop): for memory estimates. */
export function optimizerSlotCount(spec: OptimizerSpec | string): number {
  const full = optimizerSpec(spec);
  return rules[full.name].slots(full);
}

export { optimizerNames };

/** Every key of OptimizerSpec, checked against the interface (see optionKeys). */
const SPEC_KEYS = optionKeys<OptimizerSpec>()(['name', 'learningRate', 'momentum', 'nesterov', 'beta1', 'beta2', 'epsilon', 'rho']);

/** The hyper-parameters each rule reads; the others may only carry the neutral value `optimizerSpec` fills in. */
const OWN_KEYS: Record<OptimizerName, readonly (keyof OptimizerSpec & string)[]> = {
  sgd: ['name', 'learningRate', 'momentum', 'nesterov'],
  adam: ['name', 'learningRate', 'beta1', 'beta2', 'epsilon'],
  rmsprop: ['name', 'learningRate', 'rho', 'momentum', 'epsilon'],
};

/**
 * Options of Keras 3's optimizers (and tfjs's) that this engine does not implement yet: refused with
 * NotSupportedError rather than ignored (Keras's `weight_decay`, `clipnorm`, … base-optimizer
 * arguments, Adam's `amsgrad`, RMSprop's `centered`).
 */
export const unsupportedOptimizerOptions: readonly string[] = [
  'weightDecay',
  'clipnorm',
  'clipvalue',
  'globalClipnorm',
  'useEma',
  'emaMomentum',
  'emaOverwriteFrequency',
  'lossScaleFactor',
  'gradientAccumulationSteps',
  'amsgrad',
  'centered',
];

/** Fill in Keras's defaults and check every hyper-parameter; an unknown or foreign key throws. */
export function optimizerSpec(spec: OptimizerSpec | string): Required<OptimizerSpec> {
  if (typeof spec !== 'string' && (spec === null || typeof spec !== 'object' || Array.isArray(spec))) {
    throw new ArgumentError(`optimizer must be a name (${optimizerNames.join(', ')}) or a spec { name, learningRate, … }, got ${describeValue(spec)}`);
  }
  const given: OptimizerSpec = typeof spec === 'string' ? { name: spec as OptimizerName } : spec;
  if (typeof given.name !== 'string') {
    throw new ArgumentError(`optimizer spec needs a name (${optimizerNames.join(', ')}), got ${describeValue(given.name)}`);
  }
  const name = given.name.toLowerCase();
  if (!Object.hasOwn(rules, name)) throw new UnknownNameError('optimizer', given.name, optimizerNames);
  const full: Required<OptimizerSpec> = { ...defaults[name as OptimizerName] };
  const own = OWN_KEYS[full.name];
  // A resolved spec (`SGD(0.1)` passed on to compile) carries every key; a foreign one is fine at its neutral value.
  const neutral = SPEC_KEYS.filter((key) => !own.includes(key) && given[key] === full[key]);
  checkOptionKeys(given, [...own, ...neutral], `${full.name} optimizer options`, unsupportedOptimizerOptions);
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined && key !== 'name') (full as Record<string, unknown>)[key] = value;
  }
  const positive = (key: 'learningRate' | 'epsilon') => {
    if (!(typeof full[key] === 'number' && full[key] > 0 && Number.isFinite(full[key]))) {
      throw new ArgumentError(`${full.name} ${key} must be a positive finite number, got ${describeValue(full[key])}`);
    }
  };
  positive('learningRate');
  if (full.name !== 'sgd') positive('epsilon');
  for (const key of ['momentum', 'beta1', 'beta2', 'rho'] as const) {
    if (!(typeof full[key] === 'number' && full[key] >= 0 && full[key] < 1)) {
      throw new ArgumentError(`${full.name} ${key} must be in [0, 1), got ${describeValue(full[key])}`);
    }
  }
  checkBooleanOption(full.nesterov, 'nesterov', `${full.name} optimizer options`);
  return full;
}

/** Create an optimizer whose state lives in buffers of the given kernel set. */
export function createOptimizer(spec: OptimizerSpec | string, kernels: Kernels): Optimizer {
  const full = optimizerSpec(spec);
  const rule = rules[full.name];
  const state = createOptimizerState(full.name, SLOT_NAMES[full.name].slice(0, rule.slots(full)), kernels);
  return {
    spec: full,
    get iterations() {
      return state.iterations;
    },
    step(slots) {
      state.iterations += 1;
      for (const slot of slots) {
        const buffers = allocatingFor(`${full.name} state of ${slot.name ?? 'a parameter'}`, () => state.buffersFor(slot));
        rule.update(kernels, full, slot, buffers, state.iterations);
      }
    },
    getState: () => state.get(),
    setState: (saved) => state.set(saved),
    dispose: () => state.dispose(),
  };
}

import { OPTIMIZER_DESCRIPTORS, type OptimizerName, optimizerNames } from '../descriptors/optimizer-descriptors';
import { ArgumentError } from '../errors';
import type { Kernels } from '../kernels/kernels';
import type { FloatArray } from '../matrix';
import { allocatingFor } from '../network/model-memory';
import { clipGradients } from './gradient-clipping';
import { type LearningRateScheduleSpec, scheduledLearningRate } from './learning-rate-schedules';
import { OPTIMIZER_RULES, type StepContext } from './optimizer-rules';
import { optimizerSpec } from './optimizer-spec';
import { createOptimizerState, type OptimizerState } from './optimizer-state';

export type { OptimizerName };
export { optimizerSpec, unsupportedOptimizerOptions } from './optimizer-spec';

/** Hyper-parameters of every optimizer; unset ones take Keras 3's defaults (see OPTIMIZER_DESCRIPTORS). */
export interface OptimizerSpec {
  readonly name: OptimizerName;
  /** The learning rate; with a schedule, its value at step 0. */
  readonly learningRate?: number;
  /** sgd, rmsprop */
  readonly momentum?: number;
  /** sgd */
  readonly nesterov?: boolean;
  /** adam, adamax, nadam, adamw */
  readonly beta1?: number;
  readonly beta2?: number;
  /** all but sgd */
  readonly epsilon?: number;
  /** rmsprop, adadelta */
  readonly rho?: number;
  /** adagrad: the value the accumulators start at (Keras 0.1). */
  readonly initialAccumulatorValue?: number;
  /** Decoupled weight decay, every optimizer (Keras 3's base `weight_decay`): w −= w·wd·lr before the update. AdamW's default 0.004. */
  readonly weightDecay?: number;
  /** Clip each gradient tensor to this L2 norm (Keras's `clipnorm`); 0 = off. */
  readonly clipnorm?: number;
  /** Clip every gradient element into [−clipvalue, clipvalue] (Keras's `clipvalue`); 0 = off. */
  readonly clipvalue?: number;
  /** Clip all gradients together to this global L2 norm (Keras's `global_clipnorm`); 0 = off. */
  readonly globalClipnorm?: number;
  /** A learning-rate schedule evaluated at every step (Keras's `learning_rate=ExponentialDecay(…)`), or null. */
  readonly learningRateSchedule?: LearningRateScheduleSpec | null;
}

/** A parameter tensor and its gradient, both `size` floats. */
export interface ParameterSlot {
  readonly param: FloatArray;
  readonly grad: FloatArray;
  readonly size: number;
  /** What the parameter is (`Dense "dense_1" kernel`), for error messages and the names of its optimizer state. */
  readonly name?: string;
}

/** Applies one update to every parameter; keeps its own state buffers (allocated through the kernels). */
export interface Optimizer {
  readonly spec: Required<OptimizerSpec>;
  /** Number of updates applied so far (Keras's `optimizer.iterations`). */
  readonly iterations: number;
  /**
   * The learning rate the next step uses (Keras's `optimizer.learning_rate`): with a schedule, its value at
   * `iterations`. Settable between steps unless a schedule drives it (Keras raises then too).
   */
  learningRate: number;
  step(slots: readonly ParameterSlot[]): void;
  /**
   * The state as named variables (`iterations`, then each slot kind over every parameter, Keras's order:
   * `<parameter>/momentum`, …), copies; empty slots before the first step.
   */
  getState(): OptimizerState;
  /** Restore a state from `getState` (also before the first step: buffers are filled when their parameter first appears). */
  setState(state: OptimizerState): void;
  /** Release state buffers. */
  dispose(): void;
}

/** State buffers an optimizer keeps per parameter (0 for plain SGD, 1 with momentum or for Adagrad, else 2): for memory estimates. */
export function optimizerSlotCount(spec: OptimizerSpec | string): number {
  const full = optimizerSpec(spec);
  return OPTIMIZER_RULES[full.name].slots(full);
}

export { optimizerNames };

/** Create an optimizer whose state lives in buffers of the given kernel set. */
export function createOptimizer(spec: OptimizerSpec | string, kernels: Kernels): Optimizer {
  const full = optimizerSpec(spec);
  const rule = OPTIMIZER_RULES[full.name];
  const nSlots = rule.slots(full);
  const slotNames = OPTIMIZER_DESCRIPTORS[full.name].slots.slice(0, nSlots);
  const state = createOptimizerState(full.name, slotNames, rule.scalars ?? {}, kernels, (i) => rule.initialValue?.(full, i) ?? 0);
  let fixedRate = full.learningRate;
  const currentRate = () => (full.learningRateSchedule ? scheduledLearningRate(full.learningRateSchedule, state.iterations) : fixedRate);
  return {
    spec: full,
    get iterations() {
      return state.iterations;
    },
    get learningRate() {
      return currentRate();
    },
    set learningRate(value: number) {
      if (full.learningRateSchedule) {
        // Keras 3 (BaseOptimizer.learning_rate setter): a schedule's rate "is not settable".
        throw new ArgumentError(
          `${full.name} was created with a learning-rate schedule (${full.learningRateSchedule.className}), hence its learning rate is not settable`,
        );
      }
      if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
        throw new ArgumentError(`${full.name} learningRate must be a positive finite number, got ${JSON.stringify(value) ?? String(value)}`);
      }
      fixedRate = value;
    },
    step(slots) {
      const learningRate = currentRate();
      state.iterations += 1;
      const context: StepContext = { t: state.iterations, learningRate, scalars: state.scalars };
      clipGradients(slots, full);
      rule.beforeStep?.(full, context);
      for (const slot of slots) {
        const buffers = allocatingFor(`${full.name} state of ${slot.name ?? 'a parameter'}`, () => state.buffersFor(slot));
        // Keras 3's BaseOptimizer._apply_weight_decay, before the update: w ← w − w·wd·lr.
        if (full.weightDecay > 0) kernels.sgdUpdate(slot.param, slot.param, slot.size, learningRate * full.weightDecay);
        rule.update(kernels, full, slot, buffers, context);
      }
    },
    getState: () => state.get(),
    setState: (saved) => state.set(saved),
    dispose: () => state.dispose(),
  };
}

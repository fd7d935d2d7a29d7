import { ArgumentError, describeValue, ShapeError } from '../errors';
import type { Kernels } from '../kernels/kernels';
import type { FloatArray } from '../matrix';

/** One named variable of an optimizer's state (a copy). */
export interface OptimizerVariable {
  /** `<parameter>/<slot>`: `dense_1/kernel/momentum`. */
  readonly name: string;
  readonly values: Float32Array;
}

/**
 * An optimizer's whole state, generic over rules, for saving it with the model (tfjs's `includeOptimizer`,
 * Keras's `optimizer.variables`): the step count, then the variables, each slot kind over every parameter in
 * update order (Keras's and tfjs's order: all first moments, then all second moments).
 */
export interface OptimizerState {
  readonly iterations: number;
  readonly variables: readonly OptimizerVariable[];
}

/** Where a rule's per-parameter buffers live, by parameter, with the step count. */
export interface OptimizerStateStore {
  iterations: number;
  buffersFor(slot: { readonly param: FloatArray; readonly size: number; readonly name?: string }): Float32Array[];
  get(): OptimizerState;
  set(state: OptimizerState): void;
  dispose(): void;
}

/**
 * The state store of one optimizer: `slotNames` buffers per parameter, allocated through the kernels on the
 * parameter's first step. A state restored before that step waits, by name, until its parameter appears.
 */
export function createOptimizerState(optimizer: string, slotNames: readonly string[], kernels: Kernels): OptimizerStateStore {
  const entries = new Map<FloatArray, { name: string; buffers: Float32Array[] }>();
  let pending = new Map<string, Float32Array>();
  const take = (name: string, size: number): Float32Array | undefined => {
    const saved = pending.get(name);
    if (saved && saved.length !== size) throw new ShapeError(`${optimizer} state "${name}" holds ${saved.length} values, the parameter ${size}`);
    pending.delete(name);
    return saved;
  };
  const store: OptimizerStateStore = {
    iterations: 0,
    buffersFor(slot) {
      const found = entries.get(slot.param);
      if (found) return found.buffers;
      const name = parameterName(slot.name, entries.size);
      const buffers = slotNames.map((slotName) => {
        const saved = take(`${name}/${slotName}`, slot.size);
        const buffer = kernels.alloc(slot.size);
        if (saved) buffer.set(saved);
        return buffer;
      });
      entries.set(slot.param, { name, buffers });
      return buffers;
    },
    get() {
      const list = [...entries.values()];
      const variables = slotNames.flatMap((slotName, i) => list.map((e) => ({ name: `${e.name}/${slotName}`, values: Float32Array.from(e.buffers[i]) })));
      // A restored state whose parameters have not stepped yet is still this optimizer's state.
      for (const [name, values] of pending) variables.push({ name, values: Float32Array.from(values) });
      return { iterations: store.iterations, variables };
    },
    set(state) {
      if (state === null || typeof state !== 'object' || !Number.isSafeInteger(state.iterations) || state.iterations < 0 || !Array.isArray(state.variables)) {
        throw new ArgumentError(`${optimizer} state must be { iterations, variables }, got ${describeValue(state)}`);
      }
      const byName = new Map(state.variables.map((v) => [v.name, v.values]));
      const live = [...entries.values()].flatMap((e) => slotNames.map((slotName, i) => ({ name: `${e.name}/${slotName}`, buffer: e.buffers[i] })));
      // Everything is checked before anything changes (all-or-nothing).
      for (const { name, buffer } of live) {
        const values = byName.get(name);
        if (values && values.length !== buffer.length) throw new ShapeError(`${optimizer} state "${name}" holds ${values.length} values, the parameter ${buffer.length}`);
      }
      for (const { name, buffer } of live) {
        const values = byName.get(name);
        // A parameter the state does not mention starts again from zero, as a fresh slot would.
        if (values) buffer.set(values);
        else buffer.fill(0);
        byName.delete(name);
      }
      pending = byName;
      store.iterations = state.iterations;
    },
    dispose() {
      for (const e of entries.values()) for (const b of e.buffers) kernels.free(b);
      entries.clear();
    },
  };
  return store;
}

/** `Dense "dense_1" kernel` → `dense_1/kernel`; a name already in path form stays; no name → `param_<i>`. */
function parameterName(name: string | undefined, index: number): string {
  if (!name) return `param_${index}`;
  const label = /^\w+ "([^"]+)" (\w+)$/.exec(name);
  return label ? `${label[1]}/${label[2]}` : name;
}

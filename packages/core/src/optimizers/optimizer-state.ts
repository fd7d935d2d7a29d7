import { ArgumentError, describeValue, ShapeError } from '../errors';
import type { Kernels } from '../kernels/kernels';
import type { FloatArray } from '../matrix';

/** One named variable of an optimizer's state (a copy). */
export interface OptimizerVariable {
  /** `<parameter>/<slot>` (`dense_1/kernel/momentum`), or a scalar's name (`u_product`). */
  readonly name: string;
  readonly values: Float32Array;
}

/**
 * An optimizer's whole state, generic over rules, for saving it with the model (tfjs's `includeOptimizer`,
 * Keras's `optimizer.variables`): the step count, then the variables, each slot kind over every parameter
 * in update order (Keras's order: all momentums, then all velocities), then the scalars.
 */
export interface OptimizerState {
  readonly iterations: number;
  readonly variables: readonly OptimizerVariable[];
}

interface ParameterEntry {
  readonly name: string;
  readonly buffers: Float32Array[];
}

/** Where a rule's per-parameter buffers and scalars live, by parameter. */
export interface OptimizerStateStore {
  iterations: number;
  readonly scalars: Record<string, number>;
  buffersFor(slot: { readonly param: FloatArray; readonly size: number; readonly name?: string }): Float32Array[];
  get(): OptimizerState;
  set(state: OptimizerState): void;
  dispose(): void;
}

export function createOptimizerState(
  optimizer: string,
  slotNames: readonly string[],
  scalarDefaults: Readonly<Record<string, number>>,
  kernels: Kernels,
  initialValue: (slotIndex: number) => number,
): OptimizerStateStore {
  const entries = new Map<FloatArray, ParameterEntry>();
  /** Restored values waiting for their parameter's first step, by variable name. */
  let pending = new Map<string, Float32Array>();
  const store: OptimizerStateStore = {
    iterations: 0,
    scalars: { ...scalarDefaults },
    buffersFor(slot) {
      const found = entries.get(slot.param);
      if (found) return found.buffers;
      const name = parameterName(slot.name, entries.size);
      const buffers = slotNames.map((slotName, i) => {
        const buffer = kernels.alloc(slot.size);
        const saved = pending.get(`${name}/${slotName}`);
        if (saved) {
          if (saved.length !== slot.size) throw new ShapeError(`${optimizer} state "${name}/${slotName}" holds ${saved.length} values, the parameter ${slot.size}`);
          buffer.set(saved);
          pending.delete(`${name}/${slotName}`);
        } else if (initialValue(i) !== 0) {
          buffer.fill(initialValue(i));
        }
        return buffer;
      });
      entries.set(slot.param, { name, buffers });
      return buffers;
    },
    get() {
      const list = [...entries.values()];
      const variables: OptimizerVariable[] = slotNames.flatMap((slotName, i) =>
        list.map((e) => ({ name: `${e.name}/${slotName}`, values: Float32Array.from(e.buffers[i]) })),
      );
      for (const [name, value] of Object.entries(store.scalars)) variables.push({ name, values: Float32Array.of(value) });
      return { iterations: store.iterations, variables };
    },
    set(state) {
      if (state === null || typeof state !== 'object' || !Number.isInteger(state.iterations) || state.iterations < 0 || !Array.isArray(state.variables)) {
        throw new ArgumentError(`${optimizer} state must be { iterations, variables }, got ${describeValue(state)}`);
      }
      const byName = new Map(state.variables.map((v) => [v.name, v.values]));
      // Check everything before changing anything (all-or-nothing).
      for (const e of entries.values()) {
        slotNames.forEach((slotName, i) => {
          const values = byName.get(`${e.name}/${slotName}`);
          if (values && values.length !== e.buffers[i].length) {
            throw new ShapeError(`${optimizer} state "${e.name}/${slotName}" holds ${values.length} values, the parameter ${e.buffers[i].length}`);
          }
        });
      }
      for (const e of entries.values()) {
        slotNames.forEach((slotName, i) => {
          const values = byName.get(`${e.name}/${slotName}`);
          if (values) {
            e.buffers[i].set(values);
            byName.delete(`${e.name}/${slotName}`);
          }
        });
      }
      for (const name of Object.keys(store.scalars)) {
        const values = byName.get(name);
        if (values) store.scalars[name] = values[0];
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

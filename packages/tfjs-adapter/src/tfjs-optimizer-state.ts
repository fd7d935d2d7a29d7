import { ArgumentError, NotSupportedError, type OptimizerState, ShapeError } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';

/** tfjs-core's `NamedTensor` (not re-exported by @tensorflow/tfjs): what `optimizer.getWeights()` lists. */
type NamedTensor = Awaited<ReturnType<tf.Optimizer['getWeights']>>[number];

/** tfjs's name for the step count `getWeights()` lists first (tfjs-core src/optimizers/optimizer.ts `saveIterations`). */
const ITERATIONS = 'iter';

/** One trainable variable of the backend's model: the tfjs variable and the weight name the description gives it. */
export interface NamedVariable {
  readonly variable: tf.Variable;
  /** `dense_1/kernel`: the layer's name and the weight's, without the suffix tfjs adds to a taken variable name. */
  readonly name: string;
}

/**
 * The state of a tf.train optimizer as `Backend.getOptimizerState` gives it: tfjs's own `getWeights()`
 * (`iter`, then each slot kind over every variable, `<variable>/<slot>`), with each slot renamed after its
 * weight (`dense_1/kernel_1/m` → `dense_1/kernel/m`: tfjs suffixes a variable name already taken in the
 * process). Slots are matched to variables by position, as tfjs's `setWeights` does.
 */
export async function readTfjsOptimizerState(optimizer: tf.Optimizer, variables: readonly NamedVariable[]): Promise<OptimizerState> {
  let weights: NamedTensor[];
  try {
    weights = await optimizer.getWeights();
  } catch (error) {
    // tf.train.adamax and others throw "getWeights() is not implemented for Adamax yet".
    throw new NotSupportedError(`tfjs's ${optimizer.getClassName()} (${(error as Error).message})`, 'reading the optimizer state');
  }
  const [iter, ...slots] = weights;
  const iterations = (iter?.tensor.dataSync() as Int32Array | undefined)?.[0] ?? 0;
  const result = slots.map((slot, k) => {
    const owner = variables[k % variables.length];
    const prefix = `${owner.variable.name}/`;
    if (!slot.name.startsWith(prefix)) throw new ShapeError(`tfjs optimizer slot ${k} is "${slot.name}", expected a slot of variable "${owner.variable.name}"`);
    return { name: `${owner.name}/${slot.name.slice(prefix.length)}`, values: Float32Array.from(slot.tensor.dataSync() as Float32Array) };
  });
  tf.dispose(iter?.tensor);
  return { iterations, variables: result };
}

/**
 * Restore a state from `readTfjsOptimizerState` (also into an optimizer that has not stepped yet) through
 * tfjs's `setWeights`, which takes the slots by position: they are put in tfjs's order — each slot kind, in
 * the order the state first names it, over every variable — and every slot kind must cover every variable.
 * The slot variables it replaces are released.
 */
export async function writeTfjsOptimizerState(optimizer: tf.Optimizer, variables: readonly NamedVariable[], state: OptimizerState): Promise<void> {
  const index = new Map(variables.map((v, i) => [v.name, i]));
  const kinds = new Map<string, (Float32Array | undefined)[]>();
  for (const { name, values } of state.variables) {
    const cut = name.lastIndexOf('/');
    const owner = index.get(name.slice(0, cut));
    if (cut <= 0 || owner === undefined) throw new ArgumentError(`optimizer state variable ${JSON.stringify(name)} must be <weight>/<slot> of a weight of the model (${[...index.keys()].join(', ')})`);
    const size = variables[owner].variable.size;
    if (values.length !== size) throw new ShapeError(`optimizer state "${name}" holds ${values.length} values, the weight ${size}`);
    const slot = name.slice(cut + 1);
    if (!kinds.has(slot)) kinds.set(slot, new Array(variables.length));
    kinds.get(slot)![owner] = values;
  }
  for (const [slot, list] of kinds) {
    const missing = variables.findIndex((_, i) => !list[i]);
    if (missing >= 0) throw new ArgumentError(`optimizer state has slot "${slot}" for some weights but not for "${variables[missing].name}"; tfjs restores slots by position and needs it for every weight`);
  }
  const old = await optimizer.getWeights().catch(() => [] as NamedTensor[]);
  const list: NamedTensor[] = [{ name: ITERATIONS, tensor: tf.scalar(state.iterations, 'int32') }];
  for (const [slot, values] of kinds) {
    values.forEach((v, i) => list.push({ name: `${variables[i].variable.name}/${slot}`, tensor: tf.tensor(v!, variables[i].variable.shape) }));
  }
  try {
    await optimizer.setWeights(list);
  } finally {
    // setWeights made variables of the new tensors (sharing their data); the old slots are no longer used.
    tf.dispose(list.map((w) => w.tensor));
  }
  tf.dispose(old.map((w) => w.tensor));
}

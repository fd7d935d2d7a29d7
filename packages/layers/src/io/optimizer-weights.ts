import { findNonFinite, ModelFormatError, NonFiniteWeightError, type OptimizerState } from '@backprop/core';
import type { WeightsManifestEntry } from './model-json';
import type { ManifestWeight } from './weights-manifest';

/** tfjs's name for the step count it saves first (tfjs-core src/optimizers/optimizer.ts `saveIterations`: "Named for Python compatibility"). */
export const ITERATIONS_WEIGHT = 'iter';
/** The weight group tfjs gives the optimizer's weights (tfjs-layers `LayersModel.save`, `io.encodeWeights(…, 'optimizer')`). */
export const OPTIMIZER_GROUP = 'optimizer';

/**
 * The optimizer's state as tfjs's `save(…, { includeOptimizer: true })` lays it out after the model's
 * weights: `iter` (int32 scalar), then every slot in state order, each with its weight's shape (a slot
 * that belongs to no model weight: a scalar if it holds one value, else a vector), all in group
 * `optimizer`; and the bytes, little-endian. Non-finite slot values are refused before anything is written.
 */
export function optimizerWeightsArtifacts(state: OptimizerState, weightShapes: ReadonlyMap<string, readonly number[]>): { entries: WeightsManifestEntry[]; bytes: Uint8Array } {
  const entries: WeightsManifestEntry[] = [{ name: ITERATIONS_WEIGHT, shape: [], dtype: 'int32', group: OPTIMIZER_GROUP }];
  for (const { name, values } of state.variables) {
    const bad = findNonFinite(values);
    if (bad) throw new NonFiniteWeightError('the optimizer', name, bad.index, bad.value, bad.count);
    const shape = weightShapes.get(ownerOf(name)) ?? (values.length === 1 ? [] : [values.length]);
    entries.push({ name, shape: [...shape], dtype: 'float32', group: OPTIMIZER_GROUP });
  }
  const bytes = new Uint8Array(4 * (1 + state.variables.reduce((n, v) => n + v.values.length, 0)));
  const view = new DataView(bytes.buffer);
  view.setInt32(0, state.iterations, true);
  let offset = 4;
  for (const { values } of state.variables) {
    for (let i = 0; i < values.length; i++, offset += 4) view.setFloat32(offset, values[i], true);
  }
  return { entries, bytes };
}

/** The model's weights and the optimizer's, apart (tfjs-layers `decodeModelAndOptimizerWeights`: by `group`). */
export function splitOptimizerWeights(weights: ReadonlyMap<string, ManifestWeight>): { model: Map<string, ManifestWeight>; optimizer: Map<string, ManifestWeight> } {
  const model = new Map<string, ManifestWeight>();
  const optimizer = new Map<string, ManifestWeight>();
  for (const [name, weight] of weights) (weight.group === OPTIMIZER_GROUP ? optimizer : model).set(name, weight);
  return { model, optimizer };
}

/**
 * The optimizer state of the optimizer weights a manifest lists (in manifest order), checked against the
 * model's weights: `iter` a non-negative integer scalar, every `<weight>/<slot>` of a weight the model has
 * the size of that weight. tfjs restores slots by position, not name (Adam's `setWeights` slices the list),
 * and names them after its variables, which carry a suffix when a name was taken (`dense_1/kernel_1/m`):
 * slots whose weight the model does not have are therefore matched by position, the k-th to weight k mod n,
 * as tfjs does. Null when there are none.
 */
export function optimizerStateFromWeights(weights: ReadonlyMap<string, ManifestWeight>, weightShapes: ReadonlyMap<string, readonly number[]>, file: string): OptimizerState | null {
  if (weights.size === 0) return null;
  const iter = weights.get(ITERATIONS_WEIGHT);
  if (iter?.values.length !== 1 || !Number.isSafeInteger(iter.values[0]) || iter.values[0] < 0) {
    throw new ModelFormatError(
      `${file}: the optimizer weights need "${ITERATIONS_WEIGHT}", the step count as one non-negative integer, got ${iter ? `[${Array.from(iter.values.slice(0, 4)).join(', ')}]` : 'none'}`,
    );
  }
  // A name without a path is an optimizer-wide scalar (Nadam's `u_product`): kept as it is.
  const scalars = [...weights].filter(([name]) => name !== ITERATIONS_WEIGHT && !name.includes('/'));
  const slots = [...weights].filter(([name]) => name.includes('/'));
  const owners = [...weightShapes.keys()];
  const positional = slots.some(([name]) => !weightShapes.has(ownerOf(name)));
  if (positional && (owners.length === 0 || slots.length % owners.length !== 0)) {
    const unknown = slots.filter(([name]) => !weightShapes.has(ownerOf(name))).map(([name]) => name);
    throw new ModelFormatError(`${file}: optimizer weights ${unknown.slice(0, 3).map((n) => JSON.stringify(n)).join(', ')} belong to no weight of the model, and their ${slots.length} slots cannot be matched by position to its ${owners.length} weights`);
  }
  const variables = slots.map(([name, weight], k) => {
    const owner = positional ? owners[k % owners.length] : ownerOf(name);
    const shape = weightShapes.get(owner)!;
    if (shape.reduce((n, d) => n * d, 1) !== weight.values.length) {
      throw new ModelFormatError(`${file}: optimizer weight "${name}" has shape [${weight.shape.join(', ')}], but weight "${owner}" has shape [${shape.join(', ')}]`);
    }
    return { name: `${owner}/${name.slice(name.lastIndexOf('/') + 1)}`, values: weight.values };
  });
  for (const [name, weight] of scalars) variables.push({ name, values: weight.values });
  return { iterations: iter.values[0], variables };
}

/** `dense_1/kernel/m` → `dense_1/kernel`. */
function ownerOf(name: string): string {
  const cut = name.lastIndexOf('/');
  return cut < 0 ? name : name.slice(0, cut);
}

import type { ModelPlan } from '../../model/model-plan';
import { KerasNotSupportedError } from './keras-errors';

/** One weight of a layer: `dense_1/kernel` and its shape. */
export interface WeightSlot {
  readonly name: string;
  readonly shape: number[];
}

/** The plan's flat weight list (`plan.weights`), present once the flat NamedWeight format is in this build. */
type FlatPlanWeights = readonly { readonly layer: { readonly name: string }; readonly name: string; readonly shape: readonly number[] }[];

/**
 * Each layer's weights in Keras's `layer.weights` order (kernel, bias; a BatchNormalization's gamma, beta,
 * moving mean, moving variance), by layer name; layers without weights are absent. This is the only place
 * that knows where the plan keeps them: `plan.weights` (every layer's, in `getWeights` order) when the
 * build has the flat weight format, else `plan.dense` — then a layer of another kind with weights (Conv2D)
 * cannot be exchanged through `getWeights`/`setWeights`, and is refused by name.
 */
export function weightSlotsByLayer(plan: ModelPlan): Map<string, WeightSlot[]> {
  const out = new Map<string, WeightSlot[]>();
  const flat = (plan as unknown as { weights?: FlatPlanWeights }).weights;
  if (flat) {
    for (const w of flat) {
      const list = out.get(w.layer.name) ?? [];
      list.push({ name: w.name, shape: [...w.shape] });
      out.set(w.layer.name, list);
    }
    return out;
  }
  for (const { layer, inputs } of plan.dense) {
    const kernel = { name: `${layer.name}/kernel`, shape: [inputs, layer.units] };
    out.set(layer.name, layer.useBias ? [kernel, { name: `${layer.name}/bias`, shape: [layer.units] }] : [kernel]);
  }
  let shape = plan.inputShape;
  for (const layer of plan.layers) {
    const specs = (layer as { weightSpecs?: (input: readonly number[]) => unknown[] }).weightSpecs?.(shape) ?? [];
    if (!out.has(layer.name) && specs.length > 0) {
      throw new KerasNotSupportedError(`${layer.className} "${layer.name}"`, 'Keras weights of a layer other than Dense', 'Dense layers in this build (the other layers\' weights need the flat weight format of issue #11)');
    }
    shape = layer.outputShape(shape);
  }
  return out;
}

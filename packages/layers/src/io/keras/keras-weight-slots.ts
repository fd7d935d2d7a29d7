import type { ModelPlan } from '../../model/model-plan';

/** One weight of a layer: `dense_1/kernel` and its shape. */
export interface WeightSlot {
  readonly name: string;
  readonly shape: number[];
}

/**
 * Each layer's weights in Keras's `layer.weights` order (kernel, bias; a BatchNormalization's gamma, beta,
 * moving mean, moving variance), by layer name; layers without weights are absent. This is the only place
 * that knows where the plan keeps them.
 */
export function weightSlotsByLayer(plan: ModelPlan): Map<string, WeightSlot[]> {
  const out = new Map<string, WeightSlot[]>();
  for (const { layer, inputs } of plan.dense) {
    const kernel = { name: `${layer.name}/kernel`, shape: [inputs, layer.units] };
    out.set(layer.name, layer.useBias ? [kernel, { name: `${layer.name}/bias`, shape: [layer.units] }] : [kernel]);
  }
  return out;
}

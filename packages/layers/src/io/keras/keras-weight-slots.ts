import type { ModelPlan } from '../../model/model-plan';

/**
 * The shapes of each layer's weights, in Keras's `layer.weights` order (kernel, bias; a BatchNormalization's
 * gamma, beta, moving mean, moving variance), by layer name; layers without weights are absent. This is the
 * only place that knows where the plan keeps them.
 */
export function weightShapesByLayer(plan: ModelPlan): Map<string, number[][]> {
  const out = new Map<string, number[][]>();
  for (const { layer, inputs } of plan.dense) {
    out.set(layer.name, layer.useBias ? [[inputs, layer.units], [layer.units]] : [[inputs, layer.units]]);
  }
  return out;
}

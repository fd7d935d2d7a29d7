import type { ModelPlan } from '../../model/model-plan';

/** One weight of a layer: `dense_1/kernel` and its shape. */
export interface WeightSlot {
  readonly name: string;
  readonly shape: number[];
}

/**
 * Each layer's weights in Keras's `layer.weights` order, by layer name; layers without weights are absent.
 * This is the plan's flat weight list (`plan.weights`, in `getWeights` order), whose shapes are Keras's:
 * Dense kernel [in, units] and bias; Conv2D kernel [kh, kw, cin, cout] and bias; BatchNormalization gamma
 * (if `scale`), beta (if `center`), moving_mean, moving_variance — the order Keras 3's `.keras` `vars/0…`
 * and a legacy `.h5`'s weight names list them in.
 */
export function weightSlotsByLayer(plan: ModelPlan): Map<string, WeightSlot[]> {
  const out = new Map<string, WeightSlot[]>();
  for (const w of plan.weights) {
    const list = out.get(w.layer.name) ?? [];
    list.push({ name: w.name, shape: [...w.shape] });
    out.set(w.layer.name, list);
  }
  return out;
}

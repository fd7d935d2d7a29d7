import { Rng, rngMaskSource } from '@backprop/core';
import type { DropoutMasks } from '../backend/backend';
import type { ModelPlan } from './model-plan';

/**
 * The dropout masks of every batch, drawn by the facade from one seeded source and handed to the backend,
 * so every backend drops the same values (any difference in their results is then math). One generator
 * per model, seeded from the model's seed; masks of each Dropout layer in order, rows × width values each,
 * in buffers reused from batch to batch.
 */
export class DropoutMaskDrawer {
  private readonly rng: Rng;
  private readonly buffers: Float32Array[];

  constructor(
    private readonly plan: ModelPlan,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    this.buffers = plan.dropout.map(() => new Float32Array(0));
  }

  /** Masks for a batch of `rows`, or undefined when the model has no Dropout layer. */
  draw(rows: number): DropoutMasks | undefined {
    if (this.plan.dropout.length === 0) return undefined;
    const source = rngMaskSource(this.rng);
    return this.plan.dropout.map(({ layer, width }, i) => {
      const n = rows * width;
      if (this.buffers[i].length < n) this.buffers[i] = new Float32Array(n);
      const mask = this.buffers[i].subarray(0, n);
      source.fill(mask, layer.rate, n, layer.name);
      return mask;
    });
  }
}

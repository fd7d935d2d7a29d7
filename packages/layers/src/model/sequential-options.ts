import type { Layer } from '../layers/layer';

export interface SequentialOptions {
  /** Default `sequential`, `sequential_1`, … */
  name?: string;
  layers?: readonly Layer[];
  /**
   * Seed of the initial weights (each layer's initializer), of shuffling and of dropout masks.
   * Default 0: fixed, so that runs repeat unless asked otherwise. Porting note: Keras draws a random
   * seed when none is given; pass `Date.now()` for that.
   */
  seed?: number;
}

/**
 * `[loss, ...metrics]`, in the order of `compile({ metrics })`.
 * Porting note: Keras returns the bare loss when there are no metrics; here it is always a list, so
 * that `const [loss, acc] = await model.evaluate(x, y)` type-checks as written.
 */
export type EvaluateResult = number[];

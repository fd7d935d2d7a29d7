import { getLoss, Matrix, type NamedWeight, type OptimizerSpec, optimizerSpec } from '@backprop/core';
import type { ModelSpec, Sequential } from '@backprop/layers';

export interface SequentialToSpecOptions {
  /** The loss to put in the spec; default `mse`. (A Sequential does not expose its compiled loss.) */
  readonly loss?: string | { name: string; delta?: number };
  /** Default `sgd` with Keras's defaults. */
  readonly optimizer?: string | OptimizerSpec;
  /** Default 0. */
  readonly seed?: number;
}

/** The model description of a `Sequential` (its layer configs, as its backends receive them) with its current weights. */
export async function sequentialToSpec(model: Sequential, options: SequentialToSpecOptions = {}): Promise<ModelSpec> {
  const plan = model.plan();
  const flat = model.getWeights();
  // getWeights lists the plan's weights in order; the plan names them.
  const initialWeights: NamedWeight[] = plan.weights.map((w, i) => {
    const value = flat[i];
    return { name: w.name, shape: [...w.shape], values: Float32Array.from(value instanceof Matrix ? value.data : value), trainable: w.trainable };
  });
  return {
    inputShape: plan.inputShape,
    layers: plan.configs,
    loss: getLoss(options.loss ?? 'mse').spec,
    optimizer: optimizerSpec(options.optimizer ?? 'sgd'),
    initialWeights,
    seed: options.seed ?? 0,
  };
}

import { getLoss, type LayerWeights, Matrix, type OptimizerSpec, optimizerSpec } from '@backprop/core';
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
  let next = 0;
  const initialWeights: LayerWeights[] = plan.dense.map(({ layer }) => {
    const kernel = flat[next++];
    const bias = layer.useBias ? flat[next++] : null;
    return {
      kernel: Float32Array.from(kernel instanceof Matrix ? kernel.data : kernel),
      bias: bias ? Float32Array.from(bias instanceof Matrix ? bias.data : bias) : null,
    };
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

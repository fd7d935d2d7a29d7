import { jsKernels, type LayerConfig, type LayerWeights, layerFromConfig, SequentialNetwork, shapeSize } from '@backprop/core';
import { DenseLayer } from '../layers/dense';
import { DropoutLayer } from '../layers/dropout';
import type { Layer } from '../layers/layer';
import { ModelStateError } from './model-state-error';

/** A Dense layer of the model and the width of its input: where the weights are. */
export interface DensePlan {
  readonly layer: DenseLayer;
  readonly inputs: number;
  /** The rate of the Dropout layers between this Dense and the next (for memory estimates); 0 for none. */
  readonly dropoutRate: number;
}

/** A Dropout layer and the per-sample width of what it drops: what the facade draws masks for. */
export interface DropoutPlan {
  readonly layer: DropoutLayer;
  readonly width: number;
}

/** The model description every backend receives, plus what the facade needs to know about it. */
export interface ModelPlan {
  readonly inputShape: readonly number[];
  readonly inputSize: number;
  /** The ordered layer configs, Keras's `{ className, config }`. */
  readonly configs: readonly LayerConfig[];
  /** The layers with weights, in order. */
  readonly dense: readonly DensePlan[];
  readonly dropout: readonly DropoutPlan[];
  readonly outputUnits: number;
  /** The layers, in order. */
  readonly layers: readonly Layer[];
  /** The first and last layer, for messages. */
  readonly first: Layer;
  readonly last: Layer;
}

/**
 * The model description of a layer list: each layer's config, the shapes flowing between them (checked
 * here, so a bad stack fails before any backend exists), and where the weights and dropout masks are.
 */
export function planModel(layers: readonly Layer[]): ModelPlan {
  if (layers.length === 0) throw new ModelStateError('the model has no layers yet: add a layer with an inputShape first, e.g. Dense(10, { inputShape: [784] })');
  const first = layers[0];
  if (!first.inputShape) {
    throw new ModelStateError(
      `${first.className} "${first.name}" is the first layer and needs an inputShape, e.g. ${first.className === 'Dense' ? `Dense(${(first as DenseLayer).units}, { inputShape: [784] })` : `${first.className}({ inputShape: [28, 28] })`}; the model cannot be built without it`,
    );
  }
  const inputShape = first.inputShape;
  const dense: { layer: DenseLayer; inputs: number; dropoutRate: number }[] = [];
  const dropout: DropoutPlan[] = [];
  let shape = inputShape;
  for (const layer of layers) {
    if (layer instanceof DenseLayer) dense.push({ layer, inputs: shapeSize(shape), dropoutRate: 0 });
    if (layer instanceof DropoutLayer) {
      dropout.push({ layer, width: shapeSize(shape) });
      const before = dense[dense.length - 1];
      if (before) before.dropoutRate = 1 - (1 - before.dropoutRate) * (1 - layer.rate);
    }
    shape = layer.outputShape(shape);
  }
  return {
    inputShape,
    inputSize: shapeSize(inputShape),
    configs: layers.map((l) => l.toConfig()),
    dense,
    dropout,
    outputUnits: shapeSize(shape),
    layers: [...layers],
    first,
    last: layers[layers.length - 1],
  };
}

/** Total weights and biases. */
export function countPlanParams(plan: ModelPlan): number {
  return plan.dense.reduce((n, d) => n + d.layer.countParams([d.inputs]), 0);
}

/** `Dense "dense_2" has 10 units` / `Flatten "flatten" outputs 784 values`, for messages about the output width. */
export function describeOutput(plan: ModelPlan): string {
  const { last, outputUnits } = plan;
  return last instanceof DenseLayer ? `Dense "${last.name}" has ${outputUnits} units` : `${last.className} "${last.name}" outputs ${outputUnits} values per sample`;
}

/**
 * Initial weights drawn once by the facade, so every backend starts from the same numbers: core builds
 * the described layers with one generator seeded with `seed` (kernel then bias of each layer, in order,
 * each with its initializer) — the very draw the scratch engine makes — and hands their weights over.
 */
export function drawInitialWeights(plan: ModelPlan, seed: number): LayerWeights[] {
  const network = new SequentialNetwork({ inputShape: plan.inputShape, layers: plan.configs.map(layerFromConfig), kernels: jsKernels, seed });
  const weights = network.getLayerWeights() as LayerWeights[];
  network.dispose();
  return weights.map((w) => ({ kernel: Float32Array.from(w.kernel), bias: w.bias ? Float32Array.from(w.bias) : null }));
}

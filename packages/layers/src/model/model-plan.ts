import { jsKernels, type LayerConfig, layerFromConfig, type NamedWeight, SequentialNetwork, shapeSize } from '@backprop/core';
import { DenseLayer } from '../layers/dense';
import { DropoutLayer } from '../layers/dropout';
import type { Layer } from '../layers/layer';
import { ModelStateError } from './model-state-error';

/** A Dense layer of the model and the width of its input: where the weights are. */
export interface DensePlan {
  readonly layer: DenseLayer;
  readonly inputs: number;
}

/** A Dropout layer and the per-sample width of what it drops: what the facade draws masks for. */
export interface DropoutPlan {
  readonly layer: DropoutLayer;
  readonly width: number;
}

/** One weight of the model: where it lives and what it is, before any value exists. */
export interface PlanWeight {
  readonly layer: Layer;
  /** `<layer>/<weight>`: `dense_1/kernel`, the name in the weights manifest and in `NamedWeight`. */
  readonly name: string;
  readonly shape: readonly number[];
  /** The weight's own flag (false for moving statistics); it trains when its layer is trainable too. */
  readonly trainable: boolean;
}

/** The model description every backend receives, plus what the facade needs to know about it. */
export interface ModelPlan {
  readonly inputShape: readonly number[];
  readonly inputSize: number;
  /** The ordered layer configs, Keras's `{ className, config }`. */
  readonly configs: readonly LayerConfig[];
  /** The Dense layers, in order (for memory estimates). */
  readonly dense: readonly DensePlan[];
  /** Every weight, in Keras's `model.get_weights()` order: the order of `NamedWeight` lists. */
  readonly weights: readonly PlanWeight[];
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
  const dense: DensePlan[] = [];
  const dropout: DropoutPlan[] = [];
  const weights: PlanWeight[] = [];
  let shape = inputShape;
  for (const layer of layers) {
    for (const w of layer.weightSpecs(shape)) weights.push({ layer, name: `${layer.name}/${w.name}`, shape: w.shape, trainable: w.trainable });
    if (layer instanceof DenseLayer) dense.push({ layer, inputs: shapeSize(shape) });
    if (layer instanceof DropoutLayer) dropout.push({ layer, width: shapeSize(shape) });
    shape = layer.outputShape(shape);
  }
  return {
    inputShape,
    inputSize: shapeSize(inputShape),
    configs: layers.map((l) => l.toConfig()),
    dense,
    weights,
    dropout,
    outputUnits: shapeSize(shape),
    layers: [...layers],
    first,
    last: layers[layers.length - 1],
  };
}

/** Total number of weight values (trainable or not). */
export function countPlanParams(plan: ModelPlan): number {
  return plan.weights.reduce((n, w) => n + shapeSize(w.shape), 0);
}

/** `Dense "dense_2" has 10 units` / `Flatten "flatten" outputs 784 values`, for messages about the output width. */
export function describeOutput(plan: ModelPlan): string {
  const { last, outputUnits } = plan;
  return last instanceof DenseLayer ? `Dense "${last.name}" has ${outputUnits} units` : `${last.className} "${last.name}" outputs ${outputUnits} values per sample`;
}

/**
 * Initial weights drawn once by the facade, so every backend starts from the same numbers: core builds
 * the described layers with one generator seeded with `seed` (each layer's weights in order, each with its
 * initializer) — the very draw the scratch engine makes — and hands their weights over.
 */
export function drawInitialWeights(plan: ModelPlan, seed: number): NamedWeight[] {
  const network = new SequentialNetwork({ inputShape: plan.inputShape, layers: plan.configs.map(layerFromConfig), kernels: jsKernels, seed });
  const weights = network.getNamedWeights();
  network.dispose();
  // Trainability is the facade's to say (a frozen layer's weights are not trainable), not core's.
  return weights.map((w, i) => ({ ...w, trainable: isTrained(plan.weights[i]) }));
}

/** Whether training updates a weight now: its own flag and its layer's `trainable`. */
export function isTrained(w: PlanWeight): boolean {
  return w.trainable && w.layer.trainable;
}

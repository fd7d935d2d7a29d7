import { type ActivationSpec, ArgumentError, getInitializer, type LayerWeights, Rng } from '@backprop/core';
import type { DenseLayerSpec } from '../backend/backend';
import { ActivationLayer } from '../layers/activation';
import { DenseLayer } from '../layers/dense';
import { DropoutLayer } from '../layers/dropout';
import type { Layer } from '../layers/layer';
import { ModelStateError } from './model-state-error';

/** One Dense layer with the Activation and Dropout layers after it folded in. */
export interface DensePlan {
  readonly layer: DenseLayer;
  /** Width of the layer's input. */
  readonly inputs: number;
  readonly activation: ActivationSpec;
  readonly dropoutRate: number;
}

/** The layer list as a backend sees it: a stack of dense layers. */
export interface ModelPlan {
  readonly inputSize: number;
  readonly dense: readonly DensePlan[];
  readonly outputUnits: number;
  readonly firstDense: DenseLayer;
  readonly lastDense: DenseLayer;
}

/**
 * Fold the Keras layer list into dense layers for the backends: an `Activation` replaces the linear
 * activation of the Dense before it; `Dropout` becomes that Dense's dropout rate (two in a row combine
 * as 1 − (1 − a)(1 − b), which draws the same distribution of masks).
 */
export function planModel(layers: readonly Layer[]): ModelPlan {
  if (layers.length === 0) throw new ModelStateError('the model has no layers yet: add a Dense layer with an inputShape first');
  const first = layers[0];
  if (!(first instanceof DenseLayer)) {
    throw new ArgumentError(`the first layer must be Dense, got ${first.className} "${first.name}" (dropout or activation on raw inputs is not supported)`);
  }
  if (!first.inputShape) {
    throw new ModelStateError(
      `Dense "${first.name}" is the first layer and needs an inputShape, e.g. Dense(${first.units}, { inputShape: [784] }); the model cannot be built without it`,
    );
  }
  const inputSize = first.inputShape[0];
  const dense: { layer: DenseLayer; inputs: number; activation: ActivationSpec; dropoutRate: number; after: Layer }[] = [];
  let width = inputSize;
  for (const layer of layers) {
    const current = dense[dense.length - 1];
    if (layer instanceof DenseLayer) {
      dense.push({ layer, inputs: width, activation: layer.activation, dropoutRate: 0, after: layer });
    } else if (layer instanceof DropoutLayer) {
      current.dropoutRate = 1 - (1 - current.dropoutRate) * (1 - layer.rate);
      current.after = layer;
    } else if (layer instanceof ActivationLayer) {
      if (current.activation.name !== 'linear' || current.dropoutRate > 0) {
        throw new ArgumentError(
          `Activation "${layer.name}" must directly follow a Dense layer with a linear activation, got it after ${current.after.toString()} ` +
            `(activation ${current.activation.name}); put the activation on the Dense layer instead: Dense(units, { activation: '${layer.activation.name}' })`,
        );
      }
      current.activation = layer.activation;
      current.after = layer;
    } else {
      throw new ArgumentError(`unsupported layer ${String(layer)}; expected Dense, Dropout or Activation`);
    }
    width = layer.outputUnits(width);
  }
  const plans: DensePlan[] = dense.map(({ layer, inputs, activation, dropoutRate }) => ({ layer, inputs, activation, dropoutRate }));
  return {
    inputSize,
    dense: plans,
    outputUnits: width,
    firstDense: plans[0].layer,
    lastDense: plans[plans.length - 1].layer,
  };
}

/** Total weights and biases. */
export function countPlanParams(plan: ModelPlan): number {
  return plan.dense.reduce((n, d) => n + d.layer.countParams(d.inputs), 0);
}

/** What the backend receives for each dense layer. */
export function denseLayerSpecs(plan: ModelPlan): DenseLayerSpec[] {
  return plan.dense.map((d) => ({
    name: d.layer.name,
    units: d.layer.units,
    activation: d.activation,
    useBias: d.layer.useBias,
    dropoutRate: d.dropoutRate,
  }));
}

/**
 * Initial weights drawn by the facade, so every backend starts from the same numbers: one generator
 * seeded with `seed`, kernel then bias of each layer in order, each with its layer's initializer —
 * the same draw order as core's DenseNetwork, so both give identical weights for a seed.
 */
export function drawInitialWeights(plan: ModelPlan, seed: number): LayerWeights[] {
  const rng = new Rng(seed);
  return plan.dense.map(({ layer, inputs }) => {
    const kernel = new Float32Array(inputs * layer.units);
    getInitializer(layer.kernelInitializer)(kernel, inputs, layer.units, rng);
    let bias: Float32Array | null = null;
    if (layer.useBias) {
      bias = new Float32Array(layer.units);
      getInitializer(layer.biasInitializer)(bias, layer.units, layer.units, rng);
    }
    return { kernel, bias };
  });
}

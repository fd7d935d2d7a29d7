import {
  type ActivationOption,
  ArgumentError,
  type CoreLossIdentifier,
  type InitializerIdentifier,
  type OptimizerIdentifier,
  activationSpec,
  getInitializer,
  getLoss,
  type LayerWeights,
  type OptimizerSpec,
  optimizerSpec,
  Rng,
} from '@backprop/core';
import type { DenseLayerSpec, ModelSpec } from '@backprop/layers';

export interface ModelSpecOptions {
  readonly inputSize: number;
  readonly layers: readonly {
    readonly units: number;
    /** Name or `{ name, alpha }`; default `linear`, as Keras's Dense. */
    readonly activation?: ActivationOption;
    readonly useBias?: boolean;
    readonly dropoutRate?: number;
    readonly name?: string;
  }[];
  /** Default `mse`. */
  readonly loss?: CoreLossIdentifier | { name: CoreLossIdentifier; delta?: number };
  /** Default `sgd` with Keras's defaults. */
  readonly optimizer?: OptimizerIdentifier | OptimizerSpec;
  /** Seed of the initial weights and of dropout; default 0. */
  readonly seed?: number;
  /** Default `glorotUniform` (Keras's Dense default); biases start at zero. */
  readonly kernelInitializer?: InitializerIdentifier;
}

/**
 * A complete `ModelSpec` with seeded initial weights, for using the tfjs backend or `compareEngines` without the
 * layers facade (which builds the same thing from a `Sequential`). Layer names follow Keras: dense, dense_1, …
 */
export function createModelSpec(options: ModelSpecOptions): ModelSpec {
  const { inputSize, layers } = options;
  if (!Number.isInteger(inputSize) || inputSize <= 0) throw new ArgumentError(`inputSize must be a positive integer, got ${inputSize}`);
  if (!Array.isArray(layers) || layers.length === 0) throw new ArgumentError(`layers must be a non-empty list, got ${layers?.length ?? typeof layers}`);
  const seed = options.seed ?? 0;
  const rng = new Rng(seed);
  const init = getInitializer(options.kernelInitializer ?? 'glorotUniform');
  const specs: DenseLayerSpec[] = [];
  const initialWeights: LayerWeights[] = [];
  let fanIn = inputSize;
  layers.forEach((layer, i) => {
    if (!Number.isInteger(layer.units) || layer.units <= 0) {
      throw new ArgumentError(`layer ${i} units must be a positive integer, got ${layer.units}`);
    }
    const useBias = layer.useBias ?? true;
    specs.push({
      name: layer.name ?? (i === 0 ? 'dense' : `dense_${i}`),
      units: layer.units,
      activation: activationSpec(layer.activation ?? 'linear'),
      useBias,
      dropoutRate: layer.dropoutRate ?? 0,
    });
    const kernel = new Float32Array(fanIn * layer.units);
    init(kernel, fanIn, layer.units, rng);
    initialWeights.push({ kernel, bias: useBias ? new Float32Array(layer.units) : null });
    fanIn = layer.units;
  });
  return {
    inputSize,
    layers: specs,
    loss: getLoss(options.loss ?? 'mse').spec,
    optimizer: optimizerSpec(options.optimizer ?? 'sgd'),
    initialWeights,
    seed,
  };
}

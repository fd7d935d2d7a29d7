import {
  type ActivationOption,
  ArgumentError,
  type CoreLossIdentifier,
  type InitializerIdentifier,
  type OptimizerIdentifier,
  activationSpec,
  jsKernels,
  type LayerConfig,
  layerFromConfig,
  SequentialNetwork,
  getLoss,
  type OptimizerSpec,
  optimizerSpec,
} from '@backprop/core';
import type { ModelSpec } from '@backprop/layers';

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
 * A complete `ModelSpec` — the model description: Dense configs (each followed by a Dropout config where it has
 * a dropout rate), with seeded initial weights — for using the tfjs backend or `compareEngines` without the layers
 * facade (which builds the same thing from a `Sequential`). Layer names follow Keras: dense, dense_1, …
 */
export function createModelSpec(options: ModelSpecOptions): ModelSpec {
  const { inputSize, layers } = options;
  if (!Number.isInteger(inputSize) || inputSize <= 0) throw new ArgumentError(`inputSize must be a positive integer, got ${inputSize}`);
  if (!Array.isArray(layers) || layers.length === 0) throw new ArgumentError(`layers must be a non-empty list, got ${layers?.length ?? typeof layers}`);
  const seed = options.seed ?? 0;
  const configs: LayerConfig[] = [];
  let dropouts = 0;
  layers.forEach((layer, i) => {
    if (!Number.isInteger(layer.units) || layer.units <= 0) {
      throw new ArgumentError(`layer ${i} units must be a positive integer, got ${layer.units}`);
    }
    configs.push({
      className: 'Dense',
      config: {
        name: layer.name ?? (i === 0 ? 'dense' : `dense_${i}`),
        units: layer.units,
        activation: activationSpec(layer.activation ?? 'linear'),
        useBias: layer.useBias ?? true,
        kernelInitializer: options.kernelInitializer ?? 'glorotUniform',
      },
    });
    if ((layer.dropoutRate ?? 0) > 0) {
      configs.push({ className: 'Dropout', config: { name: dropouts === 0 ? 'dropout' : `dropout_${dropouts}`, rate: layer.dropoutRate! } });
      dropouts += 1;
    }
  });
  // The weights core's layers draw from the seed: kernel then bias of each layer, in order.
  const network = new SequentialNetwork({ inputShape: [inputSize], layers: configs.map(layerFromConfig), kernels: jsKernels, seed });
  const initialWeights = network.getNamedWeights();
  network.dispose();
  return {
    inputShape: [inputSize],
    layers: configs,
    loss: getLoss(options.loss ?? 'mse').spec,
    optimizer: optimizerSpec(options.optimizer ?? 'sgd'),
    initialWeights,
    seed,
  };
}

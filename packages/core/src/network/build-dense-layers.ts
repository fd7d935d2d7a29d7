import { activationSpec } from '../activations/activation-registry';
import { ArgumentError, describeValue } from '../errors';
import { getInitializer } from '../initializers/initializer-registry';
import type { FloatArray } from '../matrix';
import type { Rng } from '../random';
import type { DenseLayerState } from './dense-layer-state';
import type { DenseLayerConfig } from './dense-network';
import { allocatingFor, layerLabel } from './model-memory';
import { checkDenseLayerConfig } from './network-options';

/**
 * Check each layer's configuration, run `checkMemory` (sizes are checked before memory is allocated),
 * then allocate the parameters and gradients, with the kernel and bias initialised from the seeded
 * generator in layer order (kernel first, as Keras builds them).
 */
export function buildDenseLayers(
  inputSize: number,
  configs: readonly DenseLayerConfig[],
  allocate: (length: number) => FloatArray,
  rng: Rng,
  checkMemory: () => void,
): DenseLayerState[] {
  const checked = configs.map((config, index) => {
    checkDenseLayerConfig(config, index);
    const units = config.units;
    // A safe integer, so that every size computed from it is exact (Dense(1e20) is refused here).
    if (!Number.isSafeInteger(units) || units <= 0) {
      throw new ArgumentError(`layer ${index} units must be a positive integer, got ${describeValue(units)}`);
    }
    const dropoutRate = config.dropoutRate ?? 0;
    if (!(typeof dropoutRate === 'number' && dropoutRate >= 0 && dropoutRate < 1)) {
      throw new ArgumentError(`layer ${index} dropoutRate must be a number in [0, 1), got ${describeValue(dropoutRate)}`);
    }
    return { config, units, dropoutRate, activation: activationSpec(config.activation ?? 'linear'), useBias: config.useBias ?? true };
  });
  checkMemory();
  let fanIn = inputSize;
  return checked.map(({ config, units, dropoutRate, activation, useBias }, index) =>
    allocatingFor(`${layerLabel(config, index)} (${fanIn}x${units} kernel)`, () => {
      // Initializers draw float32 values, so float32 and float64 networks start from the same numbers.
      const kernel = allocate(fanIn * units);
      const init = new Float32Array(fanIn * units);
      getInitializer(config.kernelInitializer ?? 'glorotUniform')(init, fanIn, units, rng);
      kernel.set(init);
      let bias: FloatArray | null = null;
      if (useBias) {
        bias = allocate(units);
        const b = new Float32Array(units);
        getInitializer(config.biasInitializer ?? 'zeros')(b, units, units, rng);
        bias.set(b);
      }
      const state: DenseLayerState = {
        name: config.name,
        inputs: fanIn,
        units,
        activation,
        kernel,
        bias,
        kernelGrad: allocate(fanIn * units),
        biasGrad: useBias ? allocate(units) : null,
        dropoutRate,
      };
      fanIn = units;
      return state;
    }),
  );
}

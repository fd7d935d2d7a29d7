import { activationSpec } from '../activations/activation-registry';
import { ArgumentError, describeValue } from '../errors';
import { getInitializer } from '../initializers/initializer-registry';
import type { FloatArray } from '../matrix';
import type { Rng } from '../random';
import type { DenseLayerConfig, DenseLayerState } from './dense-network';
import { checkDenseLayerConfig } from './network-options';

/**
 * Check each layer's configuration and allocate its parameters and gradients, with the kernel and
 * bias initialised from the seeded generator in layer order (kernel first, as Keras builds them).
 */
export function buildDenseLayers(
  inputSize: number,
  configs: readonly DenseLayerConfig[],
  allocate: (length: number) => FloatArray,
  rng: Rng,
): DenseLayerState[] {
  let fanIn = inputSize;
  return configs.map((config, index) => {
    checkDenseLayerConfig(config, index);
    const units = config.units;
    if (!Number.isInteger(units) || units <= 0) {
      throw new ArgumentError(`layer ${index} units must be a positive integer, got ${describeValue(units)}`);
    }
    const activation = activationSpec(config.activation ?? 'linear');
    const useBias = config.useBias ?? true;
    const dropoutRate = config.dropoutRate ?? 0;
    if (!(typeof dropoutRate === 'number' && dropoutRate >= 0 && dropoutRate < 1)) {
      throw new ArgumentError(`layer ${index} dropoutRate must be a number in [0, 1), got ${describeValue(dropoutRate)}`);
    }
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
  });
}

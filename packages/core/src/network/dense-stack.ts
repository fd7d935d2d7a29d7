import { ArgumentError, describeValue } from '../errors';
import { Dense } from '../layers/dense';
import { Dropout } from '../layers/dropout';
import type { Layer } from '../layers/layer';
import type { DenseLayerConfig } from './dense-network';
import { checkDenseLayerConfig } from './network-options';

/**
 * The core layers of a `DenseNetwork`'s configs: each config's `Dense`, then a `Dropout` where it has a
 * dropout rate. Named as Keras names them (dense, dense_1, …; dropout, dropout_1, …).
 */
export function denseStack(configs: readonly DenseLayerConfig[]): Layer[] {
  const layers: Layer[] = [];
  let dropouts = 0;
  configs.forEach((config, index) => {
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
    layers.push(
      new Dense({
        name: config.name ?? (index === 0 ? 'dense' : `dense_${index}`),
        units,
        activation: config.activation,
        useBias: config.useBias,
        kernelInitializer: config.kernelInitializer,
        biasInitializer: config.biasInitializer,
      }),
    );
    if (dropoutRate > 0) {
      layers.push(new Dropout({ name: dropouts === 0 ? 'dropout' : `dropout_${dropouts}`, rate: dropoutRate }));
      dropouts += 1;
    }
  });
  return layers;
}

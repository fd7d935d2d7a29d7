import { ModelFormatError } from '@backprop/core';
import { BatchNormalization, type BatchNormalizationLayer } from '../layers/batch-normalization';
import type { LayerOptions } from '../layers/layer';
import { coreInitializer } from './keras-names';

/**
 * A Keras / tfjs `BatchNormalization` config → the layer. `axis` is -1 or a positive index (Keras 2 writes a
 * one-element list such as `[3]`); a regularizer or constraint the model would lose is a ModelFormatError.
 */
export function batchNormalizationFromJson(cfg: Record<string, unknown>, common: LayerOptions, where: string): BatchNormalizationLayer {
  const axis = Array.isArray(cfg.axis) && cfg.axis.length === 1 ? cfg.axis[0] : cfg.axis;
  if (axis !== undefined && typeof axis !== 'number') throw new ModelFormatError(`${where}: axis must be -1 or one axis index, got ${JSON.stringify(cfg.axis)}`);
  for (const key of ['beta_regularizer', 'gamma_regularizer', 'beta_constraint', 'gamma_constraint']) {
    if (cfg[key] !== undefined && cfg[key] !== null) throw new ModelFormatError(`${where}: ${key} is not supported; expected null, got ${JSON.stringify(cfg[key])}`);
  }
  if (cfg.synchronized === true) throw new ModelFormatError(`${where}: synchronized is not supported; expected false, got true`);
  return BatchNormalization({
    ...common,
    axis,
    momentum: cfg.momentum as number | undefined,
    epsilon: cfg.epsilon as number | undefined,
    center: cfg.center as boolean | undefined,
    scale: cfg.scale as boolean | undefined,
    betaInitializer: coreInitializer(cfg.beta_initializer, 'zeros'),
    gammaInitializer: coreInitializer(cfg.gamma_initializer, 'ones'),
    movingMeanInitializer: coreInitializer(cfg.moving_mean_initializer, 'zeros'),
    movingVarianceInitializer: coreInitializer(cfg.moving_variance_initializer, 'ones'),
  });
}

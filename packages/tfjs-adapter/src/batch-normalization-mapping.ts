import type { BatchNormalizationConfig } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { TfjsUnsupportedError } from './errors';

/**
 * tfjs 4.22's BatchNormalization reads both gamma and beta when it trains (`normalizeBatchInTraining(input,
 * this.gamma.read(), this.beta.read(), …)`), so `center: false` or `scale: false` crashes in its first training
 * step: refused here, before any tensor exists. The scratch engine takes them.
 */
export function checkTfjsBatchNormalization(config: BatchNormalizationConfig): void {
  if (config.center === false || config.scale === false) {
    throw new TfjsUnsupportedError(
      `BatchNormalization "${config.name}"`,
      `center ${config.center ?? true}, scale ${config.scale ?? true}`,
      ['center true, scale true'],
      'tfjs 4.22 cannot train a BatchNormalization without beta or gamma',
    );
  }
}

/**
 * `tf.layers.batchNormalization` of a config (channels-last, axis -1). The weights are written afterwards, so
 * the initializers draw nothing that matters. Porting note (tfjs vs Keras 3): tfjs ignores `trainable` in
 * `call` and would use batch statistics for a frozen layer in training; the tfjs backend calls a frozen one
 * with `training: false`, which is what Keras 3 does.
 */
export function tfjsBatchNormalization(config: BatchNormalizationConfig, name: string, first: { inputShape?: number[] }): tf.layers.Layer {
  checkTfjsBatchNormalization(config);
  return tf.layers.batchNormalization({
    axis: -1,
    momentum: config.momentum ?? 0.99,
    epsilon: config.epsilon ?? 0.001,
    center: config.center ?? true,
    scale: config.scale ?? true,
    trainable: config.trainable ?? true,
    name,
    ...first,
  });
}

/** A tfjs BatchNormalization's config (`getConfig()`) → core's; any axis but the last is refused. */
export function batchNormalizationFromTfjs(config: Record<string, unknown>, name: string, trainable: boolean): BatchNormalizationConfig {
  const axis = config.axis;
  if (axis !== -1) throw new TfjsUnsupportedError(`layer "${name}"`, `BatchNormalization(axis=${JSON.stringify(axis)})`, ['BatchNormalization over the last axis (-1)']);
  return {
    name,
    axis: -1,
    momentum: Number(config.momentum),
    epsilon: Number(config.epsilon),
    center: config.center !== false,
    scale: config.scale !== false,
    trainable,
  };
}

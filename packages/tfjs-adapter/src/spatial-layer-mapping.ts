import { activationSpec, integerPair, type LayerConfig } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { tfjsActivation } from './activation-mapping';

/** The layer classes `tfjsSpatialLayers` maps. */
export const SPATIAL_CLASS_NAMES = ['Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'GlobalAveragePooling2D', 'ZeroPadding2D'] as const;

/**
 * The `tf.layers.*` of an image layer config (channels-last, as core computes): conv2d (plus the
 * LeakyReLU / ELU layer of `tfjsActivation` where tfjs's own activation cannot hold the parameter),
 * maxPooling2d, averagePooling2d, globalAveragePooling2d, zeroPadding2d — or null for other configs.
 * `args` carries the name and, for the first layer, the input shape.
 */
export function tfjsSpatialLayers(layer: LayerConfig, args: { name: string; inputShape?: number[] }): tf.layers.Layer[] | null {
  const dataFormat = 'channelsLast' as const;
  switch (layer.className) {
    case 'Conv2D': {
      const { config } = layer;
      const plan = tfjsActivation(activationSpec(config.activation ?? 'linear'));
      const conv = tf.layers.conv2d({
        filters: config.filters,
        kernelSize: integerPair(config.kernelSize, 'kernelSize'),
        strides: integerPair(config.strides ?? 1, 'strides'),
        padding: config.padding ?? 'valid',
        dilationRate: integerPair(config.dilationRate ?? 1, 'dilationRate'),
        dataFormat,
        activation: plan.denseActivation,
        useBias: config.useBias ?? true,
        // The weights are written afterwards; zeros spend no random numbers.
        kernelInitializer: 'zeros',
        ...args,
      });
      return [conv, ...plan.extraLayers(args.name)];
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const { config } = layer;
      const poolSize = integerPair(config.poolSize ?? 2, 'poolSize');
      const options = { poolSize, strides: integerPair(config.strides ?? poolSize, 'strides'), padding: config.padding ?? 'valid', dataFormat, ...args };
      return [layer.className === 'MaxPooling2D' ? tf.layers.maxPooling2d(options) : tf.layers.averagePooling2d(options)];
    }
    case 'GlobalAveragePooling2D':
      return [tf.layers.globalAveragePooling2d({ dataFormat, ...args })];
    case 'ZeroPadding2D': {
      const padding = layer.config.padding ?? 1;
      // tfjs takes a number, [rows, cols] or [[top, bottom], [left, right]], as Keras does.
      return [tf.layers.zeroPadding2d({ padding: padding as number, dataFormat, ...args })];
    }
    default:
      return null;
  }
}

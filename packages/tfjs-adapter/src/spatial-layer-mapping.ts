import { type ActivationOption, activationSpec, integerPair, type LayerConfig } from '@backprop/core';
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

/**
 * The layer config of a tfjs image layer (`layer.getConfig()`, camelCase), or null for other classes. Only
 * channels-last models are read (core's layout); a channels-first one is refused by core's layer.
 */
export function spatialConfigFromTfjs(className: string, config: Record<string, unknown>, name: string, activation: (id: string) => ActivationOption): LayerConfig | null {
  const dataFormat = config.dataFormat as 'channelsLast' | 'channelsFirst' | undefined;
  switch (className) {
    case 'Conv2D':
      return {
        className: 'Conv2D',
        config: {
          name,
          filters: Number(config.filters),
          kernelSize: config.kernelSize as number[],
          strides: config.strides as number[],
          padding: config.padding as 'valid' | 'same',
          dataFormat,
          dilationRate: config.dilationRate as number[],
          activation: activation(String(config.activation ?? 'linear')),
          useBias: config.useBias !== false,
        },
      };
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return { className, config: { name, poolSize: config.poolSize as number[], strides: config.strides as number[], padding: config.padding as 'valid' | 'same', dataFormat } };
    case 'GlobalAveragePooling2D':
      return { className, config: { name, dataFormat } };
    case 'ZeroPadding2D':
      return { className, config: { name, padding: config.padding as number[][], dataFormat } };
    default:
      return null;
  }
}

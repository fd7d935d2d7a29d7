import { ModelFormatError } from '@backprop/core';
import { Conv2D, type Conv2DLayer } from '../layers/conv2d';
import type { Layer } from '../layers/layer';
import { AveragePooling2D, MaxPooling2D, type Pooling2DLayer } from '../layers/pooling-2d';
import { GlobalAveragePooling2D, ZeroPadding2D, type ZeroPadding2DLayer } from '../layers/spatial-layers';
import { type KerasActivationLayer, kerasActivation, kerasActivationLayer, kerasInitializer } from './keras-names';

/** The image layers' class names, as Keras and tfjs write them in model.json. */
export const SPATIAL_LAYER_CLASSES = ['Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'GlobalAveragePooling2D', 'ZeroPadding2D'] as const;

/**
 * The Keras config of an image layer (what tfjs's `LayersModel.save` writes: snake_case keys, pairs as
 * lists, `data_format: 'channels_last'`), or null for other layers; `common` holds name, trainable, dtype
 * and the first layer's `batch_input_shape`. A Conv2D whose activation needs a layer of its own
 * (leakyRelu, elu with α ≠ 1) is written linear and returned with that layer, as for Dense.
 */
export function spatialLayerJson(layer: Layer, common: Record<string, unknown>): { config: { class_name: string; config: Record<string, unknown> }; activationLayer: KerasActivationLayer | null } | null {
  const dataFormat = { data_format: 'channels_last' };
  switch (layer.className) {
    case 'Conv2D': {
      const conv = layer as Conv2DLayer;
      const separate = kerasActivationLayer(conv.activation);
      const config = {
        filters: conv.filters,
        kernel_size: [...conv.kernelSize],
        strides: [...conv.strides],
        padding: conv.padding,
        ...dataFormat,
        dilation_rate: [...conv.dilationRate],
        activation: separate ? 'linear' : kerasActivation(conv.activation, conv.name),
        use_bias: conv.useBias,
        kernel_initializer: kerasInitializer(conv.kernelInitializer),
        bias_initializer: kerasInitializer(conv.biasInitializer),
        kernel_regularizer: null,
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
        ...common,
      };
      return { config: { class_name: 'Conv2D', config }, activationLayer: separate };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const pool = layer as Pooling2DLayer;
      const config = { pool_size: [...pool.poolSize], padding: pool.padding, strides: [...pool.strides], ...dataFormat, ...common };
      return { config: { class_name: layer.className, config }, activationLayer: null };
    }
    case 'GlobalAveragePooling2D':
      return { config: { class_name: 'GlobalAveragePooling2D', config: { ...dataFormat, ...common } }, activationLayer: null };
    case 'ZeroPadding2D': {
      const padding = (layer as ZeroPadding2DLayer).padding.map((pair) => [...pair]);
      return { config: { class_name: 'ZeroPadding2D', config: { padding, ...dataFormat, ...common } }, activationLayer: null };
    }
    default:
      return null;
  }
}

/** An image layer from its Keras / tfjs config (read back what `spatialLayerJson` and tfjs write). */
export function spatialLayerFromJson(
  className: string,
  cfg: Record<string, unknown>,
  common: { name: string | undefined; inputShape: number[] | undefined },
  readActivation: (value: unknown) => string,
  readInitializer: (value: unknown, fallback: 'glorotUniform' | 'zeros') => unknown,
  where: string,
): Layer {
  // Keras's data_format: channels_last (or absent, Keras's default) only; channels_first is NotSupportedError from core.
  const dataFormat = (cfg.data_format ?? undefined) as 'channels_last' | undefined;
  switch (className) {
    case 'Conv2D':
      if (cfg.groups !== undefined && cfg.groups !== 1) throw new ModelFormatError(`${where}: groups ${JSON.stringify(cfg.groups)} is not supported (only 1)`);
      return Conv2D({
        filters: cfg.filters as number,
        kernelSize: cfg.kernel_size as number[],
        strides: (cfg.strides ?? 1) as number[],
        padding: (cfg.padding ?? 'valid') as 'valid',
        dataFormat,
        dilationRate: (cfg.dilation_rate ?? 1) as number[],
        activation: readActivation(cfg.activation) as 'linear',
        useBias: cfg.use_bias === undefined ? true : (cfg.use_bias as boolean),
        kernelInitializer: readInitializer(cfg.kernel_initializer, 'glorotUniform') as 'glorotUniform',
        biasInitializer: readInitializer(cfg.bias_initializer, 'zeros') as 'zeros',
        ...defined(common),
      });
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const make = className === 'MaxPooling2D' ? MaxPooling2D : AveragePooling2D;
      return make({ poolSize: (cfg.pool_size ?? 2) as number[], strides: (cfg.strides ?? null) as number[] | null, padding: (cfg.padding ?? 'valid') as 'valid', dataFormat, ...defined(common) });
    }
    case 'GlobalAveragePooling2D':
      if (cfg.keepdims === true) throw new ModelFormatError(`${where}: keepdims true is not supported`);
      return GlobalAveragePooling2D({ dataFormat, ...defined(common) });
    default:
      return ZeroPadding2D({ padding: (cfg.padding ?? 1) as number, dataFormat, ...defined(common) });
  }
}

/** The name and input shape, without undefined keys (the layers refuse nothing for them, but keep configs clean). */
function defined(common: { name: string | undefined; inputShape: number[] | undefined }): { name?: string; inputShape?: number[] } {
  return { ...(common.name === undefined ? {} : { name: common.name }), ...(common.inputShape === undefined ? {} : { inputShape: common.inputShape }) };
}

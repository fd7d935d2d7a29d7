import {
  type DataFormat,
  GlobalAveragePooling2DLayer as CoreGlobalAveragePooling2D,
  type LayerConfig,
  optionKeys,
  ZeroPadding2DLayer as CoreZeroPadding2D,
} from '@backprop/core';
import { LAYER_OPTION_KEYS, Layer, type LayerOptions, objectLayerArgs } from './layer';

/** tfjs's `tf.layers.globalAveragePooling2d` arguments. */
export interface GlobalAveragePooling2DArgs extends LayerOptions {
  dataFormat?: DataFormat;
}

/** tfjs's `tf.layers.zeroPadding2d` arguments. */
export interface ZeroPadding2DArgs extends LayerOptions {
  /** `1` (default), `[rows, cols]` or `[[top, bottom], [left, right]]`. */
  padding?: number | readonly number[] | readonly (readonly number[])[];
  dataFormat?: DataFormat;
}

const GLOBAL_POOLING_ARG_KEYS = optionKeys<GlobalAveragePooling2DArgs>()([...LAYER_OPTION_KEYS, 'dataFormat']);
const ZERO_PADDING_ARG_KEYS = optionKeys<ZeroPadding2DArgs>()([...LAYER_OPTION_KEYS, 'padding', 'dataFormat']);

/** The mean of each channel over height and width: [H, W, C] → [C] (Keras's `GlobalAveragePooling2D`). */
export class GlobalAveragePooling2DLayer extends Layer {
  readonly className = 'GlobalAveragePooling2D';
  /** Core's layer, unbuilt: it checks the arguments and states the output shape. */
  readonly #core: CoreGlobalAveragePooling2D;

  constructor(args?: GlobalAveragePooling2DArgs) {
    const checked = objectLayerArgs<GlobalAveragePooling2DArgs>('GlobalAveragePooling2D', args, { args: GLOBAL_POOLING_ARG_KEYS, unsupported: ['keepdims'] });
    super('global_average_pooling2d', checked);
    this.#core = new CoreGlobalAveragePooling2D({ ...checked, name: this.name });
  }

  override toConfig(): LayerConfig {
    return { className: 'GlobalAveragePooling2D', config: { name: this.name } };
  }

  override outputShape(inputShape: readonly number[]): readonly number[] {
    return this.#core.computeOutputShape(inputShape);
  }
}

/** Rows and columns of zeros around each image (Keras's `ZeroPadding2D`). */
export class ZeroPadding2DLayer extends Layer {
  readonly className = 'ZeroPadding2D';
  /** [[top, bottom], [left, right]]. */
  readonly padding: readonly [readonly [number, number], readonly [number, number]];
  /** Core's layer, unbuilt: it checks the arguments and states the output shape. */
  readonly #core: CoreZeroPadding2D;

  constructor(args?: ZeroPadding2DArgs) {
    const checked = objectLayerArgs<ZeroPadding2DArgs>('ZeroPadding2D', args, { args: ZERO_PADDING_ARG_KEYS });
    super('zero_padding2d', checked);
    this.#core = new CoreZeroPadding2D({ ...checked, name: this.name });
    this.padding = this.#core.padding;
  }

  override toConfig(): LayerConfig {
    return { className: 'ZeroPadding2D', config: { name: this.name, padding: this.padding } };
  }

  override outputShape(inputShape: readonly number[]): readonly number[] {
    return this.#core.computeOutputShape(inputShape);
  }
}

/** Factories that also work with `new`. */
export interface SpatialLayerConstructor<L, A> {
  new (args?: A): L;
  (args?: A): L;
  readonly prototype: L;
}

function globalAveragePooling2dFactory(args?: GlobalAveragePooling2DArgs): GlobalAveragePooling2DLayer {
  return new GlobalAveragePooling2DLayer(args);
}
globalAveragePooling2dFactory.prototype = GlobalAveragePooling2DLayer.prototype;

function zeroPadding2dFactory(args?: ZeroPadding2DArgs): ZeroPadding2DLayer {
  return new ZeroPadding2DLayer(args);
}
zeroPadding2dFactory.prototype = ZeroPadding2DLayer.prototype;

/** `GlobalAveragePooling2D()` (tfjs's `tf.layers.globalAveragePooling2d`). */
export const GlobalAveragePooling2D = globalAveragePooling2dFactory as unknown as SpatialLayerConstructor<GlobalAveragePooling2DLayer, GlobalAveragePooling2DArgs>;
/** `ZeroPadding2D({ padding: 1 })` (tfjs's `tf.layers.zeroPadding2d`). */
export const ZeroPadding2D = zeroPadding2dFactory as unknown as SpatialLayerConstructor<ZeroPadding2DLayer, ZeroPadding2DArgs>;

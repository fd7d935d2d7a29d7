import {
  AveragePooling2DLayer as CoreAveragePooling2D,
  type DataFormat,
  type LayerConfig,
  MaxPooling2DLayer as CoreMaxPooling2D,
  optionKeys,
  type PaddingMode,
} from '@backprop/core';
import { LAYER_OPTION_KEYS, Layer, type LayerOptions, objectLayerArgs } from './layer';

/** tfjs's `tf.layers.maxPooling2d` / `averagePooling2d` arguments (Keras's, in camelCase). */
export interface Pooling2DArgs extends LayerOptions {
  /** Default 2 (Keras's (2, 2)). */
  poolSize?: number | readonly number[];
  /** Default (and when null) the pool size, as in Keras and tfjs. */
  strides?: number | readonly number[] | null;
  /** `'valid'` (default) or `'same'`. */
  padding?: PaddingMode;
  /** Only `'channelsLast'` (the default). */
  dataFormat?: DataFormat;
}

const POOLING_ARG_KEYS = optionKeys<Pooling2DArgs>()([...LAYER_OPTION_KEYS, 'poolSize', 'strides', 'padding', 'dataFormat']);

type PoolingClass = 'MaxPooling2D' | 'AveragePooling2D';

/**
 * MaxPooling2D and AveragePooling2D of the facade: the largest value / the mean of each window per
 * channel (Keras's `MaxPooling2D`, `AveragePooling2D`). The arguments are checked by core's layer.
 */
export abstract class Pooling2DLayer extends Layer {
  abstract override readonly className: PoolingClass;
  readonly poolSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: PaddingMode;
  /** Core's layer, unbuilt: it checks the arguments and states the defaults and the output shape. */
  readonly #core: CoreMaxPooling2D | CoreAveragePooling2D;

  protected constructor(className: PoolingClass, prefix: string, args: Pooling2DArgs | undefined) {
    const checked = objectLayerArgs<Pooling2DArgs>(className, args, { args: POOLING_ARG_KEYS });
    super(prefix, checked);
    const Core = className === 'MaxPooling2D' ? CoreMaxPooling2D : CoreAveragePooling2D;
    const core = new Core({ ...checked, name: this.name });
    this.#core = core;
    this.poolSize = core.poolSize;
    this.strides = core.strides;
    this.padding = core.padding;
  }

  override toConfig(): LayerConfig {
    const { name, poolSize, strides, padding } = this;
    return { className: this.className, config: { name, poolSize, strides, padding } };
  }

  override outputShape(inputShape: readonly number[]): readonly number[] {
    return this.#core.computeOutputShape(inputShape);
  }
}

export class MaxPooling2DLayer extends Pooling2DLayer {
  readonly className = 'MaxPooling2D';

  constructor(args?: Pooling2DArgs) {
    super('MaxPooling2D', 'max_pooling2d', args);
  }
}

export class AveragePooling2DLayer extends Pooling2DLayer {
  readonly className = 'AveragePooling2D';

  constructor(args?: Pooling2DArgs) {
    super('AveragePooling2D', 'average_pooling2d', args);
  }
}

/** `MaxPooling2D` / `AveragePooling2D` work as factories and with `new`. */
export interface Pooling2DConstructor<L> {
  new (args?: Pooling2DArgs): L;
  (args?: Pooling2DArgs): L;
  readonly prototype: L;
}

function maxPooling2dFactory(args?: Pooling2DArgs): MaxPooling2DLayer {
  return new MaxPooling2DLayer(args);
}
maxPooling2dFactory.prototype = MaxPooling2DLayer.prototype;

function averagePooling2dFactory(args?: Pooling2DArgs): AveragePooling2DLayer {
  return new AveragePooling2DLayer(args);
}
averagePooling2dFactory.prototype = AveragePooling2DLayer.prototype;

/** `MaxPooling2D({ poolSize: 2 })` (tfjs's `tf.layers.maxPooling2d`, Keras's `MaxPooling2D(pool_size=2)`). */
export const MaxPooling2D = maxPooling2dFactory as unknown as Pooling2DConstructor<MaxPooling2DLayer>;
/** `AveragePooling2D({ poolSize: 2 })` (tfjs's `tf.layers.averagePooling2d`). */
export const AveragePooling2D = averagePooling2dFactory as unknown as Pooling2DConstructor<AveragePooling2DLayer>;

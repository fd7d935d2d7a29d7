import {
  type ActivationOption,
  type ActivationSpec,
  ArgumentError,
  checkOptionKeys,
  Conv2DLayer as CoreConv2D,
  type DataFormat,
  describeValue,
  type InitializerIdentifier,
  type InitializerName,
  type LayerConfig,
  optionKeys,
  type PaddingMode,
  resolveInitializerName,
} from '@backprop/core';
import { LAYER_OPTION_KEYS, LAYER_UNSUPPORTED, Layer, type LayerOptions, type LayerWeightSpec } from './layer';

/** Options of `Conv2D`, named as tfjs's `tf.layers.conv2d` names them (Keras's, in camelCase). */
export interface Conv2DOptions extends LayerOptions {
  /** `1` (default) or `[2, 2]`. */
  strides?: number | readonly number[];
  /** `'valid'` (default) or `'same'` (TensorFlow's split: the extra row / column of padding at the bottom / right). */
  padding?: PaddingMode;
  /** Only `'channelsLast'` (the default): images are [height, width, channels]. */
  dataFormat?: DataFormat;
  /** `1` (default) or `[2, 2]`; above 1 the strides must be 1. */
  dilationRate?: number | readonly number[];
  /** Default `'linear'`. */
  activation?: ActivationOption;
  /** Default true. */
  useBias?: boolean;
  /** Default `'glorotUniform'` (Keras's default). Keras snake_case names work too. */
  kernelInitializer?: InitializerIdentifier;
  /** Default `'zeros'`. */
  biasInitializer?: InitializerIdentifier;
}

/** tfjs's single-argument form: `Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' })`. */
export interface Conv2DArgs extends Conv2DOptions {
  filters: number;
  kernelSize: number | readonly number[];
}

const CONV2D_OPTION_KEYS = optionKeys<Conv2DOptions>()([
  ...LAYER_OPTION_KEYS,
  'strides',
  'padding',
  'dataFormat',
  'dilationRate',
  'activation',
  'useBias',
  'kernelInitializer',
  'biasInitializer',
]);
const CONV2D_ARG_KEYS = optionKeys<Conv2DArgs>()([...CONV2D_OPTION_KEYS, 'filters', 'kernelSize']);
/** Keras 3 / tfjs Conv2D arguments not implemented yet: refused, not ignored. */
const CONV2D_UNSUPPORTED = ['groups', 'kernelRegularizer', 'biasRegularizer', 'kernelConstraint', 'biasConstraint', ...LAYER_UNSUPPORTED];

/**
 * A 2-D convolution over channels-last images (Keras's `Conv2D`, tfjs's `tf.layers.conv2d`): kernel of
 * shape [kh, kw, inChannels, filters], output [outH, outW, filters]. The arguments are checked by core's
 * Conv2D, the layer the scratch backend runs.
 */
export class Conv2DLayer extends Layer {
  readonly className = 'Conv2D';
  readonly filters: number;
  readonly kernelSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: PaddingMode;
  readonly dilationRate: readonly [number, number];
  readonly activation: ActivationSpec;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerName;
  readonly biasInitializer: InitializerName;
  /** Core's layer, unbuilt: it checks the arguments and states the defaults and the output shape. */
  readonly #core: CoreConv2D;

  constructor(filters: number | Conv2DArgs, kernelSize?: number | readonly number[], options?: Conv2DOptions) {
    let args: Conv2DArgs;
    if (typeof filters === 'object' && filters !== null && !Array.isArray(filters)) {
      if (kernelSize !== undefined || options !== undefined) {
        throw new ArgumentError(`Conv2D takes (filters, kernelSize, options) or ({ filters, kernelSize, … }), got more arguments after the object form: ${describeValue(kernelSize)}`);
      }
      checkOptionKeys(filters, CONV2D_ARG_KEYS, 'Conv2D arguments', CONV2D_UNSUPPORTED);
      args = filters;
    } else {
      checkOptionKeys(options, CONV2D_OPTION_KEYS, 'Conv2D options', CONV2D_UNSUPPORTED);
      args = { ...options, filters: filters as number, kernelSize: kernelSize as number };
    }
    super('conv2d', args);
    // Core's Conv2D checks every argument and names the layer in its errors.
    const core = new CoreConv2D({ ...args, name: this.name });
    this.#core = core;
    this.filters = core.filters;
    this.kernelSize = core.kernelSize;
    this.strides = core.strides;
    this.padding = core.padding;
    this.dilationRate = core.dilationRate;
    this.activation = core.activation;
    this.useBias = core.useBias;
    this.kernelInitializer = resolveInitializerName(core.kernelInitializer);
    this.biasInitializer = resolveInitializerName(core.biasInitializer);
  }

  override toConfig(): LayerConfig {
    const { name, filters, kernelSize, strides, padding, dilationRate, activation, useBias, kernelInitializer, biasInitializer } = this;
    return { className: 'Conv2D', config: { name, filters, kernelSize, strides, padding, dilationRate, activation, useBias, kernelInitializer, biasInitializer } };
  }

  override outputShape(inputShape: readonly number[]): readonly number[] {
    return this.#core.computeOutputShape(inputShape);
  }

  /** Keras's Conv2D weights: kernel [kh, kw, inChannels, filters], then bias [filters]. */
  override weightSpecs(inputShape: readonly number[]): LayerWeightSpec[] {
    const kernel = { name: 'kernel', shape: [this.kernelSize[0], this.kernelSize[1], inputShape[inputShape.length - 1], this.filters], trainable: true };
    return this.useBias ? [kernel, { name: 'bias', shape: [this.filters], trainable: true }] : [kernel];
  }
}

/** `Conv2D` works as a Keras-style factory and with `new`. */
export interface Conv2DConstructor {
  new (filters: number, kernelSize: number | readonly number[], options?: Conv2DOptions): Conv2DLayer;
  new (args: Conv2DArgs): Conv2DLayer;
  (filters: number, kernelSize: number | readonly number[], options?: Conv2DOptions): Conv2DLayer;
  (args: Conv2DArgs): Conv2DLayer;
  readonly prototype: Conv2DLayer;
}

function conv2dFactory(filters: number | Conv2DArgs, kernelSize?: number | readonly number[], options?: Conv2DOptions): Conv2DLayer {
  return new Conv2DLayer(filters, kernelSize, options);
}
conv2dFactory.prototype = Conv2DLayer.prototype;

/**
 * `Conv2D(32, 3, { activation: 'relu', inputShape: [28, 28, 1] })` (Keras's `Conv2D(32, (3, 3), …)`),
 * `Conv2D({ filters: 32, kernelSize: 3 })` (tfjs's `tf.layers.conv2d`), or with `new`.
 */
export const Conv2D = conv2dFactory as unknown as Conv2DConstructor;

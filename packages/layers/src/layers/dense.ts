import {
  type ActivationOption,
  type ActivationSpec,
  ArgumentError,
  activationSpec,
  checkBooleanOption,
  describeValue,
  type InitializerIdentifier,
  type InitializerName,
  type LayerConfig,
  optionKeys,
  resolveInitializerName,
  shapeSize,
} from '@backprop/core';
import { LAYER_OPTION_KEYS, Layer, type LayerOptions, type LayerWeightSpec, layerArgs } from './layer';

/** Options of `Dense`, named as tfjs's `tf.layers.dense` names them (Keras's, in camelCase). */
export interface DenseOptions extends LayerOptions {
  /** `'relu'`, `'sigmoid'`, `'softmax'`, `'tanh'`, `'elu'`, `'leakyRelu'`, … or `{ name, alpha }`; default `'linear'`. */
  activation?: ActivationOption;
  /** Default true. */
  useBias?: boolean;
  /** Default `'glorotUniform'` (Keras's default; tfjs's is glorotNormal). Keras snake_case names work too. */
  kernelInitializer?: InitializerIdentifier;
  /** Default `'zeros'`. */
  biasInitializer?: InitializerIdentifier;
}

/** tfjs's single-argument form: `Dense({ units: 10, activation: 'softmax' })`. */
export interface DenseArgs extends DenseOptions {
  units: number;
}

/** Every key of DenseOptions and of DenseArgs, checked against the interfaces by the type checker. */
const DENSE_OPTION_KEYS = optionKeys<DenseOptions>()([...LAYER_OPTION_KEYS, 'activation', 'useBias', 'kernelInitializer', 'biasInitializer']);
const DENSE_ARG_KEYS = optionKeys<DenseArgs>()([...DENSE_OPTION_KEYS, 'units']);
/** Keras 3 / tfjs Dense arguments not implemented yet: refused, not ignored. */
const DENSE_UNSUPPORTED = ['kernelRegularizer', 'biasRegularizer', 'kernelConstraint', 'biasConstraint', 'loraRank'];

/** A fully connected layer: output = activation(input · kernel + bias), kernel of shape [inputs, units]. */
export class DenseLayer extends Layer {
  readonly className = 'Dense';
  readonly units: number;
  readonly activation: ActivationSpec;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerName;
  readonly biasInitializer: InitializerName;

  constructor(units: number | DenseArgs, options?: DenseOptions) {
    const args = layerArgs<DenseArgs>('Dense', units, options, {
      positional: 'units',
      args: DENSE_ARG_KEYS,
      options: DENSE_OPTION_KEYS,
      unsupported: DENSE_UNSUPPORTED,
    });
    super('dense', args);
    if (!Number.isInteger(args.units) || args.units <= 0) {
      throw new ArgumentError(`Dense "${this.name}" units must be a positive integer, got ${describeValue(args.units)}`);
    }
    this.units = args.units;
    this.activation = activationSpec(args.activation ?? 'linear');
    this.useBias = checkBooleanOption(args.useBias, 'useBias', `Dense "${this.name}" arguments`) ?? true;
    this.kernelInitializer = resolveInitializerName(args.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = resolveInitializerName(args.biasInitializer ?? 'zeros');
  }

  override toConfig(): LayerConfig {
    const { name, units, activation, useBias, kernelInitializer, biasInitializer } = this;
    return { className: 'Dense', config: { name, units, activation, useBias, kernelInitializer, biasInitializer } };
  }

  /**
   * Porting note: Keras's Dense also acts on the last axis of a higher-rank input; here samples reaching a
   * Dense must be flat, so images go through a Flatten first.
   */
  override outputShape(inputShape: readonly number[]): readonly number[] {
    if (inputShape.length !== 1) {
      throw new ArgumentError(`Dense "${this.name}" expects a flat input (put a Flatten layer first, e.g. Flatten({ inputShape: [28, 28] })), got shape [${inputShape.join(', ')}]`);
    }
    return [this.units];
  }

  /** Keras's Dense weights: kernel [inputs, units], then bias [units] when `useBias`. */
  override weightSpecs(inputShape: readonly number[]): LayerWeightSpec[] {
    const kernel = { name: 'kernel', shape: [shapeSize(inputShape), this.units], trainable: true };
    return this.useBias ? [kernel, { name: 'bias', shape: [this.units], trainable: true }] : [kernel];
  }
}

/** `Dense` works as a Keras-style factory and with `new`. */
export interface DenseConstructor {
  new (units: number, options?: DenseOptions): DenseLayer;
  new (args: DenseArgs): DenseLayer;
  (units: number, options?: DenseOptions): DenseLayer;
  (args: DenseArgs): DenseLayer;
  readonly prototype: DenseLayer;
}

function denseFactory(units: number | DenseArgs, options?: DenseOptions): DenseLayer {
  return new DenseLayer(units, options);
}
// A function returning an object works with `new` too (the object is the result); sharing the prototype
// keeps `layer instanceof Dense` true.
denseFactory.prototype = DenseLayer.prototype;

/**
 * `Dense(256, { inputShape: [784], activation: 'sigmoid' })` or `new Dense(…)`: Keras's `Dense`
 * (keras/src/layers/core/dense.py), tfjs's `tf.layers.dense`.
 */
export const Dense = denseFactory as unknown as DenseConstructor;

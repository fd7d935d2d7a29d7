import {
  type ActivationOption,
  type ActivationSpec,
  ArgumentError,
  activationSpec,
  checkBooleanOption,
  describeValue,
  type ConstraintIdentifier,
  type InitializerIdentifier,
  type InitializerName,
  type LayerConfig,
  optionKeys,
  type RegularizerIdentifier,
  resolveInitializer,
  type InitializerSpec,
  type SerializedObject,
  type TfjsSerializable,
  shapeSize,
} from '@backprop/core';
import { type DenseRegularization, denseRegularization, presentOnly } from './dense-regularization';
import { LAYER_OPTION_KEYS, Layer, type LayerOptions, layerArgs } from './layer';

/** Options of `Dense`, named as tfjs's `tf.layers.dense` names them (Keras's, in camelCase). */
export interface DenseOptions extends LayerOptions {
  /** `'relu'`, `'sigmoid'`, `'softmax'`, `'tanh'`, `'elu'`, `'leakyRelu'`, … or `{ name, alpha }`; default `'linear'`. */
  activation?: ActivationOption;
  /** Default true. */
  useBias?: boolean;
  /**
   * Default `'glorotUniform'` (Keras's default; tfjs's is glorotNormal). tfjs names (`heNormal`, `leCunNormal`,
   * `varianceScaling`, `randomNormal`, …), Keras snake_case names, `initializers.randomNormal({ stddev })`,
   * tfjs initializer objects and `{ className: 'VarianceScaling', config: { … } }` work too.
   */
  kernelInitializer?: InitializerOption;
  /** Default `'zeros'`. */
  biasInitializer?: InitializerOption;
  /**
   * Penalty on the kernel added to the loss: `'l1'`, `'l2'` (0.01 each, as Keras and tfjs), `'l1l2'` (tfjs: 0.01
   * each), `regularizers.l2({ l2: 1e-4 })`, `tf.regularizers.l2()` or a serialized `{ className: 'L1L2', config }`.
   */
  kernelRegularizer?: RegularizerIdentifier | null;
  biasRegularizer?: RegularizerIdentifier | null;
  /** Penalty on the layer's output, divided by the batch size (Keras 3). */
  activityRegularizer?: RegularizerIdentifier | null;
  /** Projection after each update: `'maxNorm'` (2, axis 0), `'nonNeg'`, `'unitNorm'`, `constraints.maxNorm({ maxValue })`, … */
  kernelConstraint?: ConstraintIdentifier | null;
  biasConstraint?: ConstraintIdentifier | null;
  /** `inputDim: 784` is `inputShape: [784]` (Keras 2's `input_dim`, tfjs's Dense `inputDim`). */
  inputDim?: number;
}

/** An initializer as users write it: a name in any spelling, a spec, a tfjs object or a serialized config. */
export type InitializerOption = InitializerIdentifier | InitializerSpec | SerializedObject | TfjsSerializable;

/** tfjs's single-argument form: `Dense({ units: 10, activation: 'softmax' })`. */
export interface DenseArgs extends DenseOptions {
  units: number;
}

/** Every key of DenseOptions and of DenseArgs, checked against the interfaces by the type checker. */
const DENSE_OPTION_KEYS = optionKeys<DenseOptions>()([
  ...LAYER_OPTION_KEYS,
  'activation',
  'useBias',
  'kernelInitializer',
  'biasInitializer',
  'kernelRegularizer',
  'biasRegularizer',
  'activityRegularizer',
  'kernelConstraint',
  'biasConstraint',
  'inputDim',
]);
const DENSE_ARG_KEYS = optionKeys<DenseArgs>()([...DENSE_OPTION_KEYS, 'units']);
/** Keras 3 / tfjs Dense arguments not implemented yet: refused, not ignored. */
const DENSE_UNSUPPORTED = ['loraRank'];

/** A fully connected layer: output = activation(input · kernel + bias), kernel of shape [inputs, units]. */
export class DenseLayer extends Layer {
  readonly className = 'Dense';
  readonly units: number;
  readonly activation: ActivationSpec;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerName | InitializerSpec;
  readonly biasInitializer: InitializerName | InitializerSpec;
  /** Regularizers and constraints, resolved (null for none). */
  readonly regularization: DenseRegularization;

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
    this.kernelInitializer = resolveInitializer(args.kernelInitializer ?? 'glorotUniform', `Dense "${this.name}" kernelInitializer`);
    this.biasInitializer = resolveInitializer(args.biasInitializer ?? 'zeros', `Dense "${this.name}" biasInitializer`);
    this.regularization = denseRegularization(args, `Dense "${this.name}"`);
  }

  override toConfig(): LayerConfig {
    const { name, units, activation, useBias, kernelInitializer, biasInitializer } = this;
    return { className: 'Dense', config: { name, units, activation, useBias, kernelInitializer, biasInitializer, ...presentOnly(this.regularization) } };
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

  override countParams(inputShape: readonly number[]): number {
    return shapeSize(inputShape) * this.units + (this.useBias ? this.units : 0);
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

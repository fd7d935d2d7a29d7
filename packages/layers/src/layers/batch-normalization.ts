import {
  ArgumentError,
  checkBooleanOption,
  describeValue,
  type InitializerName,
  type LayerConfig,
  NotSupportedError,
  optionKeys,
  resolveInitializer,
  type InitializerSpec,
} from '@backprop/core';
import type { InitializerOption } from './dense';
import { LAYER_OPTION_KEYS, Layer, type LayerOptions, type LayerWeightSpec, objectLayerArgs } from './layer';

/** Options of `BatchNormalization`, named as tfjs's `tf.layers.batchNormalization` names them (Keras's, in camelCase). */
export interface BatchNormalizationOptions extends LayerOptions {
  /** The channel axis: -1 (the last; channels-last) or, given as a positive index counting the batch axis, the last one. */
  axis?: number;
  /** Of the moving statistics' update; default 0.99. */
  momentum?: number;
  /** Added to the variance; default 0.001. */
  epsilon?: number;
  /** Learn an offset beta; default true. */
  center?: boolean;
  /** Learn a scale gamma; default true. */
  scale?: boolean;
  /** Default `'zeros'`. */
  betaInitializer?: InitializerOption;
  /** Default `'ones'`. */
  gammaInitializer?: InitializerOption;
  /** Default `'zeros'`. */
  movingMeanInitializer?: InitializerOption;
  /** Default `'ones'`. */
  movingVarianceInitializer?: InitializerOption;
}

const BN_KEYS = optionKeys<BatchNormalizationOptions>()([
  ...LAYER_OPTION_KEYS,
  'axis',
  'momentum',
  'epsilon',
  'center',
  'scale',
  'betaInitializer',
  'gammaInitializer',
  'movingMeanInitializer',
  'movingVarianceInitializer',
]);
/** Keras 3 / tfjs BatchNormalization arguments not implemented yet: refused, not ignored. */
const BN_UNSUPPORTED = ['betaRegularizer', 'gammaRegularizer', 'betaConstraint', 'gammaConstraint', 'synchronized', 'renorm', 'virtualBatchSize', 'adjustment'];

/**
 * Batch normalization (Ioffe & Szegedy, 2015; Keras's `BatchNormalization`, tfjs's
 * `tf.layers.batchNormalization`) over the last axis: batch statistics in training, the moving mean and
 * variance in inference; weights gamma, beta (trainable), moving_mean, moving_variance (non-trainable).
 * Porting note: only the last axis (channels-last) is normalised; other axes are a NotSupportedError.
 */
export class BatchNormalizationLayer extends Layer {
  readonly className = 'BatchNormalization';
  readonly axis: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly betaInitializer: InitializerName | InitializerSpec;
  readonly gammaInitializer: InitializerName | InitializerSpec;
  readonly movingMeanInitializer: InitializerName | InitializerSpec;
  readonly movingVarianceInitializer: InitializerName | InitializerSpec;

  constructor(options: BatchNormalizationOptions = {}) {
    const args = objectLayerArgs<BatchNormalizationOptions>('BatchNormalization', options, { args: BN_KEYS, unsupported: BN_UNSUPPORTED });
    super('batch_normalization', args);
    const where = `BatchNormalization "${this.name}" arguments`;
    this.axis = args.axis ?? -1;
    if (!Number.isInteger(this.axis) || this.axis === 0 || this.axis < -1) throw new NotSupportedError(`BatchNormalization "${this.name}"`, `axis ${describeValue(args.axis)} (only -1, the last axis)`);
    this.momentum = args.momentum ?? 0.99;
    if (typeof this.momentum !== 'number' || !(this.momentum >= 0 && this.momentum <= 1)) throw new ArgumentError(`${where}: momentum must be a number in [0, 1], got ${describeValue(args.momentum)}`);
    this.epsilon = args.epsilon ?? 0.001;
    if (typeof this.epsilon !== 'number' || !(this.epsilon > 0 && Number.isFinite(this.epsilon))) throw new ArgumentError(`${where}: epsilon must be a positive number, got ${describeValue(args.epsilon)}`);
    this.center = checkBooleanOption(args.center, 'center', where) ?? true;
    this.scale = checkBooleanOption(args.scale, 'scale', where) ?? true;
    this.betaInitializer = resolveInitializer(args.betaInitializer ?? 'zeros', `BatchNormalization "${this.name}" betaInitializer`);
    this.gammaInitializer = resolveInitializer(args.gammaInitializer ?? 'ones', `BatchNormalization "${this.name}" gammaInitializer`);
    this.movingMeanInitializer = resolveInitializer(args.movingMeanInitializer ?? 'zeros', `BatchNormalization "${this.name}" movingMeanInitializer`);
    this.movingVarianceInitializer = resolveInitializer(args.movingVarianceInitializer ?? 'ones', `BatchNormalization "${this.name}" movingVarianceInitializer`);
  }

  override toConfig(): LayerConfig {
    const { name, momentum, epsilon, center, scale, betaInitializer, gammaInitializer, movingMeanInitializer, movingVarianceInitializer } = this;
    return {
      className: 'BatchNormalization',
      config: { name, axis: -1, momentum, epsilon, center, scale, betaInitializer, gammaInitializer, movingMeanInitializer, movingVarianceInitializer, trainable: this.trainable },
    };
  }

  /** The same shape; a positive `axis` (counting the batch axis, as Keras's) must name the last one. */
  override outputShape(inputShape: readonly number[]): readonly number[] {
    if (this.axis !== -1 && this.axis !== inputShape.length) {
      throw new NotSupportedError(`BatchNormalization "${this.name}"`, `axis ${this.axis} for an input of shape [${inputShape.join(', ')}] (only the last axis, -1 or ${inputShape.length})`);
    }
    return inputShape;
  }

  /** Keras's order: gamma, beta (when `scale` / `center`), moving_mean, moving_variance — each [channels]. */
  override weightSpecs(inputShape: readonly number[]): LayerWeightSpec[] {
    const shape = [inputShape[inputShape.length - 1]];
    return [
      ...(this.scale ? [{ name: 'gamma', shape, trainable: true }] : []),
      ...(this.center ? [{ name: 'beta', shape, trainable: true }] : []),
      { name: 'moving_mean', shape, trainable: false },
      { name: 'moving_variance', shape, trainable: false },
    ];
  }
}

/** `BatchNormalization` works as a factory and with `new`. */
export interface BatchNormalizationConstructor {
  new (options?: BatchNormalizationOptions): BatchNormalizationLayer;
  (options?: BatchNormalizationOptions): BatchNormalizationLayer;
  readonly prototype: BatchNormalizationLayer;
}

function batchNormalizationFactory(options?: BatchNormalizationOptions): BatchNormalizationLayer {
  return new BatchNormalizationLayer(options);
}
batchNormalizationFactory.prototype = BatchNormalizationLayer.prototype;

/** `BatchNormalization()`, `BatchNormalization({ momentum: 0.9 })` or `new BatchNormalization()`: Keras's / tfjs's layer. */
export const BatchNormalization = batchNormalizationFactory as unknown as BatchNormalizationConstructor;

import type { InitializerIdentifier } from '../descriptors/initializer-descriptors';
import type { InitializerSpec } from '../initializers/initializer-spec';
import { ArgumentError, NotSupportedError, ShapeError } from '../errors';
import { getInitializer } from '../initializers/initializer-registry';
import type { FloatArray } from '../matrix';
import { BaseLayer, type LayerContext, type LayerWeight, shapeSize } from './layer';

/** Keras's BatchNormalization config, in camelCase (tfjs's `tf.layers.batchNormalization` arguments). */
export interface BatchNormalizationConfig {
  readonly name?: string;
  /** The channel axis: only -1 (the last, channels-last as in Keras and tfjs). */
  readonly axis?: number;
  /** Default 0.99. */
  readonly momentum?: number;
  /** Default 0.001. */
  readonly epsilon?: number;
  /** Learn an offset beta; default true. */
  readonly center?: boolean;
  /** Learn a scale gamma; default true. */
  readonly scale?: boolean;
  readonly betaInitializer?: InitializerIdentifier | InitializerSpec;
  readonly gammaInitializer?: InitializerIdentifier | InitializerSpec;
  readonly movingMeanInitializer?: InitializerIdentifier | InitializerSpec;
  readonly movingVarianceInitializer?: InitializerIdentifier | InitializerSpec;
  /** False freezes gamma and beta and normalises with the moving statistics, also in training (Keras 3). */
  readonly trainable?: boolean;
}

/**
 * Batch normalization (Ioffe & Szegedy, 2015; keras/src/layers/normalization/batch_normalization.py) over the
 * last axis: a sample of shape [.., C] is normalised per channel over the batch and every other position
 * (a [H, W, C] conv output: over N·H·W values per channel). Training uses the batch's mean and biased
 * variance and updates moving = moving · momentum + batch · (1 − momentum), as Keras 3 does (tfjs computes
 * moving − (moving − batch) · (1 − momentum): the same update, rounded differently); inference uses the moving
 * statistics. Weights in Keras's order: gamma, beta (trainable), moving_mean, moving_variance (not).
 */
export class BatchNormalization extends BaseLayer {
  readonly className = 'BatchNormalization';
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly trainable: boolean;
  private readonly initializers: readonly (InitializerIdentifier | InitializerSpec)[];
  private gamma: FloatArray | null = null;
  private beta: FloatArray | null = null;
  private movingMean!: FloatArray;
  private movingVariance!: FloatArray;
  private batchMean!: FloatArray;
  private batchVariance!: FloatArray;
  private channels = 0;
  /** The input of the last forward pass and whether it normalised with the batch statistics. */
  private lastInput: FloatArray | null = null;
  private usedBatchStatistics = false;

  constructor(config: BatchNormalizationConfig = {}) {
    super(config.name ?? 'batch_normalization');
    const label = `BatchNormalization "${this.name}"`;
    if (config.axis !== undefined && config.axis !== -1) throw new NotSupportedError(`${label}`, `axis ${JSON.stringify(config.axis)} (only -1, the last axis)`);
    this.momentum = config.momentum ?? 0.99;
    this.epsilon = config.epsilon ?? 0.001;
    if (!(this.momentum >= 0 && this.momentum <= 1)) throw new ArgumentError(`${label} momentum must be a number in [0, 1], got ${JSON.stringify(config.momentum)}`);
    if (!(this.epsilon > 0 && Number.isFinite(this.epsilon))) throw new ArgumentError(`${label} epsilon must be a positive number, got ${JSON.stringify(config.epsilon)}`);
    this.center = config.center ?? true;
    this.scale = config.scale ?? true;
    this.trainable = config.trainable ?? true;
    this.initializers = [config.gammaInitializer ?? 'ones', config.betaInitializer ?? 'zeros', config.movingMeanInitializer ?? 'zeros', config.movingVarianceInitializer ?? 'ones'];
  }

  protected setUp(inputShape: readonly number[], context: LayerContext): readonly number[] {
    const channels = inputShape[inputShape.length - 1];
    this.channels = channels;
    const make = (name: string, initializer: InitializerIdentifier | InitializerSpec, trainable: boolean): LayerWeight => {
      // Drawn in float32 (as Dense draws), so float32 and float64 networks start from the same numbers.
      const init = new Float32Array(channels);
      getInitializer(initializer)(init, channels, channels, context.rng);
      const value = context.allocate(channels);
      value.set(init);
      return { name, shape: [channels], value, grad: context.allocate(channels), trainable };
    };
    const [gammaInit, betaInit, meanInit, varianceInit] = this.initializers;
    const weights: LayerWeight[] = [];
    if (this.scale) weights.push(make('gamma', gammaInit, this.trainable));
    if (this.center) weights.push(make('beta', betaInit, this.trainable));
    const movingMean = make('moving_mean', meanInit, false);
    const movingVariance = make('moving_variance', varianceInit, false);
    weights.push(movingMean, movingVariance);
    this.weights = weights;
    this.gamma = this.scale ? weights[0].value : null;
    this.beta = this.center ? weights[this.scale ? 1 : 0].value : null;
    this.movingMean = movingMean.value;
    this.movingVariance = movingVariance.value;
    this.batchMean = context.allocate(channels);
    this.batchVariance = context.allocate(channels);
    return inputShape;
  }

  /** Buffers: output, ∂input. */
  protected override bufferWidths(): readonly number[] {
    return [this.inputWidth, this.inputWidth];
  }

  /** Rows of channels in a batch of `rows` samples: every position of every sample. */
  private positions(rows: number): number {
    return rows * (shapeSize(this.inputShape) / this.channels);
  }

  forward(x: FloatArray, rows: number, training: boolean): FloatArray {
    const k = this.built().kernels;
    const n = this.positions(rows);
    const out = this.buffers[0];
    this.lastInput = x;
    // Keras 3: `if training and self.trainable` — a frozen layer normalises with its moving statistics.
    this.usedBatchStatistics = training && this.trainable;
    if (this.usedBatchStatistics) {
      k.batchNormStatistics(x, this.batchMean, this.batchVariance, n, this.channels);
      k.movingAverageUpdate(this.movingMean, this.batchMean, this.channels, this.momentum);
      k.movingAverageUpdate(this.movingVariance, this.batchVariance, this.channels, this.momentum);
      k.batchNormApply(x, this.batchMean, this.batchVariance, this.gamma, this.beta, this.epsilon, out, n, this.channels);
    } else {
      k.batchNormApply(x, this.movingMean, this.movingVariance, this.gamma, this.beta, this.epsilon, out, n, this.channels);
    }
    return out;
  }

  backward(dy: FloatArray, rows: number, inputGradient: boolean): FloatArray | null {
    const k = this.built().kernels;
    if (!this.lastInput) throw new ShapeError(`BatchNormalization "${this.name}" backward needs a forward pass first`);
    const n = this.positions(rows);
    const dx = inputGradient ? this.buffers[1] : null;
    if (this.usedBatchStatistics) {
      const [dGamma, dBeta] = [this.scale ? this.weights[0].grad : null, this.center ? this.weights[this.scale ? 1 : 0].grad : null];
      k.batchNormBackward(this.lastInput, dy, this.batchMean, this.batchVariance, this.gamma, this.epsilon, dx, dGamma, dBeta, n, this.channels);
    } else if (dx) {
      // Fixed statistics make the layer affine: ∂x = ∂y · gamma / √(moving variance + ε).
      k.batchNormApply(dy, null, this.movingVariance, this.gamma, null, this.epsilon, dx, n, this.channels);
    }
    return dx;
  }

  override dispose(): void {
    this.context?.free(this.batchMean);
    this.context?.free(this.batchVariance);
    super.dispose();
  }
}

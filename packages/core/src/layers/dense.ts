import { type ActivationOption, activationSpec } from '../activations/activation-registry';
import type { InitializerIdentifier } from '../descriptors/initializer-descriptors';
import { ArgumentError, ShapeError } from '../errors';
import { checkBooleanOption } from '../options/check-option-keys';
import { getInitializer } from '../initializers/initializer-registry';
import type { InitializerSpec } from '../initializers/initializer-spec';
import type { ActivationSpec } from '../kernels/kernels';
import type { FloatArray } from '../matrix';
import { addPenaltyGradient, penaltyValue } from '../regularizers/weight-penalty';
import type { ConstraintConfig, RegularizerConfig } from '../regularizers/weight-regularizer';
import { BaseLayer, type LayerContext, type LayerWeight } from './layer';

/** Keras's Dense config, in camelCase (tfjs's `tf.layers.dense` arguments). */
export interface DenseConfig {
  readonly name?: string;
  readonly units: number;
  /** Default `linear`, as in Keras. */
  readonly activation?: ActivationOption;
  /** Default true. */
  readonly useBias?: boolean;
  /** Default `glorotUniform` (Keras's Dense default); a name or a configured `InitializerSpec`. */
  readonly kernelInitializer?: InitializerIdentifier | InitializerSpec;
  /** Default `zeros`. */
  readonly biasInitializer?: InitializerIdentifier | InitializerSpec;
  /** Penalties added to the loss (Keras's `kernel_regularizer`, …), resolved; default none. */
  readonly kernelRegularizer?: RegularizerConfig | null;
  readonly biasRegularizer?: RegularizerConfig | null;
  /** Penalty on the layer's output (after its activation), added to the loss. */
  readonly activityRegularizer?: RegularizerConfig | null;
  /** Projections applied after every optimizer update; default none. */
  readonly kernelConstraint?: ConstraintConfig | null;
  readonly biasConstraint?: ConstraintConfig | null;
  /** False freezes the kernel and bias (Keras's `trainable`): the optimizer skips them. Default true. */
  readonly trainable?: boolean;
}

const LINEAR: ActivationSpec = { name: 'linear', alpha: 0 };

function scaled(r: RegularizerConfig, factor: number): RegularizerConfig {
  return { className: 'L1L2', config: { l1: r.config.l1 * factor, l2: r.config.l2 * factor } };
}

/**
 * A fully connected layer (keras/src/layers/core/dense.py): output = f(input · kernel + bias), kernel of
 * shape [inputs, units], row-major (Keras's layout). The bias and the activation run in one kernel pass
 * (`biasActivation`), as XNNPACK fuses the epilogue.
 * Porting note: Keras's Dense also acts on the last axis of a higher-rank input; here the input must be
 * flat (put a Flatten first).
 */
export class Dense extends BaseLayer {
  readonly className = 'Dense';
  readonly units: number;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerIdentifier | InitializerSpec;
  readonly biasInitializer: InitializerIdentifier | InitializerSpec;
  readonly activityRegularizer: RegularizerConfig | null;
  /** The config, for the weights' regularizers and constraints (attached in setUp). */
  private readonly config: DenseConfig;
  readonly trainable: boolean;
  /** The configured activation. */
  readonly activation: ActivationSpec;
  /** The activation the forward pass applies: the configured one, or that of an Activation layer fused into this one. */
  private applied: ActivationSpec;
  kernel!: FloatArray;
  bias: FloatArray | null = null;
  kernelGrad!: FloatArray;
  biasGrad: FloatArray | null = null;
  /** The input of the last forward pass, read by the backward pass (∂kernel = xᵀ·∂z). */
  private lastInput: FloatArray | null = null;

  constructor(config: DenseConfig, defaultName = 'dense') {
    super(config.name ?? defaultName);
    if (!Number.isInteger(config.units) || config.units <= 0) {
      throw new ArgumentError(`Dense "${this.name}" units must be a positive integer, got ${JSON.stringify(config.units)}`);
    }
    this.units = config.units;
    this.activation = activationSpec(config.activation ?? 'linear');
    this.applied = this.activation;
    this.useBias = checkBooleanOption(config.useBias, 'useBias', `Dense "${this.name}" arguments`) ?? true;
    this.kernelInitializer = config.kernelInitializer ?? 'glorotUniform';
    this.biasInitializer = config.biasInitializer ?? 'zeros';
    this.activityRegularizer = config.activityRegularizer ?? null;
    this.config = config;
    this.trainable = config.trainable ?? true;
  }

  /** Width of the input, known once built. */
  get inputs(): number {
    return this.inputWidth;
  }

  /** The activation the forward pass applies (see `fuseActivation`). */
  get appliedActivation(): ActivationSpec {
    return this.applied;
  }

  /**
   * Take over the activation of an Activation layer right after this one (bias + activation in one pass
   * instead of two): an optimisation of neighbours, the same numbers either way. Only a linear Dense can.
   */
  fuseActivation(activation: ActivationSpec): void {
    if (this.applied.name !== 'linear') {
      throw new ArgumentError(`Dense "${this.name}" can only fuse an activation when its own is linear, got ${this.applied.name}`);
    }
    this.applied = activation;
  }

  protected setUp(inputShape: readonly number[], context: LayerContext): readonly number[] {
    if (inputShape.length !== 1) {
      throw new ShapeError(`Dense "${this.name}" expects a flat input (put a Flatten layer first), got shape [${inputShape.join(', ')}]`);
    }
    const inputs = inputShape[0];
    // Initializers draw float32 values, so float32 and float64 networks start from the same numbers.
    const init = new Float32Array(inputs * this.units);
    getInitializer(this.kernelInitializer)(init, inputs, this.units, context.rng);
    this.kernel = context.allocate(init.length);
    this.kernel.set(init);
    this.kernelGrad = context.allocate(init.length);
    const { kernelRegularizer = null, kernelConstraint = null, biasRegularizer = null, biasConstraint = null } = this.config;
    const weights: LayerWeight[] = [
      { name: 'kernel', shape: [inputs, this.units], value: this.kernel, grad: this.kernelGrad, trainable: this.trainable, regularizer: kernelRegularizer, constraint: kernelConstraint },
    ];
    if (this.useBias) {
      const b = new Float32Array(this.units);
      getInitializer(this.biasInitializer)(b, this.units, this.units, context.rng);
      this.bias = context.allocate(this.units);
      this.bias.set(b);
      this.biasGrad = context.allocate(this.units);
      weights.push({ name: 'bias', shape: [this.units], value: this.bias, grad: this.biasGrad, trainable: this.trainable, regularizer: biasRegularizer, constraint: biasConstraint });
    }
    this.weights = weights;
    return [this.units];
  }

  /** Buffers: pre-activation z, output y, ∂z, ∂input. */
  protected override bufferWidths(): readonly number[] {
    return [this.units, this.units, this.units, this.inputs];
  }

  /** z of the last forward pass (rows × units). */
  get preActivation(): FloatArray {
    return this.buffers[0];
  }

  /** The output of the last forward pass (rows × units); with the fused softmax + cross-entropy, the probabilities. */
  get output(): FloatArray {
    return this.buffers[1];
  }

  /** ∂loss/∂z, where the fused softmax + cross-entropy writes its gradient. */
  get preActivationGrad(): FloatArray {
    return this.buffers[2];
  }

  forward(x: FloatArray, rows: number): FloatArray {
    const k = this.built().kernels;
    this.lastInput = x;
    k.matmul(x, this.kernel, this.preActivation, rows, this.inputs, this.units);
    k.biasActivation(this.preActivation, this.bias, this.output, rows, this.units, this.applied);
    return this.output;
  }

  /** The forward pass up to z = x·kernel + bias, for a loss that applies the activation itself (softmax + cross-entropy). */
  forwardLogits(x: FloatArray, rows: number): FloatArray {
    const k = this.built().kernels;
    this.lastInput = x;
    k.matmul(x, this.kernel, this.preActivation, rows, this.inputs, this.units);
    // biasActivation adds the bias into z; the linear output lands in `output`, which the fused loss overwrites.
    if (this.bias) k.biasActivation(this.preActivation, this.bias, this.output, rows, this.units, LINEAR);
    return this.preActivation;
  }

  /**
   * The activity penalty of the last forward pass (0 without an activity regularizer), divided by the batch
   * size as Keras 3 does (keras/src/layers/layer.py, "Normalize by batch size").
   */
  activityPenalty(rows: number): number {
    return this.activityRegularizer ? penaltyValue(this.activityRegularizer, this.output, rows * this.units) / rows : 0;
  }

  backward(dy: FloatArray, rows: number, inputGradient: boolean): FloatArray | null {
    // The activity penalty's gradient joins the loss's at this layer's output (dy is ours to write).
    if (this.activityRegularizer) addPenaltyGradient(scaled(this.activityRegularizer, 1 / rows), this.output, dy, rows * this.units);
    let dz = dy;
    // f′ = 1 for linear: skipping the pass gives the same numbers.
    if (this.applied.name !== 'linear') {
      dz = this.preActivationGrad;
      this.built().kernels.activationBackward(this.preActivation, this.output, dy, dz, rows, this.units, this.applied);
    }
    return this.backwardFromPreActivation(dz, rows, inputGradient);
  }

  /** The backward pass from ∂loss/∂z: ∂kernel = xᵀ·∂z, ∂bias = Σ rows ∂z, ∂input = ∂z·kernelᵀ. */
  backwardFromPreActivation(dz: FloatArray, rows: number, inputGradient: boolean): FloatArray | null {
    const k = this.built().kernels;
    if (!this.lastInput) throw new ShapeError(`Dense "${this.name}" backward needs a forward pass first`);
    k.matmulTransA(this.lastInput, dz, this.kernelGrad, this.inputs, rows, this.units);
    if (this.biasGrad) k.columnSums(dz, this.biasGrad, rows, this.units);
    if (!inputGradient) return null;
    const dx = this.buffers[3];
    k.matmulTransB(dz, this.kernel, dx, rows, this.units, this.inputs);
    return dx;
  }
}

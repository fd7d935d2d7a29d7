import { type ActivationOption, activationSpec } from '../activations/activation-registry';
import type { InitializerIdentifier } from '../descriptors/initializer-descriptors';
import { ArgumentError, ShapeError } from '../errors';
import { getInitializer } from '../initializers/initializer-registry';
import type { ActivationSpec } from '../kernels/kernels';
import { checkBooleanOption } from '../options/check-option-keys';
import { integerPair, type PaddingMode, paddingMode, type WindowGeometry, windowGeometry } from '../kernels/window-geometry';
import type { FloatArray } from '../matrix';
import { checkChannelsLast, type DataFormat, MAX_SAMPLE_VALUES } from './channels-last';
import { BaseLayer, type LayerContext, type LayerWeight } from './layer';

/** Keras's Conv2D config in camelCase (tfjs's `tf.layers.conv2d` arguments). */
export interface Conv2DConfig {
  readonly name?: string;
  readonly filters: number;
  /** `3` or `[3, 3]`. */
  readonly kernelSize: number | readonly number[];
  /** Default 1. */
  readonly strides?: number | readonly number[];
  /** Default `valid`, as in Keras. */
  readonly padding?: PaddingMode;
  /** Only channels-last (the default) is supported. */
  readonly dataFormat?: DataFormat;
  /** Default 1; with a dilation above 1 the strides must be 1 (TensorFlow's rule). */
  readonly dilationRate?: number | readonly number[];
  /** Default `linear`. */
  readonly activation?: ActivationOption;
  /** Default true. */
  readonly useBias?: boolean;
  /** Default `glorotUniform` (Keras's default). */
  readonly kernelInitializer?: InitializerIdentifier;
  /** Default `zeros`. */
  readonly biasInitializer?: InitializerIdentifier;
}

/**
 * A 2-D convolution over channels-last samples (keras/src/layers/convolutional/conv2d.py): output =
 * f(conv(input, kernel) + bias), kernel of shape [kh, kw, cin, cout] as Keras and tfjs store it. Computed
 * as im2col + GEMM: the patches of the batch become a (batch·outH·outW) × (kh·kw·cin) matrix, whose
 * product with the kernel (read as (kh·kw·cin) × cout) is the output, already channels-last. Backward:
 * ∂kernel = patchesᵀ·∂z, ∂bias = Σ ∂z, ∂input = col2im(∂z·kernelᵀ). Like TensorFlow, this is
 * cross-correlation (the kernel is not flipped).
 */
export class Conv2D extends BaseLayer {
  readonly className = 'Conv2D';
  readonly filters: number;
  readonly kernelSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: PaddingMode;
  readonly dilationRate: readonly [number, number];
  readonly activation: ActivationSpec;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerIdentifier;
  readonly biasInitializer: InitializerIdentifier;
  kernel!: FloatArray;
  bias: FloatArray | null = null;
  private geometry!: WindowGeometry;
  private lastInput: FloatArray | null = null;

  constructor(config: Conv2DConfig, defaultName = 'conv2d') {
    super(config.name ?? defaultName);
    const label = `Conv2D "${this.name}"`;
    if (!Number.isInteger(config.filters) || config.filters <= 0) {
      throw new ArgumentError(`${label} filters must be a positive integer, got ${JSON.stringify(config.filters)}`);
    }
    this.filters = config.filters;
    this.kernelSize = integerPair(config.kernelSize, `${label} kernelSize`);
    this.strides = integerPair(config.strides ?? 1, `${label} strides`);
    this.dilationRate = integerPair(config.dilationRate ?? 1, `${label} dilationRate`);
    // tfjs-core's conv2d: "Either strides or dilations must be 1"; Keras (TensorFlow) refuses the pair too.
    if (Math.max(...this.strides) > 1 && Math.max(...this.dilationRate) > 1) {
      throw new ArgumentError(`${label} cannot combine strides [${this.strides.join(', ')}] with dilationRate [${this.dilationRate.join(', ')}]; one of them must be 1`);
    }
    this.padding = paddingMode(config.padding ?? 'valid', `${label} padding`);
    checkChannelsLast(config.dataFormat, label);
    this.activation = activationSpec(config.activation ?? 'linear');
    this.useBias = checkBooleanOption(config.useBias, 'useBias', `${label} arguments`) ?? true;
    this.kernelInitializer = config.kernelInitializer ?? 'glorotUniform';
    this.biasInitializer = config.biasInitializer ?? 'zeros';
  }

  /** Where the kernel goes over samples of `inputShape`; a ShapeError naming the layer when it does not fit. */
  private geometryOver(inputShape: readonly number[]): WindowGeometry {
    const { kernelSize: size, strides, dilationRate: dilation, padding } = this;
    return windowGeometry(inputShape, { label: `Conv2D "${this.name}"`, window: 'kernel', size, strides, dilation, padding });
  }

  /** Keras's `compute_output_shape`: [outH, outW, filters], before the layer is built (the facade's shapes). */
  computeOutputShape(inputShape: readonly number[]): readonly number[] {
    const g = this.geometryOver(inputShape);
    return [g.outH, g.outW, this.filters];
  }

  protected setUp(inputShape: readonly number[], context: LayerContext): readonly number[] {
    const g = this.geometryOver(inputShape);
    if (this.inputWidth > MAX_SAMPLE_VALUES) throw new ShapeError(`Conv2D "${this.name}" input samples of shape [${inputShape.join(', ')}] exceed ${MAX_SAMPLE_VALUES} values`);
    this.geometry = g;
    const [kh, kw] = this.kernelSize;
    const cin = g.channels;
    // Keras's fans of a conv kernel: receptive field × input channels, receptive field × filters.
    const receptive = kh * kw;
    const init = new Float32Array(receptive * cin * this.filters);
    getInitializer(this.kernelInitializer)(init, receptive * cin, receptive * this.filters, context.rng);
    this.kernel = context.allocate(init.length);
    this.kernel.set(init);
    const weights: LayerWeight[] = [{ name: 'kernel', shape: [kh, kw, cin, this.filters], value: this.kernel, grad: context.allocate(init.length), trainable: true }];
    if (this.useBias) {
      const b = new Float32Array(this.filters);
      getInitializer(this.biasInitializer)(b, this.filters, this.filters, context.rng);
      this.bias = context.allocate(this.filters);
      this.bias.set(b);
      weights.push({ name: 'bias', shape: [this.filters], value: this.bias, grad: context.allocate(this.filters), trainable: true });
    }
    this.weights = weights;
    return [g.outH, g.outW, this.filters];
  }

  /** Rows of the GEMMs per sample (output pixels) and their shared width (patch size). */
  private get pixels(): number {
    return this.geometry.outH * this.geometry.outW;
  }

  private get patch(): number {
    return this.kernelSize[0] * this.kernelSize[1] * this.geometry.channels;
  }

  /** Buffers: patches (reused for ∂patches in backward), pre-activation z, output y, ∂z, ∂input. */
  protected override bufferWidths(): readonly number[] {
    const out = this.pixels * this.filters;
    return [this.pixels * this.patch, out, out, out, this.inputWidth];
  }

  forward(x: FloatArray, rows: number): FloatArray {
    const k = this.built().kernels;
    const [cols, z, y] = this.buffers;
    this.lastInput = x;
    k.im2col(x, cols, rows, this.geometry);
    k.matmul(cols, this.kernel, z, rows * this.pixels, this.patch, this.filters);
    k.biasActivation(z, this.bias, y, rows * this.pixels, this.filters, this.activation);
    return y;
  }

  backward(dy: FloatArray, rows: number, inputGradient: boolean): FloatArray | null {
    const k = this.built().kernels;
    if (!this.lastInput) throw new ShapeError(`Conv2D "${this.name}" backward needs a forward pass first`);
    const [cols, z, y, dzBuffer, dx] = this.buffers;
    const m = rows * this.pixels;
    let dz = dy;
    if (this.activation.name !== 'linear') {
      dz = dzBuffer;
      k.activationBackward(z, y, dy, dz, m, this.filters, this.activation);
    }
    k.matmulTransA(cols, dz, this.weights[0].grad, this.patch, m, this.filters);
    if (this.useBias) k.columnSums(dz, this.weights[1].grad, m, this.filters);
    if (!inputGradient) return null;
    // The patches are no longer needed: ∂patches = ∂z · kernelᵀ goes into the same buffer.
    k.matmulTransB(dz, this.kernel, cols, m, this.filters, this.patch);
    k.col2im(cols, dx, rows, this.geometry);
    return dx;
  }
}

import { ArgumentError, ShapeError } from '../errors';
import type { Kernels } from '../kernels/kernels';
import type { FloatArray } from '../matrix';
import type { Rng } from '../random';
import type { ConstraintConfig, RegularizerConfig } from '../regularizers/weight-regularizer';
import type { MaskSource } from './dropout';

/** What a layer builds with: the kernel set it computes through, its memory, and the seeded generator. */
export interface LayerContext {
  readonly kernels: Kernels;
  /** A zero-filled buffer the kernels can compute on (float64 for gradient checks). */
  allocate(length: number): FloatArray;
  /** Give a buffer from `allocate` back. */
  free(buffer: FloatArray): void;
  /** Draws the initial weights, layer by layer in order (kernel first, as Keras builds them). */
  readonly rng: Rng;
  /** Where Dropout layers take their masks from. */
  readonly masks: MaskSource;
}

/** One trainable tensor of a layer and its gradient, both `value.length` floats. */
export interface LayerWeight {
  /** Keras's weight name: `kernel`, `bias`. */
  readonly name: string;
  /** Keras's shape, e.g. [inputs, units] for a Dense kernel. */
  readonly shape: readonly number[];
  readonly value: FloatArray;
  readonly grad: FloatArray;
  /** Penalty added to the loss (Keras's `kernel_regularizer` / `bias_regularizer`); none when absent. */
  readonly regularizer?: RegularizerConfig | null;
  /** Projection applied after each optimizer update (Keras's `kernel_constraint`); none when absent. */
  readonly constraint?: ConstraintConfig | null;
}

/**
 * A layer is one unit: its config, its parameters, and its forward and backward passes side by side
 * (micrograd's op with its backward; Keras's `build` / `call`). Every loop runs through the kernels.
 *
 * Conventions: batches are row-major, one sample per row of `width(inputShape)` values. Buffers are
 * allocated for the largest batch seen (`ensureCapacity`) and reused, so a step allocates nothing. The
 * buffer `forward` returns is valid until the next forward of this layer; `backward` may reuse `dy`.
 */
export interface Layer {
  /** Keras's class name (`Dense`, `Dropout`, …), also the `class_name` of the layer in model.json. */
  readonly className: string;
  readonly name: string;
  /** Shape of one input / output sample, without the batch dimension; set by `build`. */
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  /** Check the input shape, allocate and initialise the parameters; returns the output shape. */
  build(inputShape: readonly number[], context: LayerContext): readonly number[];
  /** Trainable tensors in Keras's order (kernel, then bias); empty for layers without parameters. */
  readonly weights: readonly LayerWeight[];
  /** Make room for `rows` samples in the batch buffers (a no-op when there already is). */
  ensureCapacity(rows: number): void;
  /** Output of `rows` samples; `training` turns on training-only behaviour (dropout). */
  forward(x: FloatArray, rows: number, training: boolean): FloatArray;
  /**
   * Given ∂loss/∂output of the last training forward pass, write the gradients of the weights and
   * return ∂loss/∂input — or null when `inputGradient` is false (the first layer needs none).
   */
  backward(dy: FloatArray, rows: number, inputGradient: boolean): FloatArray | null;
  /** Give every buffer back. */
  dispose(): void;
}

/** Number of values of one sample of this shape. */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** Checks a per-sample shape given as an argument: a non-empty list of positive integers. */
export function checkShape(shape: readonly number[], what: string): readonly number[] {
  if (!Array.isArray(shape) || shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    throw new ArgumentError(`${what} must be a list of positive integers, e.g. [784], got ${JSON.stringify(shape)}`);
  }
  return [...shape];
}

/**
 * What every layer shares: name, shapes, and the batch buffers it owns, (re)allocated together when a
 * larger batch arrives. Subclasses list their buffers' per-sample widths in `bufferWidths`.
 */
export abstract class BaseLayer implements Layer {
  abstract readonly className: string;
  readonly name: string;
  inputShape: readonly number[] = [];
  outputShape: readonly number[] = [];
  weights: readonly LayerWeight[] = [];
  protected context: LayerContext | null = null;
  protected capacity = 0;
  /** The batch buffers, in `bufferWidths` order. */
  protected buffers: FloatArray[] = [];

  protected constructor(name: string) {
    if (typeof name !== 'string' || name === '') throw new ArgumentError(`layer name must be a non-empty string, got ${JSON.stringify(name)}`);
    this.name = name;
  }

  build(inputShape: readonly number[], context: LayerContext): readonly number[] {
    this.inputShape = checkShape(inputShape, `${this.className} "${this.name}" input shape`);
    this.context = context;
    this.outputShape = this.setUp(this.inputShape, context);
    return this.outputShape;
  }

  /** Per-sample width of the input / output. */
  get inputWidth(): number {
    return shapeSize(this.inputShape);
  }

  get outputWidth(): number {
    return shapeSize(this.outputShape);
  }

  /** Allocate parameters; return the output shape. */
  protected abstract setUp(inputShape: readonly number[], context: LayerContext): readonly number[];

  /** Per-sample widths of the batch buffers this layer needs. */
  protected bufferWidths(): readonly number[] {
    return [];
  }

  ensureCapacity(rows: number): void {
    if (rows <= this.capacity) return;
    const context = this.built();
    this.releaseBuffers();
    this.buffers = this.bufferWidths().map((w) => context.allocate(rows * w));
    this.capacity = rows;
  }

  abstract forward(x: FloatArray, rows: number, training: boolean): FloatArray;
  abstract backward(dy: FloatArray, rows: number, inputGradient: boolean): FloatArray | null;

  dispose(): void {
    this.releaseBuffers();
    for (const w of this.weights) {
      this.context?.free(w.value);
      this.context?.free(w.grad);
    }
    this.weights = [];
  }

  /** The context, or a typed error when the layer is used before `build`. */
  protected built(): LayerContext {
    if (!this.context) throw new ShapeError(`${this.className} "${this.name}" is used before it was built; build it with its input shape first`);
    return this.context;
  }

  private releaseBuffers(): void {
    for (const b of this.buffers) this.context?.free(b);
    this.buffers = [];
    this.capacity = 0;
  }
}

import { ArgumentError, ShapeError } from '../errors';
import { getKernels } from '../kernels/kernel-registry';
import type { Kernels } from '../kernels/kernels';
import { Dense } from '../layers/dense';
import { type MaskSource, rngMaskSource } from '../layers/dropout';
import { checkShape, type Layer, type LayerContext, type LayerWeight, shapeSize } from '../layers/layer';
import { getLoss, type Loss } from '../losses/loss-registry';
import type { FloatArray } from '../matrix';
import type { Optimizer, ParameterSlot } from '../optimizers/optimizer-registry';
import { Rng } from '../random';
import { checkBatch } from './check-batch';
import { checkWeightValues } from './check-weight-values';
import { type FusedPlan, fuseNeighbours } from './layer-fusion';
import { addRegularizationGradients, applyConstraints, checkSampleWeights, regularizationLoss, scaleRows, weightedCrossEntropy, weightedLoss } from './loss-terms';
import { allocatingFor } from './model-memory';

export interface SequentialNetworkOptions {
  /** Shape of one input sample, without the batch dimension: [784], or [28, 28] before a Flatten. */
  readonly inputShape: readonly number[];
  /** Unbuilt layers, in order; the network builds them (and owns them from then on). */
  readonly layers: readonly Layer[];
  /** Name or `{ name, delta }`; default `mse`. */
  readonly loss?: string | { name: string; delta?: number };
  /** Default: the process-wide kernel set (`getKernels()`). */
  readonly kernels?: Kernels;
  /** `float64` (js kernels only) exists for gradient checking. */
  readonly dtype?: 'float32' | 'float64';
  /** Seed of the initializers, then (unless `masks` is given) of the dropout masks; default 0. */
  readonly seed?: number;
  /** Where Dropout layers take their masks from; default drawn from the seeded generator after the weights. */
  readonly masks?: MaskSource;
  /** Called before buffers for a larger batch are allocated; throws when they would not fit (sizes before memory). */
  readonly checkMemory?: (rows: number) => void;
}

/**
 * A sequential network is a list of layers (Keras's `Sequential`, in core): forward runs them in order,
 * backward in reverse, each layer computing its own gradients through the kernels. Neighbours are fused
 * where that is faster (see `fuseNeighbours`). Buffers are sized for the largest batch and reused, so a
 * training step allocates nothing.
 */
export class SequentialNetwork {
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  readonly layers: readonly Layer[];
  readonly loss: Loss;
  readonly kernels: Kernels;
  readonly dtype: 'float32' | 'float64';
  private readonly plan: FusedPlan;
  /** Per step: whether it must send a gradient to its input (some layer before it has weights). */
  private readonly inputGradient: readonly boolean[];
  private capacity = 0;
  private input: FloatArray | null = null;
  private target: FloatArray | null = null;
  private lossGrad: FloatArray | null = null;
  private slots: readonly ParameterSlot[] | null = null;
  private lastOutput: FloatArray | null = null;
  private evaluationOutput: FloatArray | null = null;
  /** Where `forwardLoss` left the outputs. */
  private lossOutput: FloatArray | null = null;
  private readonly checkMemory: (rows: number) => void;

  constructor(options: SequentialNetworkOptions) {
    this.inputShape = checkShape(options.inputShape, 'inputShape');
    if (!Array.isArray(options.layers) || options.layers.length === 0) {
      throw new ArgumentError(`layers must be a non-empty list of layers, got ${options.layers?.length ?? typeof options.layers} layers`);
    }
    this.dtype = options.dtype ?? 'float32';
    this.kernels = options.kernels ?? getKernels();
    if (this.dtype === 'float64' && this.kernels.name !== 'js') {
      throw new ArgumentError(`dtype "float64" needs the js kernels, got kernel set "${this.kernels.name}"`);
    }
    this.loss = getLoss(options.loss ?? 'mse');
    this.checkMemory = options.checkMemory ?? (() => {});
    const rng = new Rng(options.seed ?? 0);
    const context: LayerContext = {
      kernels: this.kernels,
      allocate: (length) => this.allocate(length),
      free: (buffer) => this.free(buffer),
      rng,
      masks: options.masks ?? rngMaskSource(rng),
    };
    let shape = this.inputShape;
    for (const layer of options.layers) {
      const label = `${layer.className} "${layer.name}"`;
      // An out-of-memory error names the layer (and its kernel) that did not fit.
      const what = layer instanceof Dense ? `${label} (${shapeSize(shape)}x${layer.units} kernel)` : label;
      const input = shape;
      shape = allocatingFor(what, () => layer.build(input, context));
    }
    this.outputShape = shape;
    this.layers = [...options.layers];
    this.plan = fuseNeighbours(this.layers, this.loss);
    let weightsBelow = false;
    this.inputGradient = this.plan.steps.map((step) => {
      const needed = weightsBelow;
      weightsBelow ||= step.weights.length > 0;
      return needed;
    });
  }

  get inputSize(): number {
    return shapeSize(this.inputShape);
  }

  get outputSize(): number {
    return shapeSize(this.outputShape);
  }

  /** Every trainable tensor, layer by layer in Keras's order (kernel, then bias). */
  get weights(): readonly LayerWeight[] {
    return this.layers.flatMap((l) => l.weights);
  }

  countParams(): number {
    return this.weights.reduce((n, w) => n + w.value.length, 0);
  }

  /** The input buffer (rows × inputSize); writing a batch here saves a copy with kernels that keep their own memory. */
  inputBuffer(rows: number): FloatArray {
    this.ensureCapacity(rows);
    return this.input!;
  }

  /** The target buffer (rows × outputSize), the counterpart of `inputBuffer`. */
  targetBuffer(rows: number): FloatArray {
    this.ensureCapacity(rows);
    return this.target!;
  }

  /** Outputs of `rows` samples (inference mode unless `training`); valid for rows × outputSize values. */
  forward(x: FloatArray, rows: number, training = false): FloatArray {
    return this.forwardSteps(x, rows, training, this.plan.steps.length);
  }

  /**
   * Mean loss over the batch in inference mode (no dropout), by the same code as training's loss (the fused
   * softmax + cross-entropy kernel where the plan fuses it), so validation and training losses are one
   * definition (Keras's `test_step` and `train_step` share `compute_loss`). Weight gradients are untouched;
   * the outputs are then in `lastEvaluationOutput()`.
   */
  evaluateLoss(x: FloatArray, y: FloatArray, rows: number, sampleWeights?: FloatArray): number {
    const loss = this.forwardLoss(x, y, rows, false, sampleWeights);
    this.evaluationOutput = this.lossOutput;
    return loss;
  }

  /** Training forward and backward pass: fills every weight's gradient with that of the batch loss (see forwardLoss), which it returns. */
  computeGradients(x: FloatArray, y: FloatArray, rows: number, sampleWeights?: FloatArray): number {
    const { steps, softmaxCrossEntropy: fused } = this.plan;
    const last = steps.length - 1;
    const loss = this.forwardLoss(x, y, rows, true, sampleWeights);
    const out = this.lossOutput!;
    this.lastOutput = out;
    let dy: FloatArray | null;
    if (fused) {
      // The fused kernel wrote ∂loss/∂z along with the loss.
      dy = fused.backwardFromPreActivation(fused.preActivationGrad, rows, this.inputGradient[last]);
    } else {
      this.loss.gradient(out, y, this.lossGrad!, rows, this.outputSize);
      if (sampleWeights) scaleRows(this.lossGrad!, sampleWeights, rows, this.outputSize);
      dy = steps[last].backward(this.lossGrad!, rows, this.inputGradient[last]);
    }
    for (let l = last - 1; l >= 0 && dy; l--) dy = steps[l].backward(dy, rows, this.inputGradient[l]);
    addRegularizationGradients(this.weights);
    return loss;
  }

  /** One optimisation step on a batch; returns the batch loss before the update. A non-finite loss skips the update. */
  trainStep(x: FloatArray, y: FloatArray, rows: number, optimizer: Optimizer, sampleWeights?: FloatArray): number {
    const loss = this.computeGradients(x, y, rows, sampleWeights);
    if (!Number.isFinite(loss)) return loss;
    optimizer.step(this.parameterSlots());
    applyConstraints(this.weights);
    return loss;
  }

  /** Parameters with their gradients, in layer order; the same list every call, so a step allocates nothing. */
  parameterSlots(): readonly ParameterSlot[] {
    this.slots ??= this.layers.flatMap((l) => l.weights.map((w) => ({ param: w.value, grad: w.grad, size: w.value.length, name: `${l.className} "${l.name}" ${w.name}` })));
    return this.slots;
  }

  /** Copies of every weight, in `weights` order. */
  getWeights(): FloatArray[] {
    return this.weights.map((w) => w.value.slice());
  }

  /** Replace every weight, in `weights` order; shapes and finiteness are checked before anything is written. */
  setWeights(values: readonly ArrayLike<number>[]): void {
    const weights = this.weights;
    if (values.length !== weights.length) throw new ShapeError(`setWeights expects ${weights.length} weight tensors, got ${values.length}`);
    weights.forEach((w, i) => checkWeightValues(values[i], w.value.length, `weight ${i} (${w.name} [${w.shape.join('x')}])`));
    weights.forEach((w, i) => w.value.set(values[i]));
  }

  /**
   * Weights grouped by layer, for the layers that have any: `{ kernel, bias }` (bias null without one) —
   * the backends' exchange format. Copies.
   */
  getLayerWeights(): { kernel: FloatArray; bias: FloatArray | null }[] {
    return this.layers
      .filter((l) => l.weights.length > 0)
      .map((l) => ({ kernel: l.weights[0].value.slice(), bias: l.weights[1] ? l.weights[1].value.slice() : null }));
  }

  /** Replace the weights from `getLayerWeights`'s format; everything is checked before anything is written. */
  setLayerWeights(weights: readonly { kernel: ArrayLike<number>; bias?: ArrayLike<number> | null }[]): void {
    const layers = this.layers.filter((l) => l.weights.length > 0);
    if (weights.length !== layers.length) throw new ShapeError(`setWeights expects weights for ${layers.length} layers, got ${weights.length}`);
    const flat: ArrayLike<number>[] = [];
    layers.forEach((layer, i) => {
      const w = weights[i];
      flat.push(w.kernel);
      if (layer.weights.length > 1) flat.push(w.bias ?? []);
      else if (w.bias && w.bias.length > 0) throw new ShapeError(`layer ${i} ("${layer.name}") has no bias, got ${w.bias.length} bias values`);
    });
    this.setWeights(flat);
  }

  /** The output of the last training forward pass (rows × outputSize): with the fused softmax + cross-entropy, the probabilities. */
  lastTrainingOutput(): FloatArray {
    if (!this.lastOutput) throw new ShapeError('lastTrainingOutput needs a training pass first');
    return this.lastOutput;
  }

  /** The outputs of the last `evaluateLoss` (rows × outputSize, inference mode): with the fused softmax + cross-entropy, the probabilities. */
  lastEvaluationOutput(): FloatArray {
    if (!this.evaluationOutput) throw new ShapeError('lastEvaluationOutput needs an evaluateLoss first');
    return this.evaluationOutput;
  }

  /** Free every buffer (matters for kernel sets with their own memory). */
  dispose(): void {
    for (const layer of this.layers) layer.dispose();
    this.releaseBuffers();
  }

  /**
   * The forward pass and the mean batch loss — the one loss computation training and evaluation share. With
   * the fused plan the last Dense stops at its logits and `softmaxCrossEntropy` writes the probabilities and
   * ∂loss/∂z (used by training only); otherwise the loss's own `value`. With sample weights `w`, Σ wᵣ·lᵣ / rows
   * (Keras 3); plus the regularization penalties. Leaves the outputs in `lossOutput`.
   */
  private forwardLoss(x: FloatArray, y: FloatArray, rows: number, training: boolean, w?: FloatArray): number {
    checkBatch(y, rows, this.outputSize, 'y');
    if (w) checkSampleWeights(w, rows);
    const { steps, softmaxCrossEntropy: fused } = this.plan;
    const cols = this.outputSize;
    let loss: number;
    if (fused) {
      const z = fused.forwardLogits(this.forwardSteps(x, rows, training, steps.length - 1), rows);
      this.lossOutput = fused.output;
      loss = this.kernels.softmaxCrossEntropy(z, y, fused.output, fused.preActivationGrad, rows, cols, 1 / rows) / rows;
      if (w) loss = weightedCrossEntropy(fused, y, w, rows, cols);
    } else {
      const out = this.forwardSteps(x, rows, training, steps.length);
      this.lossOutput = out;
      loss = w ? weightedLoss(this.loss, out, y, w, rows, cols) : this.loss.value(out, y, rows, cols);
    }
    return loss + regularizationLoss(this.layers, rows);
  }

  private forwardSteps(x: FloatArray, rows: number, training: boolean, upTo: number): FloatArray {
    checkBatch(x, rows, this.inputSize, 'x');
    this.ensureCapacity(rows);
    let h = x;
    for (let l = 0; l < upTo; l++) h = this.plan.steps[l].forward(h, rows, training);
    return h;
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.capacity) return;
    this.checkMemory(rows);
    this.releaseBuffers();
    allocatingFor(`activations of a batch of ${rows} rows`, () => {
      for (const step of this.plan.steps) step.ensureCapacity(rows);
    });
    this.input = this.allocate(rows * this.inputSize);
    this.target = this.allocate(rows * this.outputSize);
    this.lossGrad = this.allocate(rows * this.outputSize);
    this.capacity = rows;
  }

  private releaseBuffers(): void {
    for (const b of [this.input, this.target, this.lossGrad]) if (b) this.free(b);
    this.input = this.target = this.lossGrad = null;
    this.capacity = 0;
  }

  private allocate(length: number): FloatArray {
    return this.dtype === 'float64' ? new Float64Array(length) : this.kernels.alloc(length);
  }

  private free(buffer: FloatArray): void {
    if (buffer instanceof Float32Array) this.kernels.free(buffer);
  }
}

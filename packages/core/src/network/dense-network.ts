import type { ActivationOption } from '../activations/activation-registry';
import type { CoreLossIdentifier } from '../descriptors/loss-descriptors';
import type { InitializerIdentifier } from '../descriptors/initializer-descriptors';
import { ArgumentError, ShapeError } from '../errors';
import { getKernels } from '../kernels/kernel-registry';
import type { ActivationSpec, Kernels } from '../kernels/kernels';
import { getLoss, type Loss } from '../losses/loss-registry';
import type { FloatArray } from '../matrix';
import type { Optimizer, ParameterSlot } from '../optimizers/optimizer-registry';
import { Rng } from '../random';
import { BatchBuffers } from './batch-buffers';
import { buildDenseLayers } from './build-dense-layers';
import { checkWeightValues } from './check-weight-values';
import { drawDropout, maskGradient } from './dropout';

export interface DenseLayerConfig {
  readonly units: number;
  /** Name or `{ name, alpha }`; default `linear`, as in Keras. */
  readonly activation?: ActivationOption;
  /** Default true. */
  readonly useBias?: boolean;
  /** Default `glorotUniform` (Keras's Dense default). */
  readonly kernelInitializer?: InitializerIdentifier;
  /** Default `zeros`. */
  readonly biasInitializer?: InitializerIdentifier;
  /**
   * Inverted dropout on this layer's output during training only (Srivastava et al., 2014; Keras's
   * `Dropout`): each output is zeroed with this probability and the rest scaled by 1 / (1 − rate).
   * `forward` (inference) never drops. Default 0.
   */
  readonly dropoutRate?: number;
}

export interface DenseNetworkOptions {
  readonly inputSize: number;
  readonly layers: readonly DenseLayerConfig[];
  /** Name or `{ name, delta }`; default `mse`. */
  readonly loss?: CoreLossIdentifier | { name: CoreLossIdentifier; delta?: number };
  /** Default: the process-wide kernel set (`getKernels()`). */
  readonly kernels?: Kernels;
  /** `float64` (js kernels only) exists for gradient checking. */
  readonly dtype?: 'float32' | 'float64';
  /**
   * Seed for the initializers, then for the dropout masks; default a fixed 0 so networks are
   * reproducible unless asked otherwise.
   */
  readonly seed?: number;
}

/** Weights of one layer: kernel is inputs×units, row-major (Keras's layout); bias has `units` values or is null. */
export interface LayerWeights {
  kernel: FloatArray;
  bias: FloatArray | null;
}

/** One dense layer's parameters, gradients and shape. */
export interface DenseLayerState {
  readonly inputs: number;
  readonly units: number;
  readonly activation: ActivationSpec;
  readonly kernel: FloatArray;
  readonly bias: FloatArray | null;
  readonly kernelGrad: FloatArray;
  readonly biasGrad: FloatArray | null;
  /** Training-only inverted dropout on this layer's output; 0 for none. */
  readonly dropoutRate: number;
}

/**
 * A stack of dense layers with minibatch forward and backward passes — the engine under both the
 * tutorial `NeuralNetwork` and the Keras-like facade. Every loop runs in the kernels; buffers are
 * allocated for the largest batch seen and reused, so a training step allocates nothing.
 */
export class DenseNetwork {
  readonly inputSize: number;
  readonly layers: readonly DenseLayerState[];
  readonly loss: Loss;
  readonly kernels: Kernels;
  readonly dtype: 'float32' | 'float64';
  /** Softmax output with categorical cross-entropy: use the fused, numerically stable kernel. */
  private readonly fusedSoftmaxCrossEntropy: boolean;
  private readonly buffers: BatchBuffers;
  private slots: readonly ParameterSlot[] | null = null;
  /** Draws the initial weights, then the dropout masks. */
  private readonly rng: Rng;

  constructor(options: DenseNetworkOptions) {
    const { inputSize, layers } = options;
    if (!Number.isInteger(inputSize) || inputSize <= 0) {
      throw new ArgumentError(`inputSize must be a positive integer, got ${inputSize}`);
    }
    if (!Array.isArray(layers) || layers.length === 0) {
      throw new ArgumentError(`layers must be a non-empty list of { units, activation }, got ${layers?.length ?? typeof layers} layers`);
    }
    this.dtype = options.dtype ?? 'float32';
    this.kernels = options.kernels ?? getKernels();
    if (this.dtype === 'float64' && this.kernels.name !== 'js') {
      throw new ArgumentError(`dtype "float64" needs the js kernels, got kernel set "${this.kernels.name}"`);
    }
    this.inputSize = inputSize;
    this.loss = getLoss(options.loss ?? 'mse');
    const rng = new Rng(options.seed ?? 0);
    this.rng = rng;
    this.layers = buildDenseLayers(inputSize, layers, (length) => this.allocate(length), rng);
    const last = this.layers[this.layers.length - 1];
    this.fusedSoftmaxCrossEntropy =
      last.activation.name === 'softmax' && this.loss.name === 'categoricalCrossentropy' && last.dropoutRate === 0;
    this.buffers = new BatchBuffers(
      (length) => this.allocate(length),
      (buffer) => {
        if (buffer instanceof Float32Array) this.kernels.free(buffer);
      },
      inputSize,
      this.layers,
    );
  }

  get outputSize(): number {
    return this.layers[this.layers.length - 1].units;
  }

  /** Total number of weights and biases. */
  countParams(): number {
    return this.layers.reduce((n, l) => n + l.kernel.length + (l.bias?.length ?? 0), 0);
  }

  /**
   * The input buffer of this network (rows × inputSize). Writing a batch here before `forward(this.inputBuffer(rows), rows)`
   * saves a copy with kernel sets that keep their own memory.
   */
  inputBuffer(rows: number): FloatArray {
    this.ensureCapacity(rows);
    return this.buffers.input;
  }

  /** The target buffer (rows × outputSize), the counterpart of `inputBuffer`. */
  targetBuffer(rows: number): FloatArray {
    this.ensureCapacity(rows);
    return this.buffers.target;
  }

  /** Forward pass over `rows` samples; returns the output buffer, valid for its first rows × outputSize values. */
  forward(x: FloatArray, rows: number): FloatArray {
    this.checkBatch(x, rows, this.inputSize, 'x');
    this.ensureCapacity(rows);
    const k = this.kernels;
    let input = x;
    for (let l = 0; l < this.layers.length; l++) {
      const layer = this.layers[l];
      k.matmul(input, layer.kernel, this.buffers.preActivations[l], rows, layer.inputs, layer.units);
      k.biasActivation(this.buffers.preActivations[l], layer.bias, this.buffers.activations[l], rows, layer.units, layer.activation);
      input = this.buffers.activations[l];
    }
    return input;
  }

  /** The activations of layer `l` after the last forward pass (first rows × units values are valid). */
  layerOutput(l: number): FloatArray {
    if (!this.buffers.activations[l]) throw new ArgumentError(`layerOutput(${l}): no forward pass has run yet or no such layer (0..${this.layers.length - 1})`);
    return this.buffers.activations[l];
  }

  /** Mean loss over the batch, without touching gradients. */
  evaluateLoss(x: FloatArray, y: FloatArray, rows: number): number {
    this.checkBatch(y, rows, this.outputSize, 'y');
    const out = this.forward(x, rows);
    return this.loss.value(out, y, rows, this.outputSize);
  }

  /**
   * Forward and backward pass: fills every layer's `kernelGrad` / `biasGrad` with the gradient of the
   * mean batch loss and returns that loss.
   */
  computeGradients(x: FloatArray, y: FloatArray, rows: number): number {
    this.checkBatch(y, rows, this.outputSize, 'y');
    const k = this.kernels;
    const b = this.buffers;
    const L = this.layers.length;
    const last = this.layers[L - 1];
    let loss: number;
    if (this.fusedSoftmaxCrossEntropy) {
      // Forward through all but the softmax, then softmax + cross-entropy + its gradient in one kernel.
      const input = this.trainingForward(x, rows, L - 1);
      k.matmul(input, last.kernel, b.preActivations[L - 1], rows, last.inputs, last.units);
      if (last.bias) k.biasActivation(b.preActivations[L - 1], last.bias, b.deltaA, rows, last.units, LINEAR);
      const z = b.preActivations[L - 1];
      loss = k.softmaxCrossEntropy(z, y, b.activations[L - 1], b.deltaZ, rows, last.units, 1 / rows) / rows;
    } else {
      const out = this.trainingForward(x, rows, L);
      loss = this.loss.value(out, y, rows, last.units);
      this.loss.gradient(out, y, b.deltaA, rows, last.units);
      this.maskGradient(L - 1, rows);
      k.activationBackward(b.preActivations[L - 1], b.activations[L - 1], b.deltaA, b.deltaZ, rows, last.units, last.activation);
    }
    for (let l = L - 1; l >= 0; l--) {
      const layer = this.layers[l];
      const below = l > 0 ? this.trainingOutput(l - 1) : x;
      k.matmulTransA(below, b.deltaZ, layer.kernelGrad, layer.inputs, rows, layer.units);
      if (layer.biasGrad) k.columnSums(b.deltaZ, layer.biasGrad, rows, layer.units);
      if (l > 0) {
        const prev = this.layers[l - 1];
        k.matmulTransB(b.deltaZ, layer.kernel, b.deltaA, rows, layer.units, layer.inputs);
        this.maskGradient(l - 1, rows);
        k.activationBackward(b.preActivations[l - 1], b.activations[l - 1], b.deltaA, b.deltaZ, rows, prev.units, prev.activation);
      }
    }
    return loss;
  }

  /**
   * Training-mode forward pass through layers [0, upTo): as `forward`, except that a layer with a
   * dropout rate feeds the next one its masked output. Returns what layer `upTo` receives.
   */
  private trainingForward(x: FloatArray, rows: number, upTo: number): FloatArray {
    this.checkBatch(x, rows, this.inputSize, 'x');
    this.ensureCapacity(rows);
    const k = this.kernels;
    let input = x;
    for (let l = 0; l < upTo; l++) {
      const layer = this.layers[l];
      k.matmul(input, layer.kernel, this.buffers.preActivations[l], rows, layer.inputs, layer.units);
      k.biasActivation(this.buffers.preActivations[l], layer.bias, this.buffers.activations[l], rows, layer.units, layer.activation);
      if (layer.dropoutRate > 0) this.drawDropout(l, rows);
      input = this.trainingOutput(l);
    }
    return input;
  }

  /** Layer l's output as the next layer saw it in the last training pass. */
  private trainingOutput(l: number): FloatArray {
    return this.layers[l].dropoutRate > 0 ? this.buffers.dropped[l]! : this.buffers.activations[l];
  }

  private drawDropout(l: number, rows: number): void {
    const b = this.buffers;
    drawDropout(this.rng, this.layers[l].dropoutRate, b.activations[l], b.masks[l]!, b.dropped[l]!, rows * this.layers[l].units);
  }

  private maskGradient(l: number, rows: number): void {
    const mask = this.buffers.masks[l];
    if (mask) maskGradient(this.buffers.deltaA, mask, rows * this.layers[l].units);
  }

  /** One optimisation step on a batch; returns the batch loss before the update. */
  trainStep(x: FloatArray, y: FloatArray, rows: number, optimizer: Optimizer): number {
    const loss = this.computeGradients(x, y, rows);
    optimizer.step(this.parameterSlots());
    return loss;
  }

  /** Parameters with their gradients, in layer order (kernel, then bias); the same list every call. */
  parameterSlots(): readonly ParameterSlot[] {
    // The parameter buffers never change after construction, so the list is built once: a training
    // step then allocates nothing.
    if (!this.slots) {
      const slots: ParameterSlot[] = [];
      for (const l of this.layers) {
        slots.push({ param: l.kernel, grad: l.kernelGrad, size: l.kernel.length });
        if (l.bias && l.biasGrad) slots.push({ param: l.bias, grad: l.biasGrad, size: l.bias.length });
      }
      this.slots = slots;
    }
    return this.slots;
  }

  /** Copies of every layer's weights. */
  getWeights(): LayerWeights[] {
    return this.layers.map((l) => ({ kernel: l.kernel.slice(), bias: l.bias ? l.bias.slice() : null }));
  }

  /** Replace every layer's weights; shapes and finiteness are checked before anything is written. */
  setWeights(weights: readonly { kernel: ArrayLike<number>; bias?: ArrayLike<number> | null }[]): void {
    if (weights.length !== this.layers.length) {
      throw new ShapeError(`setWeights expects weights for ${this.layers.length} layers, got ${weights.length}`);
    }
    weights.forEach((w, i) => {
      const layer = this.layers[i];
      checkWeightValues(w.kernel, layer.kernel.length, `layer ${i} kernel (${layer.inputs}x${layer.units})`);
      if (layer.bias) checkWeightValues(w.bias ?? [], layer.bias.length, `layer ${i} bias (${layer.units})`);
      else if (w.bias && w.bias.length > 0) throw new ShapeError(`layer ${i} has no bias, got ${w.bias.length} bias values`);
    });
    weights.forEach((w, i) => {
      const layer = this.layers[i];
      layer.kernel.set(w.kernel);
      if (layer.bias && w.bias) layer.bias.set(w.bias);
    });
  }

  /** Free every buffer (matters for kernel sets with their own memory). */
  dispose(): void {
    for (const l of this.layers) {
      for (const b of [l.kernel, l.bias, l.kernelGrad, l.biasGrad]) if (b instanceof Float32Array) this.kernels.free(b);
    }
    this.buffers.release();
  }

  private allocate(length: number): FloatArray {
    return this.dtype === 'float64' ? new Float64Array(length) : this.kernels.alloc(length);
  }

  private ensureCapacity(rows: number): void {
    this.buffers.ensure(rows);
  }

  private checkBatch(data: FloatArray, rows: number, width: number, name: string): void {
    if (!Number.isInteger(rows) || rows <= 0) throw new ArgumentError(`${name} batch size must be a positive integer, got ${rows}`);
    if (data.length < rows * width) {
      throw new ShapeError(`${name} must hold ${rows} rows of width ${width} (${rows * width} values), got ${data.length} values`);
    }
  }
}

const LINEAR: ActivationSpec = { name: 'linear', alpha: 0 };

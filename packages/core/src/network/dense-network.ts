import type { ActivationOption } from '../activations/activation-registry';
import type { CoreLossIdentifier } from '../descriptors/loss-descriptors';
import type { InitializerIdentifier } from '../descriptors/initializer-descriptors';
import { ArgumentError } from '../errors';
import { getKernels } from '../kernels/kernel-registry';
import type { Kernels } from '../kernels/kernels';
import { Dense } from '../layers/dense';
import type { MaskSource } from '../layers/dropout';
import type { Loss } from '../losses/loss-registry';
import type { FloatArray } from '../matrix';
import type { Optimizer, ParameterSlot } from '../optimizers/optimizer-registry';
import { checkLayerWeights } from './check-weight-values';
import type { DenseLayerState, LayerWeights } from './dense-layer-state';
import { denseStack } from './dense-stack';
import { checkNetworkMemory } from './model-memory';
import { checkDenseNetworkOptions } from './network-options';
import { parameterSlotsOf } from './parameter-slots';
import { SequentialNetwork } from './sequential-network';

export interface DenseLayerConfig {
  readonly units: number;
  /** Keras-style name (`dense_1`), used in error messages; default `layer <index>`. */
  readonly name?: string;
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
  /** Where the dropout masks come from; default drawn from the seeded generator after the weights. */
  readonly masks?: MaskSource;
}

export type { DenseLayerState, LayerWeights } from './dense-layer-state';

/**
 * A stack of dense layers with minibatch forward and backward passes — the engine under the tutorial
 * `NeuralNetwork` and `Perceptron`. It is a `SequentialNetwork` of core layers (each `Dense`, then a
 * `Dropout` where a config asks for one) seen as dense layers: the math lives in the layers.
 */
export class DenseNetwork {
  readonly inputSize: number;
  readonly layers: readonly DenseLayerState[];
  /** The network of core layers this one runs on. */
  readonly network: SequentialNetwork;
  private readonly dense: readonly Dense[];
  private slots: readonly ParameterSlot[] | null = null;

  constructor(options: DenseNetworkOptions) {
    checkDenseNetworkOptions(options);
    const { inputSize, layers } = options;
    const stack = denseStack(layers);
    const kernels = options.kernels ?? getKernels();
    // Sizes are checked before memory is allocated: the weights (and one row) now, each larger batch later.
    const checkMemory = (rows: number) => checkNetworkMemory(options, kernels, rows);
    checkMemory(1);
    this.network = new SequentialNetwork({
      checkMemory,
      inputShape: [inputSize],
      layers: stack,
      loss: options.loss ?? 'mse',
      kernels,
      dtype: options.dtype,
      seed: options.seed,
      masks: options.masks,
    });
    this.inputSize = inputSize;
    this.dense = stack.filter((l): l is Dense => l instanceof Dense);
    this.layers = this.dense.map((d, i) => ({
      name: layers[i].name,
      inputs: d.inputs,
      units: d.units,
      activation: d.activation,
      kernel: d.kernel,
      bias: d.bias,
      kernelGrad: d.kernelGrad,
      biasGrad: d.biasGrad,
      dropoutRate: layers[i].dropoutRate ?? 0,
    }));
  }

  get loss(): Loss {
    return this.network.loss;
  }

  get kernels(): Kernels {
    return this.network.kernels;
  }

  get dtype(): 'float32' | 'float64' {
    return this.network.dtype;
  }

  get outputSize(): number {
    return this.network.outputSize;
  }

  /** Total number of weights and biases. */
  countParams(): number {
    return this.network.countParams();
  }

  /**
   * The input buffer of this network (rows × inputSize). Writing a batch here before `forward(this.inputBuffer(rows), rows)`
   * saves a copy with kernel sets that keep their own memory.
   */
  inputBuffer(rows: number): FloatArray {
    return this.network.inputBuffer(rows);
  }

  /** The target buffer (rows × outputSize), the counterpart of `inputBuffer`. */
  targetBuffer(rows: number): FloatArray {
    return this.network.targetBuffer(rows);
  }

  /** Forward pass over `rows` samples; returns the output buffer, valid for its first rows × outputSize values. */
  forward(x: FloatArray, rows: number): FloatArray {
    return this.network.forward(x, rows);
  }

  /**
   * The activations of dense layer `l` after the last forward pass (first rows × units values are valid),
   * before any dropout; after a fused softmax + cross-entropy step, the probabilities.
   */
  layerOutput(l: number): FloatArray {
    const layer = this.dense[l];
    if (!layer || layer.output === undefined) {
      throw new ArgumentError(`layerOutput(${l}): no forward pass has run yet or no such layer (0..${this.dense.length - 1})`);
    }
    return layer.output;
  }

  /** The core `Dense` layer behind `layers[l]`. */
  denseLayer(l: number): Dense {
    const layer = this.dense[l];
    if (!layer) throw new ArgumentError(`denseLayer(${l}): no such layer (0..${this.dense.length - 1})`);
    return layer;
  }

  /** Mean loss over the batch, without touching gradients. */
  evaluateLoss(x: FloatArray, y: FloatArray, rows: number): number {
    return this.network.evaluateLoss(x, y, rows);
  }

  /**
   * Forward and backward pass: fills every layer's `kernelGrad` / `biasGrad` with the gradient of the
   * mean batch loss and returns that loss.
   */
  computeGradients(x: FloatArray, y: FloatArray, rows: number): number {
    return this.network.computeGradients(x, y, rows);
  }

  /**
   * One optimisation step on a batch; returns the batch loss before the update. A non-finite loss skips the
   * update (its gradients are not finite either): the weights stay the last good ones for the caller to report.
   */
  trainStep(x: FloatArray, y: FloatArray, rows: number, optimizer: Optimizer): number {
    const loss = this.network.computeGradients(x, y, rows);
    if (Number.isFinite(loss)) optimizer.step(this.parameterSlots());
    return loss;
  }

  /** Parameters with their gradients and names, in layer order (kernel, then bias); the same list every call. */
  parameterSlots(): readonly ParameterSlot[] {
    // The parameter buffers never change after construction, so the list is built once: a training
    // step then allocates nothing.
    this.slots ??= parameterSlotsOf(this.layers);
    return this.slots;
  }

  /** Copies of every layer's weights. */
  getWeights(): LayerWeights[] {
    return this.layers.map((l) => ({ kernel: l.kernel.slice(), bias: l.bias ? l.bias.slice() : null }));
  }

  /** Replace every layer's weights; shapes and finiteness are checked before anything is written. */
  setWeights(weights: readonly { kernel: ArrayLike<number>; bias?: ArrayLike<number> | null }[]): void {
    checkLayerWeights(this.layers, weights);
    weights.forEach((w, i) => {
      const layer = this.layers[i];
      layer.kernel.set(w.kernel);
      if (layer.bias && w.bias) layer.bias.set(w.bias);
    });
  }

  /** Free every buffer (matters for kernel sets with their own memory). */
  dispose(): void {
    this.network.dispose();
  }
}

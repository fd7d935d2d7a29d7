import type { LayerConfig, LayerWeights, LossSpec, OptimizerSpec } from '@backprop/core';

/**
 * The model description every backend receives (ARCHITECTURE.md, "The model description"): the ordered
 * layer configs in Keras's `{ className, config }` shape, the weights — drawn once by the facade from the
 * seed, so every backend starts from the same numbers — and the loss and optimizer.
 */
export interface ModelSpec {
  /** Shape of one input sample, without the batch dimension: [784], or [28, 28] before a Flatten. */
  readonly inputShape: readonly number[];
  /** The layers, in order, as core describes them (`LayerConfig`). */
  readonly layers: readonly LayerConfig[];
  /** The loss in core's terms; sparse labels are one-hot encoded by the facade before they reach a backend. */
  readonly loss: LossSpec;
  readonly optimizer: Required<OptimizerSpec>;
  /** Kernel (inputs×units, row-major) and bias of every layer with weights, in layer order. */
  readonly initialWeights: readonly LayerWeights[];
  /** Seed of the backend's own dropout masks, used only when `trainOnBatch` is given none. */
  readonly seed: number;
}

/**
 * Dropout masks for one batch, one per Dropout layer in model order: rows × (that layer's per-sample
 * width) values of 0 or 1 / (1 − rate). The facade draws them from one seeded source, so every backend
 * drops the same values.
 */
export type DropoutMasks = readonly Float32Array[];

/**
 * A backend does math only: the facade owns batching, shuffling, validation, metrics and callbacks.
 * Batches arrive as row-major Float32Array views, `rows` rows each.
 */
export interface Backend {
  /** Registered name, e.g. `scratch` or `tfjs`. */
  readonly name: string;
  /** What actually runs, for reports: e.g. `scratch (wasm kernels)` or `tfjs 4.22.0 (wasm, SIMD)`. */
  readonly description: string;
  /**
   * One optimisation step; returns the mean batch loss before the update. With Dropout layers, `masks`
   * holds this batch's masks (see `DropoutMasks`); without them the backend draws its own from the seed.
   * With `sampleWeights` (one finite weight ≥ 0 per row), the loss is Keras 3's Σ wᵣ·lᵣ / rows (the
   * `sum_over_batch_size` reduction). Regularization penalties are added to the loss, unweighted, as Keras does.
   */
  trainOnBatch(x: Float32Array, y: Float32Array, rows: number, masks?: DropoutMasks, sampleWeights?: Float32Array): number;
  /**
   * Inference mode (no dropout) on one batch, for `evaluate` and the validation pass of `fit` (Keras's
   * `test_on_batch`): writes the outputs into `out` (rows × outputUnits) and returns the mean batch loss,
   * computed by the same code as `trainOnBatch`'s, so training and validation losses are one definition
   * (with `sampleWeights` weighted as there).
   */
  evaluateOnBatch(x: Float32Array, y: Float32Array, rows: number, out: Float32Array, sampleWeights?: Float32Array): number;
  /** Inference-mode outputs (no dropout), rows × outputUnits, row-major; written into `out` when given. */
  predict(x: Float32Array, rows: number, out?: Float32Array): Float32Array;
  /** Copies of the kernel and bias of every layer with weights. */
  getWeights(): LayerWeights[];
  setWeights(weights: readonly LayerWeights[]): void;
  /** Release everything the backend holds (tensors, WebAssembly buffers). */
  dispose(): void;

  // Optional members: a backend without them still works; the facade then uses its own buffers and
  // a second (inference) forward pass for training metrics.

  /**
   * A buffer of at least rows × inputSize floats that the facade fills with the next batch and then
   * passes (as a view of exactly rows × inputSize values) to `trainOnBatch` or `predict`, so the
   * backend can skip a copy (the scratch backend hands out its network's input buffer, which lives in
   * WebAssembly memory with the wasm kernels). Valid until the next call of any backend method.
   */
  inputBuffer?(rows: number): Float32Array;
  /** The counterpart of `inputBuffer` for targets (rows × outputUnits); asked for right after it. */
  targetBuffer?(rows: number): Float32Array;
  /**
   * The outputs of the last `trainOnBatch`'s forward pass (training mode, before the update),
   * rows × outputUnits — what Keras computes training metrics from. Valid until the next call.
   */
  lastTrainOutputs?(rows: number): Float32Array;
  /**
   * The learning rate of the optimizer's next step (Keras's `optimizer.learning_rate`: with a schedule, its
   * value at `optimizerIterations`). Without these three, `model.optimizer.learningRate` cannot be set.
   */
  getLearningRate?(): number;
  /** Use `value` as the learning rate from the next step on (between fits, or from a callback). */
  setLearningRate?(value: number): void;
  /** Optimizer steps applied so far (Keras's `optimizer.iterations`). */
  optimizerIterations?(): number;
}

/**
 * A named way to build backends; registered with a priority, the highest being the default. Only here may
 * a backend be asynchronous: `prepare` (optional) loads what it needs once (tfjs awaits `tf.ready()`), and
 * `create` is then synchronous, so a compiled model can be used at once.
 */
export interface BackendFactory {
  readonly name: string;
  readonly priority: number;
  /** Resolves once `create` can run synchronously; a factory without it is always ready. */
  prepare?(): Promise<void>;
  /** True when `create` can run now (after `prepare` resolved); a factory without it always can. */
  isReady?(): boolean;
  create(spec: ModelSpec): Backend;
  /**
   * The memory a model may use on this backend (weights, gradients, optimizer state, activations), and
   * what sets it, for the message of `ModelSizeError`. The facade checks every model against it before it
   * draws initial weights or creates the backend; without it, core's `JS_MEMORY_LIMIT_BYTES` applies.
   */
  memoryLimit?(): { readonly bytes: number; readonly what: string };
}

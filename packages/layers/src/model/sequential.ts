import { ArgumentError, describeValue, type Matrix, type OptimizerState, Rng } from '@backprop/core';
import type { Backend } from '../backend/backend';
import { resolveBackend } from '../backend/backend-registry';
import type { CallbackModel } from '../callbacks/callback';
import { History } from '../callbacks/history';
import { BatchReader } from '../data/batch-reader';
import { type PredictOutput, predictOutput, splitOutputOption, type TensorLike } from '../data/tensor-output';
import { type BatchSource, type InputData, inputBatchSource, sourceAndOptions, type TargetData, validationBatchSource } from '../data/batch-source';
import type { ModelIOHandler } from '../io/model-io-handler';
import { type ModelJson, modelTopologyJson } from '../io/model-json';
import { saveModelTo } from '../io/save-to';
import type { SaveConfig } from '../io/training-artifacts';
import { Layer } from '../layers/layer';
import { uniqueName } from '../layers/layer-names';
import { BackendSlot } from './backend-slot';
import { type CompiledModel, type CompileOptions, resolveCompileOptions } from './compile-options';
import { DropoutMaskDrawer } from './dropout-masks';
import { type EvaluateDict, type EvaluateOptions, evaluateModel } from './evaluate-model';
import { predictBatchesSync } from './evaluation-loop';
import { FitGuard } from './fit-guard';
import { type BatchOptions, batchOptions, type FitOptions, normalizeFitOptions } from './fit-options';
import { fitCallbacks, fitData, trainingParams } from './fit-setup';
import { GuardedCallbackList } from './guarded-callback-list';
import { inferenceDefaults } from './inference-defaults';
import { fromKerasWeights, toKerasWeights, type WeightArray, type WeightInput } from './keras-weights';
import { checkModelMemory, defaultBatchRows, largestBatchRows } from './model-memory';
import { countPlanParams, drawInitialWeights, type ModelPlan, planModel } from './model-plan';
import { assertTrainableCompiled, findLayer } from './model-layers';
import { ModelStateError } from './model-state-error';
import { PendingOptimizerState, readOptimizerState } from './optimizer-state-access';
import { checkSequentialOptions, type EvaluateResult, type SequentialOptions } from './sequential-options';
import { type OnBatchResult, type TestOnBatchOptions, type TrainOnBatchOptions, testOnBatch, trainOnBatch } from './on-batch';
import { summaryLines } from './summary';
import { runTraining } from './training-loop';

export type { EvaluateResult, SequentialOptions };

/**
 * A linear stack of layers with Keras's API (`keras.Sequential`): `add`, `compile`, `fit`, `evaluate`,
 * `predict`, `summary`, `getWeights` / `setWeights`, `save`. The model owns its description (layer
 * configs and weights), batching, shuffling, dropout masks, validation, metrics and callbacks; a backend
 * (scratch by default) does the math, synchronously once created.
 */
export class Sequential implements CallbackModel {
  readonly name: string;
  /** Set to true (e.g. from a callback) to stop `fit` after the current batch. */
  stopTraining = false;
  /** The History of the last `fit`. */
  history: History | null = null;
  private readonly stack: Layer[] = [];
  private seed: number;
  private cachedPlan: ModelPlan | null = null;
  private compiled: CompiledModel | null = null;
  private shuffleRng: Rng | null = null;
  private masks: DropoutMaskDrawer | null = null;
  private readonly pendingOptimizerState = new PendingOptimizerState();
  private readonly fitGuard = new FitGuard();
  /** The backend (once built) and the description's weights; the description is built from the plan and compile settings. */
  private readonly slot = new BackendSlot(
    (initialWeights) => {
      const plan = this.plan();
      const compiled = this.compiled ?? inferenceDefaults();
      return { inputShape: plan.inputShape, layers: plan.configs, loss: compiled.loss.spec, optimizer: compiled.optimizer, initialWeights, seed: this.seed };
    },
    () => {
      checkModelMemory(this.plan(), this.compiled?.backend ?? resolveBackend(), this.compiled?.optimizer ?? null, 1);
      return drawInitialWeights(this.plan(), this.seed);
    },
  );

  constructor(options: readonly Layer[] | SequentialOptions = {}) {
    const opts: SequentialOptions = Array.isArray(options) ? { layers: options } : checkSequentialOptions(options as SequentialOptions);
    this.name = opts.name ?? uniqueName('sequential');
    this.seed = opts.seed ?? 0;
    for (const layer of opts.layers ?? []) this.add(layer);
  }

  get layers(): readonly Layer[] {
    return this.stack;
  }

  /** Keras's `model.optimizer` (null before compile): its `learningRate` can be read, and set between fits or from callbacks. */
  get optimizer(): CompiledModel['optimizerControl'] | null {
    return this.compiled?.optimizerControl.bind(() => this.slot.backend) ?? null;
  }

  /** The backend in use (`scratch`, `tfjs`, …), or null before compile/predict. */
  get backendName(): string | null {
    return this.slot.factory?.name ?? null;
  }

  /**
   * Append a layer. Porting note: adding a layer to a compiled model discards its compiled state and
   * weights (compile again); Keras keeps the weights of the layers already built.
   */
  add(layer: Layer): void {
    this.fitGuard.assertIdle('add()');
    if (!(layer instanceof Layer)) throw new ArgumentError(`add expects a layer such as Dense(10), got ${describeValue(layer)}`);
    if (this.stack.some((l) => l.name === layer.name)) {
      throw new ArgumentError(
        `All layers added to a Sequential model should have unique names. Name "${layer.name}" is already the name of a layer in this model; pass a unique name`,
      );
    }
    this.stack.push(layer);
    layer.owner = this;
    this.cachedPlan = null;
    this.compiled = null;
    this.slot.reset();
    this.masks = null;
  }

  /**
   * Choose loss, optimizer, metrics and backend; builds the backend from the current weights at once when
   * it is ready (a backend that loads asynchronously, such as tfjs on first use, is built when it is).
   */
  compile(options: CompileOptions): void {
    this.fitGuard.assertIdle('compile()');
    // Described afresh: a layer's `trainable` takes effect here, as in Keras.
    this.cachedPlan = null;
    const plan = this.plan();
    const compiled = resolveCompileOptions(options, plan);
    checkModelMemory(plan, compiled.backend, compiled.optimizer, defaultBatchRows());
    if (options.seed !== undefined && options.seed !== this.seed) {
      this.seed = options.seed;
      this.shuffleRng = null;
      this.masks = null;
      this.slot.reseed();
    }
    this.compiled = compiled;
    this.pendingOptimizerState.clear();
    this.slot.use(compiled.backend);
  }

  /** Resolves once the backend is built (only a backend's first load is asynchronous). */
  async ready(): Promise<void> {
    await this.readyBackend();
  }

  /** Train (Keras's `fit`); `x` may also be a BatchSource, then without `y`. */
  async fit(x: InputData | BatchSource, y?: TargetData | FitOptions, options?: FitOptions): Promise<History> {
    const { source, opts } = sourceAndOptions<FitOptions>(x, y, options, 'fit');
    if (!this.compiled || !this.slot.factory) {
      throw new ModelStateError('You must compile the model before training: call model.compile({ loss, optimizer, metrics }) first');
    }
    const compiled = this.compiled;
    const fit = normalizeFitOptions(opts);
    const plan = this.plan();
    assertTrainableCompiled(plan, this.stack);
    const validationSource = opts.validationData === undefined ? null : validationBatchSource(opts.validationData);
    const data = fitData(source, validationSource, fit, compiled, plan);
    checkModelMemory(plan, compiled.backend, compiled.optimizer, largestBatchRows(fit.batchSize, data.trainIndices.length, data.validation?.indices.length ?? 0));
    this.fitGuard.begin();
    try {
      const backend = await this.readyBackend();
      const history = new History();
      const callbacks = new GuardedCallbackList(fitCallbacks(opts.callbacks ?? [], fit.verbose, history).callbacks, this.fitGuard);
      callbacks.configure(this, trainingParams(fit, compiled, data));
      this.stopTraining = false;
      this.history = history;
      this.shuffleRng ??= new Rng(this.seed + 1);
      this.masks ??= new DropoutMaskDrawer(plan, this.seed + 2);
      const shuffleRng = fit.seed !== undefined ? new Rng(fit.seed) : this.shuffleRng;
      await runTraining({ ...data, backend, compiled, outputUnits: plan.outputUnits, options: fit, shuffleRng, masks: this.masks, callbacks, model: this });
      return history;
    } finally {
      this.fitGuard.end();
    }
  }

  /** Loss and metrics (Keras's `evaluate`): `[loss, ...metrics]` in compile order (see `EvaluateResult`), or `{ loss, … }` with `returnDict`. */
  evaluate(x: InputData | BatchSource, y: TargetData | undefined, options: EvaluateOptions & { returnDict: true }): Promise<EvaluateDict>;
  evaluate(x: InputData | BatchSource, y?: TargetData | EvaluateOptions, options?: EvaluateOptions): Promise<EvaluateResult>;
  async evaluate(x: InputData | BatchSource, y?: TargetData | EvaluateOptions, options?: EvaluateOptions): Promise<EvaluateResult | EvaluateDict> {
    const { source, opts } = sourceAndOptions<EvaluateOptions>(x, y, options, 'evaluate');
    if (!this.compiled || !this.slot.factory) throw new ModelStateError('You must compile the model before evaluate: call model.compile({ loss, metrics }) first');
    return evaluateModel(source, opts, this.plan(), this.compiled, () => this.readyBackend());
  }

  /** Outputs for every row (inference mode, no dropout), as a rows × units Matrix, or a tf.Tensor with `output: 'tensor'`. */
  predict(x: InputData | BatchSource, options: BatchOptions & { output: 'tensor' }): TensorLike;
  predict(x: InputData | BatchSource, options?: BatchOptions & { output?: 'matrix' }): Matrix;
  predict(x: InputData | BatchSource, options: BatchOptions & { output?: PredictOutput } = {}): Matrix | TensorLike {
    const { output, rest } = splitOutputOption(options);
    const { batchSize } = batchOptions(rest, 'predict');
    const plan = this.plan();
    const reader = new BatchReader(inputBatchSource(x), plan, null, false);
    return predictOutput(predictBatchesSync(this.slot.now('predict'), reader, batchSize, plan.outputUnits), output);
  }

  /** One training step on all rows of x (Keras's `train_on_batch`, tfjs's `trainOnBatch`): the loss, or `[loss, ...metrics]`. */
  trainOnBatch(x: InputData, y: TargetData, options?: TrainOnBatchOptions): Promise<OnBatchResult | EvaluateDict> {
    return trainOnBatch(this, x, y, options);
  }

  /** Loss and metrics of all rows of x as one batch (Keras's `test_on_batch`). */
  testOnBatch(x: InputData, y: TargetData, options?: TestOnBatchOptions): Promise<OnBatchResult | EvaluateDict> {
    return testOnBatch(this, x, y, options);
  }

  /** `predict` with all rows of x as one batch (Keras's `predict_on_batch`, tfjs's `predictOnBatch`). */
  predictOnBatch(x: InputData): Matrix {
    return this.predict(x, { batchSize: Math.max(1, inputBatchSource(x).size) });
  }

  /** `predict` after waiting for the backend's first load; kept for compatibility. */
  async predictAsync(x: InputData | BatchSource, options: BatchOptions = {}): Promise<Matrix> {
    await this.ready();
    return this.predict(x, options);
  }

  /** Keras's `model.get_weights()` order: each layer's weights in turn (a kernel as a Matrix, a bias as a Float32Array, …). */
  getWeights(): WeightArray[] {
    return toKerasWeights(this.slot.currentWeights());
  }

  /** `getWeights`; kept for compatibility (weights are always at hand). */
  async getWeightsAsync(): Promise<WeightArray[]> {
    return this.getWeights();
  }

  /** Replace every weight, in `getWeights` order; shapes and values are checked before anything changes. */
  setWeights(weights: readonly WeightInput[]): void {
    this.fitGuard.assertIdleOrInCallback('setWeights()');
    this.slot.setWeights(fromKerasWeights(weights, this.plan()));
  }

  /** `setWeights`; kept for compatibility. */
  async setWeightsAsync(weights: readonly WeightInput[]): Promise<void> {
    this.fitGuard.assertIdleOrInCallback('setWeightsAsync()');
    this.setWeights(weights);
  }

  /** tfjs's `getLayer(name?, index?)` / Keras's `get_layer`: by name, or by position in `layers`. */
  getLayer(nameOrIndex?: string | number, index?: number): Layer {
    return findLayer(this.stack, nameOrIndex, index);
  }

  /** tfjs's `model.toJSON()`: model.json's `modelTopology`, as a JSON string (the object when `returnString` is false). */
  toJSON(_unused?: unknown, returnString = true): string | ModelJson['modelTopology'] {
    const topology = modelTopologyJson(this.name, this.stack);
    return returnString ? JSON.stringify(topology) : topology;
  }

  countParams(): number {
    return countPlanParams(this.plan());
  }

  /** Print Keras's summary table, line by line (default console.log). */
  summary(printFn: (line: string) => void = console.log): void {
    const plan = this.plan();
    for (const line of summaryLines(this.name, this.stack, plan.inputShape)) printFn(line);
  }

  /**
   * Save in the TensorFlow.js layers format: `model.save('file://./my-model')` writes model.json +
   * weights.bin (Node); `indexeddb://`, `localstorage://`, `downloads://`, `http(s)://` or a handler
   * object save elsewhere (io/io-router.ts); a path ending in `.keras` writes one Keras 3 file (Node; io/keras/).
   * A compiled model's training config goes with it, its optimizer state with `{ includeOptimizer: true }`.
   */
  save(url: string | ModelIOHandler, config?: SaveConfig): Promise<void> {
    return saveModelTo(this, url, config);
  }

  /** What compile settled (loss, optimizer, metrics, backend), or null before compile. */
  get compileConfig(): CompiledModel | null {
    return this.compiled;
  }

  /** The optimizer's step count and slots, named as tfjs names them (tfjs's `model.optimizer.getWeights()`). */
  async getOptimizerState(): Promise<OptimizerState> {
    return readOptimizerState(this.compiled && (await this.readyBackend()), 'getOptimizerState');
  }

  /** Restore a `getOptimizerState` result (tfjs's `optimizer.setWeights`), applied before the next step: training resumes exactly. */
  setOptimizerState(state: OptimizerState): void {
    this.fitGuard.assertIdle('setOptimizerState()');
    this.pendingOptimizerState.hold(state, this.compiled !== null);
  }

  /** Release the backend's memory; the weights stay with the model. */
  dispose(): void {
    this.fitGuard.assertIdle('dispose()');
    this.slot.release();
  }

  /** The model description; throws if the model cannot be built yet. */
  plan(): ModelPlan {
    this.cachedPlan ??= planModel(this.stack);
    return this.cachedPlan;
  }

  /** The backend once built, with a restored optimizer state applied to it. */
  private async readyBackend(): Promise<Backend> {
    return this.pendingOptimizerState.applyTo(await this.slot.ready());
  }
}

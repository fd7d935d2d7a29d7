import { ArgumentError, describeValue, type LayerWeights, type Matrix, Rng } from '@backprop/core';
import type { Backend, BackendFactory, ModelSpec } from '../backend/backend';
import { isReady, resolveBackend } from '../backend/backend-registry';
import type { CallbackModel } from '../callbacks/callback';
import { History } from '../callbacks/history';
import { BatchReader } from '../data/batch-reader';
import { type PredictOutput, predictOutput, splitOutputOption, type TensorLike } from '../data/tensor-output';
import { type BatchSource, type InputData, inputBatchSource, sourceAndOptions, type TargetData, validationBatchSource } from '../data/batch-source';
import type { ModelIOHandler } from '../io/model-io-handler';
import { saveModelTo } from '../io/save-to';
import { Layer } from '../layers/layer';
import { uniqueName } from '../layers/layer-names';
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
import { ModelStateError } from './model-state-error';
import { checkSequentialOptions, type EvaluateResult, type SequentialOptions } from './sequential-options';
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
  /** The backend holding the weights, once created. */
  private backend: Backend | null = null;
  /** The factory chosen by compile (or for inference), whose backend is created as soon as it is ready. */
  private factory: BackendFactory | null = null;
  /** The weights while no backend holds them: drawn from the seed, or given to setWeights. */
  private weights: LayerWeights[] | null = null;
  private weightsFromSeed = true;
  private shuffleRng: Rng | null = null;
  private masks: DropoutMaskDrawer | null = null;
  private readonly fitGuard = new FitGuard();

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
    return this.compiled?.optimizerControl.bind(() => this.backend) ?? null;
  }

  /** The backend in use (`scratch`, `tfjs`, …), or null before compile/predict. */
  get backendName(): string | null {
    return this.factory?.name ?? null;
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
    this.cachedPlan = null;
    this.compiled = null;
    this.releaseBackend();
    this.factory = null;
    this.weights = null;
    this.weightsFromSeed = true;
    this.masks = null;
  }

  /**
   * Choose loss, optimizer, metrics and backend; builds the backend from the current weights at once when
   * it is ready (a backend that loads asynchronously, such as tfjs on first use, is built when it is).
   */
  compile(options: CompileOptions): void {
    this.fitGuard.assertIdle('compile()');
    const plan = this.plan();
    const compiled = resolveCompileOptions(options, plan);
    checkModelMemory(plan, compiled.backend, compiled.optimizer, defaultBatchRows());
    if (options.seed !== undefined && options.seed !== this.seed) {
      this.seed = options.seed;
      this.shuffleRng = null;
      this.masks = null;
      if (!this.backend && this.weightsFromSeed) this.weights = null;
    }
    this.compiled = compiled;
    this.useBackend(compiled.backend);
  }

  /** Resolves once the backend is built (only a backend's first load is asynchronous). */
  async ready(): Promise<void> {
    await this.readyBackend();
  }

  /** Train (Keras's `fit`); `x` may also be a BatchSource, then without `y`. */
  async fit(x: InputData | BatchSource, y?: TargetData | FitOptions, options?: FitOptions): Promise<History> {
    const { source, opts } = sourceAndOptions<FitOptions>(x, y, options, 'fit');
    if (!this.compiled || !this.factory) {
      throw new ModelStateError('You must compile the model before training: call model.compile({ loss, optimizer, metrics }) first');
    }
    const compiled = this.compiled;
    const fit = normalizeFitOptions(opts);
    const plan = this.plan();
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
    if (!this.compiled || !this.factory) throw new ModelStateError('You must compile the model before evaluate: call model.compile({ loss, metrics }) first');
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
    return predictOutput(predictBatchesSync(this.backendNow('predict'), reader, batchSize, plan.outputUnits), output);
  }

  /** `predict` after waiting for the backend's first load; kept for compatibility. */
  async predictAsync(x: InputData | BatchSource, options: BatchOptions = {}): Promise<Matrix> {
    await this.ready();
    return this.predict(x, options);
  }

  /** Keras order: kernel ([inputs, units] Matrix), bias (Float32Array), kernel, bias, … */
  getWeights(): WeightArray[] {
    return toKerasWeights(this.backend ? this.backend.getWeights() : this.descriptionWeights(), this.plan());
  }

  /** `getWeights`; kept for compatibility (weights are always at hand). */
  async getWeightsAsync(): Promise<WeightArray[]> {
    return this.getWeights();
  }

  /** Replace every weight, in `getWeights` order; shapes and values are checked before anything changes. */
  setWeights(weights: readonly WeightInput[]): void {
    this.fitGuard.assertIdleOrInCallback('setWeights()');
    const layerWeights = fromKerasWeights(weights, this.plan());
    if (this.backend) {
      this.backend.setWeights(layerWeights);
      return;
    }
    this.weights = layerWeights;
    this.weightsFromSeed = false;
  }

  /** `setWeights`; kept for compatibility. */
  async setWeightsAsync(weights: readonly WeightInput[]): Promise<void> {
    this.fitGuard.assertIdleOrInCallback('setWeightsAsync()');
    this.setWeights(weights);
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
   * object save elsewhere (see io/io-router.ts). A path ending in `.keras` writes one Keras 3 file that
   * `keras.saving.load_model` opens (Node; io/keras/).
   */
  save(url: string | ModelIOHandler): Promise<void> {
    return saveModelTo(this, url);
  }

  /** Release the backend's memory; the weights stay with the model. */
  dispose(): void {
    this.fitGuard.assertIdle('dispose()');
    this.releaseBackend();
  }

  private releaseBackend(): void {
    if (!this.backend) return;
    this.weights = this.backend.getWeights();
    this.backend.dispose();
    this.backend = null;
  }

  /** The model description; throws if the model cannot be built yet. */
  plan(): ModelPlan {
    this.cachedPlan ??= planModel(this.stack);
    return this.cachedPlan;
  }

  /** The weights of the description: drawn once from the seed unless given. */
  private descriptionWeights(): LayerWeights[] {
    if (!this.weights) checkModelMemory(this.plan(), this.compiled?.backend ?? resolveBackend(), this.compiled?.optimizer ?? null, 1);
    this.weights ??= drawInitialWeights(this.plan(), this.seed);
    return this.weights;
  }

  /** Switch to `factory`, carrying the current weights over (Keras keeps weights across compiles). */
  private useBackend(factory: BackendFactory): void {
    this.releaseBackend();
    this.factory = factory;
    if (isReady(factory)) this.createBackend();
    else factory.prepare?.().catch(() => {});
  }

  private createBackend(): Backend {
    const plan = this.plan();
    const compiled = this.compiled ?? inferenceDefaults();
    const spec: ModelSpec = {
      inputShape: plan.inputShape,
      layers: plan.configs,
      loss: compiled.loss.spec,
      optimizer: compiled.optimizer,
      initialWeights: this.descriptionWeights(),
      seed: this.seed,
    };
    this.backend = this.factory!.create(spec);
    this.weights = null;
    return this.backend;
  }

  /** The backend, after its factory's first load if needed (Keras predicts with uncompiled models: a default backend then). */
  private async readyBackend(): Promise<Backend> {
    if (this.backend) return this.backend;
    this.factory ??= resolveBackend();
    await this.factory.prepare?.();
    return this.backend ?? this.createBackend();
  }

  /** The backend now; `call` names the method for the message when its factory is still loading. */
  private backendNow(call: string): Backend {
    if (this.backend) return this.backend;
    this.factory ??= resolveBackend();
    if (!isReady(this.factory)) {
      this.factory.prepare?.().catch(() => {});
      throw new ModelStateError(`backend "${this.factory.name}" is still loading; await model.ready() once before ${call}()`);
    }
    return this.createBackend();
  }
}

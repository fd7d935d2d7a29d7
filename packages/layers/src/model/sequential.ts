import { ArgumentError, describeValue, type LayerWeights, type Matrix, Rng } from '@backprop/core';
import type { ModelSpec } from '../backend/backend';
import { resolveBackend } from '../backend/backend-registry';
import type { CallbackModel } from '../callbacks/callback';
import { History } from '../callbacks/history';
import { BatchReader, indexRange } from '../data/batch-reader';
import { type BatchSource, type InputData, inputBatchSource, sourceAndOptions, type TargetData, validationBatchSource } from '../data/batch-source';
import type { ModelIOHandler } from '../io/model-io-handler';
import { saveModelTo } from '../io/save-to';
import { Layer } from '../layers/layer';
import { uniqueName } from '../layers/layer-names';
import { BackendHandle } from './backend-handle';
import { type CompiledModel, type CompileOptions, resolveCompileOptions } from './compile-options';
import { evaluateBatches, isPromise, predictBatches, predictBatchesSync } from './evaluation-loop';
import { FitGuard } from './fit-guard';
import { type BatchOptions, batchOptions, type FitOptions, normalizeFitOptions } from './fit-options';
import { fitCallbacks, fitData, trainingParams } from './fit-setup';
import { GuardedCallbackList } from './guarded-callback-list';
import { inferenceDefaults } from './inference-defaults';
import { fromKerasWeights, toKerasWeights, type WeightArray, type WeightInput } from './keras-weights';
import { checkModelMemory, defaultBatchRows, largestBatchRows } from './model-memory';
import { countPlanParams, denseLayerSpecs, drawInitialWeights, type ModelPlan, planModel } from './model-plan';
import { ModelStateError } from './model-state-error';

export type { EvaluateResult, SequentialOptions } from './sequential-options';
import { checkSequentialOptions, type EvaluateResult, type SequentialOptions } from './sequential-options';
import { summaryLines } from './summary';
import { runTraining } from './training-loop';

/**
 * A linear stack of layers with Keras's API (`keras.Sequential`): `add`, `compile`, `fit`, `evaluate`,
 * `predict`, `summary`, `getWeights` / `setWeights`, `save`. The model owns batching, shuffling,
 * validation, metrics and callbacks; a backend (scratch by default) does the math.
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
  private handle: BackendHandle | null = null;
  /** Weights while no backend holds them: drawn from the seed, or given to setWeights. */
  private pendingWeights: LayerWeights[] | null = null;
  private weightsFromSeed = true;
  private shuffleRng: Rng | null = null;
  /** An asynchronous backend's setWeights still running; awaited before the next use of the backend. */
  private pendingWrite: Promise<void> = Promise.resolve();
  private writeInFlight = false;
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

  /** The backend in use (`scratch`, `tfjs`, …), or null before compile/predict. */
  get backendName(): string | null {
    return this.handle?.name ?? null;
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
    this.handle?.dispose();
    this.handle = null;
    this.pendingWeights = null;
    this.weightsFromSeed = true;
  }

  /** Choose loss, optimizer, metrics and backend; builds the backend from the current weights. */
  compile(options: CompileOptions): void {
    this.fitGuard.assertIdle('compile()');
    const plan = this.plan();
    const compiled = resolveCompileOptions(options, plan);
    checkModelMemory(plan, compiled.backend, compiled.optimizer, defaultBatchRows());
    if (options.seed !== undefined && options.seed !== this.seed) {
      this.seed = options.seed;
      this.shuffleRng = null;
      if (!this.handle && this.weightsFromSeed) this.pendingWeights = null;
    }
    this.compiled = compiled;
    this.rebuildBackend(compiled.backend.name, plan);
  }

  /** Resolves once the backend is ready (backends may load asynchronously). */
  async ready(): Promise<void> {
    await this.inferenceHandle().ready();
    await this.pendingWrite;
  }

  /** Train (Keras's `fit`); `x` may also be a BatchSource, then without `y`. */
  async fit(x: InputData | BatchSource, y?: TargetData | FitOptions, options?: FitOptions): Promise<History> {
    const { source, opts } = sourceAndOptions<FitOptions>(x, y, options, 'fit');
    if (!this.compiled || !this.handle) {
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
      const backend = await this.handle.ready();
      await this.pendingWrite;
      const history = new History();
      const callbacks = new GuardedCallbackList(fitCallbacks(opts.callbacks ?? [], fit.verbose, history).callbacks, this.fitGuard);
      callbacks.configure(this, trainingParams(fit, compiled, data));
      this.stopTraining = false;
      this.history = history;
      this.shuffleRng ??= new Rng(this.seed + 1);
      const shuffleRng = fit.seed !== undefined ? new Rng(fit.seed) : this.shuffleRng;
      await runTraining({ ...data, backend, compiled, outputUnits: plan.outputUnits, options: fit, shuffleRng, callbacks, model: this });
      return history;
    } finally {
      this.fitGuard.end();
    }
  }

  /**
   * Loss and metrics on data (Keras's `evaluate`): always `[loss, ...metrics]` in the order of
   * `compile({ metrics })`, so `[loss]` when there are no metrics (see `EvaluateResult`).
   */
  async evaluate(x: InputData | BatchSource, y?: TargetData | BatchOptions, options?: BatchOptions): Promise<EvaluateResult> {
    const { source, opts } = sourceAndOptions<BatchOptions>(x, y, options, 'evaluate');
    if (!this.compiled || !this.handle) throw new ModelStateError('You must compile the model before evaluate: call model.compile({ loss, metrics }) first');
    const compiled = this.compiled;
    const { batchSize } = batchOptions(opts, 'evaluate');
    const plan = this.plan();
    const reader = new BatchReader(source, plan, compiled.loss, true, 'x');
    const backend = await this.handle.ready();
    await this.pendingWrite;
    const logs = await evaluateBatches(backend, reader, indexRange(0, source.size), batchSize, compiled, plan.outputUnits);
    const values = [logs.loss, ...compiled.metrics.map((m) => logs[m.name])];
    return values;
  }

  /** Outputs for every row (inference mode, no dropout), as a rows × units Matrix. Needs a synchronous backend. */
  predict(x: InputData | BatchSource, options: BatchOptions = {}): Matrix {
    const { batchSize } = batchOptions(options, 'predict');
    const plan = this.plan();
    const reader = new BatchReader(inputBatchSource(x), plan, null, false);
    return predictBatchesSync(this.inferenceHandle().now('predict'), reader, batchSize, plan.outputUnits);
  }

  /** `predict` for any backend, including those that answer asynchronously. */
  async predictAsync(x: InputData | BatchSource, options: BatchOptions = {}): Promise<Matrix> {
    const { batchSize } = batchOptions(options, 'predict');
    const plan = this.plan();
    const reader = new BatchReader(inputBatchSource(x), plan, null, false);
    const backend = await this.inferenceHandle().ready();
    await this.pendingWrite;
    return predictBatches(backend, reader, batchSize, plan.outputUnits);
  }

  /** Keras order: kernel ([inputs, units] Matrix), bias (Float32Array), kernel, bias, … */
  getWeights(): WeightArray[] {
    if (!this.handle) return toKerasWeights(this.initialWeights(), this.plan());
    const weights = this.handle.now('getWeights').getWeights();
    if (isPromise(weights)) {
      weights.catch(() => {});
      throw new ModelStateError(`backend "${this.handle.name}" reads weights asynchronously; use await model.getWeightsAsync()`);
    }
    return toKerasWeights(weights, this.plan());
  }

  async getWeightsAsync(): Promise<WeightArray[]> {
    if (!this.handle) return toKerasWeights(this.initialWeights(), this.plan());
    const backend = await this.handle.ready();
    await this.pendingWrite;
    return toKerasWeights(await backend.getWeights(), this.plan());
  }

  /** Replace every weight, in `getWeights` order; shapes and values are checked before anything changes. */
  setWeights(weights: readonly WeightInput[]): void {
    this.fitGuard.assertIdleOrInCallback('setWeights()');
    const layerWeights = fromKerasWeights(weights, this.plan());
    if (!this.handle) {
      this.pendingWeights = layerWeights;
      this.weightsFromSeed = false;
      return;
    }
    const done = this.handle.now('setWeights').setWeights(layerWeights);
    if (isPromise(done)) {
      this.writeInFlight = true;
      this.pendingWrite = this.pendingWrite.then(() => done).finally(() => {
        this.writeInFlight = false;
      });
    }
  }

  async setWeightsAsync(weights: readonly WeightInput[]): Promise<void> {
    this.fitGuard.assertIdleOrInCallback('setWeightsAsync()');
    const layerWeights = fromKerasWeights(weights, this.plan());
    if (!this.handle) {
      this.setWeights(weights);
      return;
    }
    const backend = await this.handle.ready();
    await this.pendingWrite;
    await backend.setWeights(layerWeights);
  }

  countParams(): number {
    return countPlanParams(this.plan());
  }

  /** Print Keras's summary table, line by line (default console.log). */
  summary(printFn: (line: string) => void = console.log): void {
    const plan = this.plan();
    for (const line of summaryLines(this.name, this.stack, plan.inputSize)) printFn(line);
  }

  /**
   * Save in the TensorFlow.js layers format: `model.save('file://./my-model')` writes model.json +
   * weights.bin (Node); `indexeddb://`, `localstorage://`, `downloads://`, `http(s)://` or a handler
   * object save elsewhere (see io/io-router.ts).
   */
  save(url: string | ModelIOHandler): Promise<void> {
    return saveModelTo(this, url);
  }

  /** Release the backend's memory. */
  dispose(): void {
    this.fitGuard.assertIdle('dispose()');
    this.handle?.dispose();
    this.handle = null;
  }

  /** The folded dense stack; throws if the model cannot be built yet. */
  plan(): ModelPlan {
    this.cachedPlan ??= planModel(this.stack);
    return this.cachedPlan;
  }

  private initialWeights(): LayerWeights[] {
    if (!this.pendingWeights) checkModelMemory(this.plan(), this.compiled?.backend ?? resolveBackend(), this.compiled?.optimizer ?? null, 1);
    this.pendingWeights ??= drawInitialWeights(this.plan(), this.seed);
    return this.pendingWeights;
  }

  /** Replace the backend, carrying the current weights over (Keras keeps weights across compiles). */
  private rebuildBackend(backendName: string, plan: ModelPlan): void {
    const compiled = this.compiled ?? inferenceDefaults();
    const factory = resolveBackend(backendName);
    const old = this.handle;
    const weights = old ? this.weightsOf(old) : this.initialWeights();
    const spec = (initialWeights: LayerWeights[]): ModelSpec => ({
      inputSize: plan.inputSize,
      layers: denseLayerSpecs(plan),
      loss: compiled.loss.spec,
      optimizer: compiled.optimizer,
      initialWeights,
      seed: this.seed,
    });
    this.handle = new BackendHandle(factory.name, () =>
      isPromise(weights) ? weights.then((w) => factory.create(spec(w))) : factory.create(spec(weights)),
    );
    if (!old) return;
    if (isPromise(weights)) weights.finally(() => old.dispose()).catch(() => {});
    else old.dispose();
  }

  /** A backend's weights: synchronously when it is ready, answers synchronously and has no write in flight. */
  private weightsOf(handle: BackendHandle): LayerWeights[] | Promise<LayerWeights[]> {
    const backend = handle.current();
    if (backend && !this.writeInFlight) return backend.getWeights();
    return handle.ready().then(async (b) => {
      await this.pendingWrite;
      return b.getWeights();
    });
  }

  /** The backend for predict / getWeights: the compiled one, or a default one built on first use (Keras predicts uncompiled models). */
  private inferenceHandle(): BackendHandle {
    if (!this.handle) this.rebuildBackend(resolveBackend().name, this.plan());
    return this.handle!;
  }
}

import { ArgumentError, checkOptionKeys, describeValue, type MetricIdentifier, type OptimizerIdentifier, type OptimizerSpec, optionKeys } from '@backprop/core';
import type { BackendFactory } from '../backend/backend';
import { resolveBackend } from '../backend/backend-registry';
import { type LossOption, type ResolvedLoss, resolveLoss } from '../losses/loss-resolution';
import { type Metric, resolveMetrics } from '../metrics/metric-registry';
import { ModelOptimizer } from '../optimizers/model-optimizer';
import { resolveOptimizerOption, type TfjsOptimizerLike } from '../optimizers/tfjs-optimizer-objects';
import type { ModelPlan } from './model-plan';

export interface CompileOptions {
  /** Keras or tfjs name: `'categorical_crossentropy'`, `'sparseCategoricalCrossentropy'`, `'mse'`, … */
  loss: LossOption;
  /**
   * `SGD(0.01)`, `Adam()`, `AdamW()`, …, a name (`'adam'`, `'Nadam'`), or with @backprop/tfjs-adapter loaded a tfjs
   * optimizer (`tf.train.adam(0.01)`); default `'rmsprop'` (Keras's default).
   */
  optimizer?: OptimizerSpec | OptimizerIdentifier | TfjsOptimizerLike;
  /** `['accuracy']`, `'acc'`, `'mse'`, `'mae'`, …; reported as `accuracy` / `val_accuracy` in the history. */
  metrics?: MetricIdentifier[];
  /** Registered backend name; default the current choice (see `setBackend`). */
  backend?: string;
  /** Seed for the initial weights, shuffling and dropout; default the model's seed. */
  seed?: number;
}

/** What `compile` settles: every name resolved and checked. */
export interface CompiledModel {
  readonly loss: ResolvedLoss;
  /** The optimizer's spec now: the compiled one with any learning rate set since through `optimizerControl`. */
  readonly optimizer: Required<OptimizerSpec>;
  /** What `model.optimizer` returns. */
  readonly optimizerControl: ModelOptimizer;
  readonly metrics: readonly Metric[];
  readonly backend: BackendFactory;
}

/** Every key of CompileOptions, checked against the interface by the type checker (optionKeys). */
export const COMPILE_OPTION_KEYS = optionKeys<CompileOptions>()(['loss', 'optimizer', 'metrics', 'backend', 'seed']);

/** Arguments of Keras 3's `compile` not implemented yet: NotSupportedError rather than ignored. */
const COMPILE_UNSUPPORTED = ['lossWeights', 'weightedMetrics', 'runEagerly', 'stepsPerExecution', 'jitCompile', 'autoScaleLoss'];

export function resolveCompileOptions(options: CompileOptions, plan: ModelPlan): CompiledModel {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArgumentError(`compile expects { loss, optimizer, metrics }, got ${describeValue(options)}`);
  }
  checkOptionKeys(options, COMPILE_OPTION_KEYS, 'compile options', COMPILE_UNSUPPORTED);
  if (options.loss === undefined) throw new ArgumentError("compile needs a loss, e.g. compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.01) })");
  if (options.seed !== undefined && !(typeof options.seed === 'number' && Number.isFinite(options.seed))) throw new ArgumentError(`compile seed must be a finite number, got ${describeValue(options.seed)}`);
  const loss = resolveLoss(options.loss);
  const optimizerControl = new ModelOptimizer(resolveOptimizerOption(options.optimizer ?? 'rmsprop'));
  return {
    loss,
    get optimizer() {
      return optimizerControl.spec;
    },
    optimizerControl,
    metrics: resolveMetrics(options.metrics, loss, plan.outputUnits),
    backend: resolveBackend(options.backend),
  };
}

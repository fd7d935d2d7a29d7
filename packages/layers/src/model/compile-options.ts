import { ArgumentError, checkOptionKeys, describeValue, type MetricIdentifier, type OptimizerIdentifier, type OptimizerSpec, optimizerSpec, optionKeys } from '@backprop/core';
import type { BackendFactory } from '../backend/backend';
import { resolveBackend } from '../backend/backend-registry';
import { type LossOption, type ResolvedLoss, resolveLoss } from '../losses/loss-resolution';
import { type Metric, resolveMetrics } from '../metrics/metric-registry';
import type { ModelPlan } from './model-plan';

export interface CompileOptions {
  /** Keras or tfjs name: `'categorical_crossentropy'`, `'sparseCategoricalCrossentropy'`, `'mse'`, … */
  loss: LossOption;
  /** `SGD(0.01)`, `Adam()`, `RMSprop()`, or `'sgd' | 'adam' | 'rmsprop'`; default `'rmsprop'` (Keras's default). */
  optimizer?: OptimizerSpec | OptimizerIdentifier;
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
  readonly optimizer: Required<OptimizerSpec>;
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
  return {
    loss,
    optimizer: optimizerSpec(options.optimizer ?? 'rmsprop'),
    metrics: resolveMetrics(options.metrics, loss, plan.outputUnits),
    backend: resolveBackend(options.backend),
  };
}

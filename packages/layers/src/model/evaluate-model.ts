import { ArgumentError, checkBooleanOption, describeValue } from '@backprop/core';
import type { Backend } from '../backend/backend';
import { BatchReader, indexRange } from '../data/batch-reader';
import type { BatchSource } from '../data/batch-source';
import type { TensorLike } from '../data/sample-data';
import type { CompiledModel } from './compile-options';
import { evaluateBatches } from './evaluation-loop';
import { type BatchOptions, batchOptions } from './fit-options';
import type { ModelPlan } from './model-plan';
import { sampleWeighting } from './sample-weighting';
import type { EvaluateResult } from './sequential-options';

/** Options of `evaluate`: those of predict, plus Keras 3's `sample_weight` and `return_dict`. */
export interface EvaluateOptions extends BatchOptions {
  /** One weight per sample (array, typed array or tf.Tensor): the loss is Σ w·l / n, as in `fit`. Metrics stay unweighted, as Keras's `metrics`. */
  sampleWeight?: ArrayLike<number> | TensorLike;
  /** Return `{ loss, accuracy, … }` (named as in the history) instead of `[loss, accuracy, …]` (Keras 3's `return_dict`). */
  returnDict?: boolean;
}

/** `evaluate`'s result with `returnDict: true`: every log by name. */
export type EvaluateDict = Record<string, number>;

/**
 * Keras's `evaluate`: loss and metrics over `source` in inference mode, batch by batch, the loss weighted by
 * `sampleWeight` when given. The data is checked against the model before the backend is awaited.
 */
export async function evaluateModel(
  source: BatchSource,
  options: EvaluateOptions,
  plan: ModelPlan,
  compiled: CompiledModel,
  backend: () => Promise<Backend>,
): Promise<EvaluateResult | EvaluateDict> {
  if (options === null || typeof options !== 'object') throw new ArgumentError(`evaluate options must be an object, got ${describeValue(options)}`);
  const { sampleWeight, returnDict, ...rest } = options;
  const { batchSize } = batchOptions(rest, 'evaluate');
  const dict = checkBooleanOption(returnDict, 'returnDict', 'evaluate options') ?? false;
  const reader = new BatchReader(source, plan, compiled.loss, true, 'x');
  const weighting = sampleWeighting(sampleWeight, undefined, source.size, plan.outputUnits, 'evaluate');
  const logs = await evaluateBatches(await backend(), reader, indexRange(0, source.size), batchSize, compiled, plan.outputUnits, weighting);
  const names = ['loss', ...compiled.metrics.map((m) => m.name)];
  return dict ? Object.fromEntries(names.map((n) => [n, logs[n]])) : names.map((n) => logs[n]);
}

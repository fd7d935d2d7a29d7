import { checkBooleanOption, checkOptionKeys, optionKeys } from '@backprop/core';
import type { History } from '../callbacks/history';
import type { BatchSource } from '../data/batch-source';
import { sourceAndOptions } from '../data/batch-source';
import type { TensorLike } from '../data/sample-data';
import type { EvaluateDict, EvaluateOptions } from './evaluate-model';
import type { FitOptions } from './fit-options';
import type { ClassWeight } from './sample-weighting';

/** Options of `trainOnBatch` (Keras 3's `train_on_batch(x, y, sample_weight, class_weight, return_dict)`). */
export interface TrainOnBatchOptions {
  sampleWeight?: ArrayLike<number> | TensorLike;
  classWeight?: ClassWeight;
  /** Return `{ loss, accuracy, … }` instead of the loss or `[loss, ...metrics]`. */
  returnDict?: boolean;
}

/** Options of `testOnBatch` (Keras 3's `test_on_batch(x, y, sample_weight, return_dict)`). */
export interface TestOnBatchOptions {
  sampleWeight?: ArrayLike<number> | TensorLike;
  returnDict?: boolean;
}

/** The result of `trainOnBatch` / `testOnBatch`: the loss alone when no metrics are compiled (Keras, tfjs), else `[loss, ...metrics]`. */
export type OnBatchResult = number | number[];

const TRAIN_KEYS = optionKeys<TrainOnBatchOptions>()(['sampleWeight', 'classWeight', 'returnDict']);
const TEST_KEYS = optionKeys<TestOnBatchOptions>()(['sampleWeight', 'returnDict']);

/** The model surface the one-batch calls run on: they are `fit` / `evaluate` over all given rows as one batch. */
interface OnBatchModel {
  fit(x: BatchSource, y: undefined, options: FitOptions): Promise<History>;
  evaluate(x: BatchSource, y: undefined, options: EvaluateOptions & { returnDict: true }): Promise<EvaluateDict>;
}

function shaped(logs: EvaluateDict, returnDict: boolean | undefined): OnBatchResult | EvaluateDict {
  if (returnDict) return logs;
  const values = Object.values(logs);
  return values.length === 1 ? values[0] : values;
}

/**
 * One gradient step on all rows of x as a single batch (Keras's `train_on_batch`, tfjs's `trainOnBatch`):
 * a one-epoch, one-batch, unshuffled `fit`, so every check of `fit` applies (data shapes, non-finite values,
 * weighting, a concurrent `fit`); the loss and metrics are those of that batch's forward pass. No callbacks run.
 */
export async function trainOnBatch(model: OnBatchModel, x: unknown, y: unknown, options?: TrainOnBatchOptions): Promise<OnBatchResult | EvaluateDict> {
  const { source, opts } = sourceAndOptions<TrainOnBatchOptions>(x, y, options, 'trainOnBatch');
  checkOptionKeys(opts, TRAIN_KEYS, 'trainOnBatch options');
  const { returnDict, ...weighting } = opts;
  checkBooleanOption(returnDict, 'returnDict', 'trainOnBatch options');
  const history = await model.fit(source, undefined, { ...weighting, epochs: 1, batchSize: Math.max(1, source.size), shuffle: false, verbose: 0 });
  const logs = Object.fromEntries(Object.entries(history.history).map(([name, values]) => [name, values[values.length - 1]]));
  return shaped(logs, returnDict);
}

/** Loss and metrics of all rows of x as one batch in inference mode (Keras's `test_on_batch`): `evaluate` with that batch size. */
export async function testOnBatch(model: OnBatchModel, x: unknown, y: unknown, options?: TestOnBatchOptions): Promise<OnBatchResult | EvaluateDict> {
  const { source, opts } = sourceAndOptions<TestOnBatchOptions>(x, y, options, 'testOnBatch');
  checkOptionKeys(opts, TEST_KEYS, 'testOnBatch options');
  const { returnDict, ...weighting } = opts;
  checkBooleanOption(returnDict, 'returnDict', 'testOnBatch options');
  return shaped(await model.evaluate(source, undefined, { ...weighting, batchSize: Math.max(1, source.size), returnDict: true }), returnDict);
}
